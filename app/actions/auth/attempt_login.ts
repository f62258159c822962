import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { errors as authErrors } from '@adonisjs/auth'
import User from '#models/user'
import { loginThrottles, type LoginThrottleScope } from '#config/limiter'
import db from '@adonisjs/lucid/services/db'
import { recordAudit } from '#actions/audit/record_audit'
import { ssoRequiredFor, SsoRequired } from '#actions/sso/sso_settings'

/**
 * Failed logins allowed per e-mail and IP address before the pair is
 * blocked for a while (the per-IP and global budgets are in config/limiter.ts).
 */
export const LOGIN_THROTTLE = loginThrottles.account

/** The limiter key of the global budget (shared by all clients). */
export const GLOBAL_LOGIN_KEY = 'login_all'

const MESSAGES: Record<LoginThrottleScope, string> = {
  account: 'Too many failed sign-ins for this account from your address',
  address: 'Too many failed sign-ins from your address',
  everyone: 'Too many failed sign-ins right now; sign-in is paused for a moment',
}

/**
 * Checks an e-mail and password for the web login and the token API alike.
 * Wrong credentials and deactivated accounts get the same answer (so the
 * form does not reveal which accounts exist) and count as a failure
 * against the account, address and global budgets; any exhausted budget
 * raises the limiter's 429 with Retry-After (its `scope` says which).
 * Success clears the account budget only: a valid account must not reset
 * the address's count of failures on other accounts.
 * When an admin requires single sign-on, right credentials of anyone but a
 * break-glass admin are refused with `sso_required`. Every checked attempt
 * is audited (`auth.login_succeeded` / `auth.login_failed` with the e-mail
 * tried, never the password).
 */
export default class AttemptLogin {
  async handle(params: { email: string; password: string; ip: string; via?: 'web' | 'api' }) {
    const email = User.normalizeEmailAddress(params.email)
    const budgets = [
      { scope: 'account', key: `login_${email}_${params.ip}` },
      { scope: 'address', key: `login_ip_${params.ip}` },
      { scope: 'everyone', key: GLOBAL_LOGIN_KEY },
    ].map(({ scope, key }) => ({
      scope: scope as LoginThrottleScope,
      key,
      limiter: limiter.use(loginThrottles[scope as LoginThrottleScope]),
    }))

    for (const budget of budgets) {
      const state = await budget.limiter.get(budget.key)
      if (state && state.remaining <= 0) throw throttled(budget.scope, state)
    }

    let user: User
    try {
      user = await User.verifyCredentials(email, params.password)
      if (!user.isActive) {
        throw new authErrors.E_INVALID_CREDENTIALS('Invalid user credentials')
      }
    } catch (error) {
      for (const budget of budgets) {
        const state = await budget.limiter.increment(budget.key)
        if (state.consumed >= state.limit && budget.limiter.blockDuration) {
          await budget.limiter.block(budget.key, budget.limiter.blockDuration)
        }
      }
      await recordAudit(db.connection(), {
        action: 'auth.login_failed',
        actor: null,
        after: {
          email,
          method: 'password',
          via: params.via ?? 'web',
          reason: 'invalid_credentials',
        },
      })
      throw error
    }

    if (await ssoRequiredFor(user)) {
      await recordAudit(db.connection(), {
        action: 'auth.login_failed',
        actor: null,
        subject: { type: 'user', id: user.id, label: user.email },
        after: { email, method: 'password', via: params.via ?? 'web', reason: 'sso_required' },
      })
      throw new SsoRequired()
    }

    await budgets[0]!.limiter.delete(budgets[0]!.key)
    await recordAudit(db.connection(), {
      action: 'auth.login_succeeded',
      actor: { id: user.id, email: user.email },
      subject: { type: 'user', id: user.id, label: user.email },
      after: { method: 'password', via: params.via ?? 'web' },
    })
    return user
  }
}

function throttled(
  scope: LoginThrottleScope,
  state: ConstructorParameters<typeof limiterErrors.E_TOO_MANY_REQUESTS>[0]
) {
  const error = new limiterErrors.E_TOO_MANY_REQUESTS(state).setMessage(MESSAGES[scope])
  return Object.assign(error, { scope })
}
