import type { HttpContext } from '@adonisjs/core/http'
import AttemptLogin from '#actions/auth/attempt_login'
import { loginValidator } from '#validators/session'
import ssoConfig from '#config/sso'
import { SsoRequired, ssoEnabled } from '#actions/sso/sso_settings'

/**
 * Signing in and out of the browser UI.
 */
export default class SessionController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/login', {
      sso: ssoEnabled() ? { label: ssoConfig.buttonLabel } : null,
    })
  }

  async store({ request, auth, session, response, i18n }: HttpContext) {
    const { email, password, remember } = await request.validateUsing(loginValidator)
    let user
    try {
      user = await new AttemptLogin().handle({ email, password, ip: request.ip() })
    } catch (error) {
      if (!(error instanceof SsoRequired)) throw error
      session.flashOnly(['email'])
      session.flash('error', i18n.t('auth.ssoRequired'))
      return response.redirect().toRoute('session.create')
    }

    // login() regenerates the session id, so a fixated id is useless.
    await auth.use('web').login(user, !!remember)
    if (session.supportsTagging()) {
      await session.tag(String(user.id))
    }
    if (user.locale) {
      session.put('locale', user.locale)
    }
    return response.redirect().toRoute('dashboard')
  }

  async destroy({ auth, session, response }: HttpContext) {
    await auth.use('web').logout()
    session.clear()
    return response.redirect().toRoute('session.create')
  }
}
