import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

/**
 * A real OpenID provider (oidc-provider, the certified implementation) on
 * a loopback port, for single sign-on tests. Its development login form
 * accepts any login and password; the login names an account of
 * `accounts`, whose claims the provider issues. `tamper` rewrites the next
 * authorization request as an attacker in the middle would (a different
 * `state` or `nonce` than the relying party sent).
 */
export type OidcAccount = {
  email?: string
  email_verified?: boolean
  name?: string
  roles?: string[]
  teams?: string[]
}

export async function startOidcProvider(options: {
  clientId: string
  clientSecret: string
  redirectUri: string
}) {
  const accounts = new Map<string, OidcAccount>()
  const tamper: { state?: string; nonce?: string } = {}

  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'roles', 'teams'],
    },
    cookies: {
      keys: ['oidc-test-cookie-key-0123456789'],
      names: { session: '_idp_session', interaction: '_idp_interaction', resume: '_idp_resume' },
    },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub)
      if (!account) return undefined
      return { accountId: sub, claims: async () => ({ sub, ...account }) }
    },
    // First-party client: no consent screen.
    async loadExistingGrant(ctx: any) {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId)
      if (grantId) return ctx.oidc.provider.Grant.find(grantId)
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  })

  provider.use(async (ctx: any, next: () => Promise<void>) => {
    if (ctx.path === '/auth' && (tamper.state || tamper.nonce)) {
      ctx.query = {
        ...ctx.query,
        ...(tamper.state ? { state: tamper.state } : {}),
        ...(tamper.nonce ? { nonce: tamper.nonce } : {}),
      }
      delete tamper.state
      delete tamper.nonce
    }
    await next()
  })

  server.on('request', provider.callback())

  return {
    issuer,
    accounts,
    tamper,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
