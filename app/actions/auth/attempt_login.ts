import limiter from '@adonisjs/limiter/services/main'
import { errors as authErrors } from '@adonisjs/auth'
import User from '#models/user'

/**
 * Failed logins allowed per e-mail and IP address before the pair is
 * blocked for a while. Successful logins are not counted.
 */
export const LOGIN_THROTTLE = {
  requests: 5,
  duration: '1 minute',
  blockDuration: '15 minutes',
} as const

/**
 * Checks an e-mail and password for the web login and the token API alike.
 * Wrong credentials and deactivated accounts get the same answer (so the
 * form does not reveal which accounts exist) and count as a failure;
 * too many failures raise the limiter's 429 with Retry-After.
 */
export default class AttemptLogin {
  async handle(params: { email: string; password: string; ip: string }) {
    const email = User.normalizeEmailAddress(params.email)
    const throttle = limiter.use(LOGIN_THROTTLE)
    const key = `login_${email}_${params.ip}`

    const [error, user] = await throttle.penalize(key, async () => {
      const found = await User.verifyCredentials(email, params.password)
      if (!found.isActive) {
        throw new authErrors.E_INVALID_CREDENTIALS('Invalid user credentials')
      }
      return found
    })

    if (error) {
      throw error
    }
    return user
  }
}
