import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import ssoConfig from '#config/sso'
import { ssoEnabled } from '#actions/sso/sso_settings'
import {
  authorizationRedirect,
  exchangeCallback,
  type PendingSsoLogin,
} from '#actions/sso/oidc_client'
import SignInWithSso, { SsoLoginRefused } from '#actions/sso/sign_in_with_sso'
import { recordAudit } from '#actions/audit/record_audit'

const PENDING = 'sso_pending'

/** What went wrong, for the audit entry: the code, the claim that failed (e.g. nonce), the messages. */
function describe(error: unknown) {
  const parts: string[] = []
  let current = error as { code?: string; claim?: string; message?: string; cause?: unknown }
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    if (current.code && !parts.includes(current.code)) parts.push(current.code)
    if (current.claim) parts.push(`claim ${current.claim}`)
    if (current.message) parts.push(current.message)
    current = current.cause as typeof current
  }
  return parts.join(': ').slice(0, 300)
}

/**
 * Single sign-on (OpenID Connect): the redirect to the provider, and the
 * callback that checks state, nonce and PKCE, validates the ID token and
 * signs the person in (provisioning them on first sign-in). Any refusal
 * goes back to the login page with a message, and is audited.
 */
export default class SsoController {
  async redirect({ response, session }: HttpContext) {
    if (!ssoEnabled()) return response.notFound()
    const { url, pending } = await authorizationRedirect()
    session.put(PENDING, pending)
    return response.redirect(url)
  }

  async callback({ request, response, session, auth, i18n }: HttpContext) {
    if (!ssoEnabled()) return response.notFound()
    // One use: a replayed callback finds nothing to check against.
    const pending = session.pull(PENDING) as PendingSsoLogin | undefined
    const refuse = (key: string) => {
      session.flash('error', i18n.t(key))
      return response.redirect().toRoute('session.create')
    }

    let claims: Awaited<ReturnType<typeof exchangeCallback>>
    try {
      if (!pending) throw new Error('no sign-in in progress in this browser')
      const url = new URL(ssoConfig.redirectUrl)
      url.search = new URL(request.completeUrl(true)).search
      claims = await exchangeCallback(url, pending)
    } catch (error) {
      await recordAudit(db.connection(), {
        action: 'auth.login_failed',
        actor: null,
        after: {
          method: 'sso',
          reason: 'invalid_response',
          detail: describe(error),
        },
      })
      return refuse('auth.sso.failed')
    }

    let user
    try {
      user = await new SignInWithSso().handle(claims)
    } catch (error) {
      if (error instanceof SsoLoginRefused) return refuse(`auth.sso.refused.${error.reason}`)
      throw error
    }

    await auth.use('web').login(user)
    if (session.supportsTagging()) await session.tag(String(user.id))
    if (user.locale) session.put('locale', user.locale)
    return response.redirect().toRoute('dashboard')
  }
}
