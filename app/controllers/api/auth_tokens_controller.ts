import type { HttpContext } from '@adonisjs/core/http'
import AccessTokens from '#actions/auth/access_tokens'
import AttemptLogin from '#actions/auth/attempt_login'
import { tokenRequestValidator } from '#validators/session'

/**
 * Tokens for scripts: exchange an e-mail and password for a bearer token.
 * Throttled exactly like the login form.
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
}
