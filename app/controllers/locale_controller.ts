import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import i18nManager from '@adonisjs/i18n/services/main'
import UpdateProfile from '#actions/users/update_profile'

const localeValidator = vine.create({
  locale: vine.enum(() => i18nManager.supportedLocales()),
})

/**
 * The language switch. Remembered in the session, and on the account of a
 * signed-in user so it follows them to other devices.
 */
export default class LocaleController {
  async update({ request, session, auth, response }: HttpContext) {
    const { locale } = await request.validateUsing(localeValidator)
    session.put('locale', locale)
    if (auth.user) await new UpdateProfile().handle(auth.user, { locale })
    return response.redirect().back()
  }
}
