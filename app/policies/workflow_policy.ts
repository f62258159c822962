import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * Managers and admins design and publish workflows; everyone may read them.
 */
export default class WorkflowPolicy extends BasePolicy {
  view() {
    return true
  }

  design(user: User) {
    return user.role === 'admin' || user.role === 'manager'
  }

  migrate(user: User) {
    return user.role === 'admin'
  }
}
