import env from '#start/env'
import ssoConfig, { type SsoConfig } from '#config/sso'
import { startOidcProvider } from '#tests/helpers/oidc_provider'

export const SSO_CLIENT = { clientId: 'stageflow-test', clientSecret: 'test-secret-0123456789' }

/**
 * Starts an OpenID provider on loopback and points this (in-process) app's
 * single sign-on at it; `stop()` closes it and restores the configuration.
 */
export async function withOidcProvider() {
  const redirectUri = `${env.get('APP_URL').replace(/\/+$/, '')}/auth/sso/callback`
  const idp = await startOidcProvider({ ...SSO_CLIENT, redirectUri })
  const saved: SsoConfig = { ...ssoConfig }
  Object.assign(ssoConfig, {
    issuer: idp.issuer,
    ...SSO_CLIENT,
    scopes: 'openid email profile',
    buttonLabel: 'Test IdP',
    redirectUrl: redirectUri,
    roleClaim: 'roles',
    teamsClaim: 'teams',
    roleMap: { 'stageflow-admins': 'admin', 'stageflow-managers': 'manager' },
    defaultRole: 'member',
    allowInsecureHttp: true,
  } satisfies Partial<SsoConfig>)
  return {
    idp,
    async stop() {
      Object.assign(ssoConfig, saved)
      await idp.close()
    },
  }
}
