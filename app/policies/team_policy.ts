import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * Admins create, rename and delete teams and set their members. Managers
 * see the teams they lead (read-only); everyone sees their own teams on
 * their profile.
 */
export default class TeamPolicy extends BasePolicy {
  manage(user: User) {
    return user.role === 'admin'
  }

  viewLed(user: User) {
    return user.role === 'admin' || user.role === 'manager'
  }
}
