import type { HttpContext } from '@adonisjs/core/http'

/**
 * The page a user lands on after signing in.
 */
export default class DashboardController {
  async index({ inertia }: HttpContext) {
    return inertia.render('dashboard', {})
  }
}
