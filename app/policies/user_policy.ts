import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * Who may manage accounts. Only admins manage other users; anyone edits
 * their own profile. An admin cannot demote or deactivate themselves, so
 * there is always someone left who can manage users.
 */
export default class UserPolicy extends BasePolicy {
  viewList(actor: User) {
    return actor.role === 'admin'
  }

  create(actor: User) {
    return actor.role === 'admin'
  }

  update(actor: User, target: User) {
    return actor.role === 'admin' && actor.id !== target.id
  }

  updateProfile(actor: User, target: User) {
    return actor.id === target.id
  }
}
