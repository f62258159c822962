import type { HttpContext } from '@adonisjs/core/http'
import AttemptLogin from '#actions/auth/attempt_login'
import { loginValidator } from '#validators/session'

/**
 * Signing in and out of the browser UI.
 */
export default class SessionController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/login', {})
  }

  async store({ request, auth, session, response }: HttpContext) {
    const { email, password, remember } = await request.validateUsing(loginValidator)
    const user = await new AttemptLogin().handle({ email, password, ip: request.ip() })

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
