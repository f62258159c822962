import * as oidc from 'openid-client'
import ssoConfig from '#config/sso'

/**
 * The OpenID Connect relying party (openid-client): discovery of the
 * provider (cached per issuer), the authorization URL with PKCE, state and
 * nonce, and the code exchange that checks all three and validates the ID
 * token (signature, issuer, audience, expiry, nonce).
 */

/** What the browser's session keeps between the redirect and the callback. */
export type PendingSsoLogin = { state: string; nonce: string; codeVerifier: string }

let discovered: { key: string; config: Promise<oidc.Configuration> } | null = null

function providerConfiguration() {
  const key = `${ssoConfig.issuer}|${ssoConfig.clientId}|${ssoConfig.allowInsecureHttp}`
  if (!discovered || discovered.key !== key) {
    const config = oidc.discovery(
      new URL(ssoConfig.issuer!),
      ssoConfig.clientId,
      ssoConfig.clientSecret || undefined,
      undefined,
      ssoConfig.allowInsecureHttp ? { execute: [oidc.allowInsecureRequests] } : undefined
    )
    // A failed discovery (provider down) is retried on the next sign-in.
    config.catch(() => {
      if (discovered?.key === key) discovered = null
    })
    discovered = { key, config }
  }
  return discovered.config
}

export async function authorizationRedirect() {
  const config = await providerConfiguration()
  const pending: PendingSsoLogin = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
  }
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: ssoConfig.redirectUrl,
    scope: ssoConfig.scopes,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  })
  return { url: url.href, pending }
}

/**
 * Exchanges the callback's code; throws when state, nonce, PKCE or the ID
 * token do not check out. Returns the ID token's claims merged with the
 * UserInfo response (providers put profile claims in either).
 */
export async function exchangeCallback(callbackUrl: URL, pending: PendingSsoLogin) {
  const config = await providerConfiguration()
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  })
  const claims = tokens.claims()!
  let userInfo: Record<string, unknown> = {}
  if (tokens.access_token && config.serverMetadata().userinfo_endpoint) {
    userInfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
  }
  return { ...userInfo, ...claims } as Record<string, unknown> & { sub: string; iss: string }
}
