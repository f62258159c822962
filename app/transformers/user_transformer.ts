import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'

/**
 * Users as pages and the API see them. Never the password hash.
 */
export default class UserTransformer extends BaseTransformer<User> {
  toObject() {
    return {
      ...this.pick(this.resource, [
        'id',
        'name',
        'email',
        'role',
        'isActive',
        'locale',
        'initials',
      ]),
      createdAt: this.resource.createdAt.toISO()!,
      deactivatedAt: this.resource.deactivatedAt?.toISO() ?? null,
    }
  }

  /**
   * The small shape used for the signed-in user in every page and for
   * people shown next to a process (assignee, actor).
   */
  forSummary() {
    return this.pick(this.resource, ['id', 'name', 'email', 'role', 'initials'])
  }
}
