import type { HttpContext } from '@adonisjs/core/http'
import AccessTokens from '#actions/auth/access_tokens'
import { createAccessTokenValidator } from '#validators/user'

/**
 * Personal API tokens managed from the profile page. The secret is shown
 * once, right after creation; only its hash is stored.
 */
export default class AccessTokensController {
  async store({ auth, request, response, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    const { name } = await request.validateUsing(createAccessTokenValidator)
    const token = await new AccessTokens().create(user, name)
    session.flash('newToken', token.value!.release())
    session.flash('success', i18n.t('profile.flash.tokenCreated', { name }))
    return response.redirect().toRoute('profile.show')
  }

  async destroy({ auth, params, response, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    // delete() is scoped to the user, so another user's token id is a no-op 404.
    const deleted = await new AccessTokens().revoke(user, params.id)
    if (!deleted) {
      return response.notFound()
    }
    session.flash('success', i18n.t('profile.flash.tokenRevoked'))
    return response.redirect().toRoute('profile.show')
  }
}
