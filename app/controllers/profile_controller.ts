import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import UpdateProfile from '#actions/users/update_profile'
import { presentToken } from '#actions/auth/access_tokens'
import UserTransformer from '#transformers/user_transformer'
import AbsenceTransformer from '#transformers/absence_transformer'
import { updatePasswordValidator, updateProfileValidator } from '#validators/user'
import { teamsWithLead } from '#support/teams/membership'

/**
 * A user's own profile: name, password and personal API tokens.
 */
export default class ProfileController {
  async show({ auth, inertia }: HttpContext) {
    const user = auth.getUserOrFail()
    const tokens = await User.accessTokens.all(user)

    const delegate = user.delegateId ? await User.find(user.delegateId) : null
    return inertia.render('profile/show', {
      profile: UserTransformer.transform(user),
      absence: AbsenceTransformer.transform(user, delegate),
      tokens: tokens.map((token) =>
        presentToken({
          id: token.identifier,
          name: token.name,
          last_used_at: token.lastUsedAt,
          expires_at: token.expiresAt,
          created_at: token.createdAt,
        })
      ),
      teams: await teamsWithLead(user.id),
    })
  }

  async update({ auth, request, response, session, bouncer, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(UserPolicy).authorize('updateProfile', user)
    const { name } = await request.validateUsing(updateProfileValidator)
    await new UpdateProfile().handle(user, { name })
    session.flash('success', i18n.t('profile.flash.updated'))
    return response.redirect().toRoute('profile.show')
  }

  async updatePassword({ auth, request, response, session, bouncer, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(UserPolicy).authorize('updateProfile', user)
    const { currentPassword, password } = await request.validateUsing(updatePasswordValidator)
    await new UpdateProfile().changePassword(user, {
      currentPassword,
      password,
      wrongPasswordMessage: i18n.t('profile.errors.currentPassword'),
    })
    session.flash('success', i18n.t('profile.flash.passwordChanged'))
    return response.redirect().toRoute('profile.show')
  }
}
