import { errors as vineErrors } from '@vinejs/vine'
import type User from '#models/user'

/**
 * A person changing their own account: name and language (the profile
 * page, the language switch and PATCH /api/v1/me), and their password,
 * which needs the current one (the profile page and PUT /api/v1/me/password).
 */
export default class UpdateProfile {
  async handle(user: User, changes: { name?: string; locale?: string }) {
    if (changes.name !== undefined) user.name = changes.name
    if (changes.locale !== undefined) user.locale = changes.locale
    await user.save()
    return user
  }

  /**
   * Sets a new password when `currentPassword` is right; otherwise a 422
   * on `currentPassword` with `wrongPasswordMessage` (translated by the caller).
   */
  async changePassword(
    user: User,
    input: { currentPassword: string; password: string; wrongPasswordMessage: string }
  ) {
    if (!(await user.verifyPassword(input.currentPassword))) {
      throw new vineErrors.E_VALIDATION_ERROR([
        {
          field: 'currentPassword',
          message: input.wrongPasswordMessage,
          rule: 'current_password',
        },
      ])
    }
    user.password = input.password
    await user.save()
    return user
  }
}
