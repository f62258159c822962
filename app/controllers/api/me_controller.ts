import type { HttpContext } from '@adonisjs/core/http'
import UserPolicy from '#policies/user_policy'
import UpdateProfile from '#actions/users/update_profile'
import UserTransformer from '#transformers/user_transformer'
import { serialize } from '#support/api_serializer'
import { updateMeValidator, updatePasswordValidator } from '#validators/user'

/**
 * Who the bearer token belongs to (handy to check a token works), and the
 * profile page's changes to one's own account: name, language, password.
 */
export default class MeController {
  async show({ auth }: HttpContext) {
    return serialize(UserTransformer.transform(auth.getUserOrFail()))
  }

  async update({ auth, request, bouncer }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(UserPolicy).authorize('updateProfile', user)
    const changes = await request.validateUsing(updateMeValidator)
    await new UpdateProfile().handle(user, changes)
    return serialize(UserTransformer.transform(user))
  }

  async updatePassword({ auth, request, response, bouncer, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(UserPolicy).authorize('updateProfile', user)
    const { currentPassword, password } = await request.validateUsing(updatePasswordValidator)
    await new UpdateProfile().changePassword(user, {
      currentPassword,
      password,
      wrongPasswordMessage: i18n.t('profile.errors.currentPassword'),
    })
    return response.noContent()
  }
}
