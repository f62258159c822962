import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { errors as authErrors } from '@adonisjs/auth'

/**
 * Lets only authenticated, active users through. A user deactivated while
 * signed in is signed out on their next request, whatever guard they use.
 */
export default class AuthMiddleware {
  redirectTo = '/login'

  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[] } = {}
  ) {
    const user = await ctx.auth.authenticateUsing(options.guards, { loginRoute: this.redirectTo })

    if (!user.isActive) {
      if (ctx.auth.authenticatedViaGuard === 'web') {
        await ctx.auth.use('web').logout()
      }
      throw new authErrors.E_UNAUTHORIZED_ACCESS('Your account has been deactivated', {
        guardDriverName: ctx.auth.authenticatedViaGuard === 'api' ? 'access_tokens' : 'session',
        redirectTo: this.redirectTo,
      })
    }

    return next()
  }
}
