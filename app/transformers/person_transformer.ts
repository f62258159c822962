import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'

/**
 * Someone a page can pick (assignee, user fields) or name (timeline).
 * Inactive people are named but not offered.
 */
export default class PersonTransformer extends BaseTransformer<User> {
  toObject() {
    return this.pick(this.resource, ['id', 'name', 'email', 'role', 'initials', 'isActive'])
  }
}
