import type { HttpContext } from '@adonisjs/core/http'
import AccessTokens from '#actions/auth/access_tokens'
import AttemptLogin from '#actions/auth/attempt_login'
import { NotFound } from '#exceptions/domain_error'
import { tokenRequestValidator } from '#validators/session'
import { cursorListValidator } from '#validators/api_list'

/**
 * Tokens for scripts: exchange an e-mail and password for a bearer token
 * (throttled exactly like the login form); list and revoke one's own, as
 * on the profile page. Creating and revoking are audited.
 */
export default class AuthTokensController {
  async store({ request, response }: HttpContext) {
    const { email, password, name } = await request.validateUsing(tokenRequestValidator)
    const user = await new AttemptLogin().handle({ email, password, ip: request.ip(), via: 'api' })
    const token = await new AccessTokens().create(user, name ?? 'API script')

    return response.created({
      data: {
        type: 'bearer',
        token: token.value!.release(),
        name: token.name,
        expiresAt: token.expiresAt?.toISOString() ?? null,
      },
    })
  }

  async index({ request, auth }: HttpContext) {
    const input = await request.validateUsing(cursorListValidator, { data: request.qs() })
    return new AccessTokens().page(auth.getUserOrFail(), input)
  }

  /** Another person's token (or one already gone) is 404, as on the profile page. */
  async destroy({ params, auth, response }: HttpContext) {
    const revoked = await new AccessTokens().revoke(auth.getUserOrFail(), Number(params.id) || 0)
    if (!revoked) throw new NotFound('Token')
    return response.noContent()
  }
}
