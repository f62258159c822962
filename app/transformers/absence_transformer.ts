import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'

/**
 * A user's absence and delegate (their own profile and /api/v1/me/absence).
 * `delegate` must be preloaded-or-given; null when no absence is set.
 */
export default class AbsenceTransformer extends BaseTransformer<User> {
  constructor(
    resource: User,
    protected delegate: User | null
  ) {
    super(resource)
  }

  toObject() {
    const user = this.resource
    if (!user.absentFrom || !user.absentTo) {
      return { from: null, to: null, delegate: null, absentNow: false }
    }
    const delegate = this.delegate
    return {
      from: user.absentFrom.toISODate(),
      to: user.absentTo.toISODate(),
      delegate: delegate ? { id: delegate.id, name: delegate.name, email: delegate.email } : null,
      absentNow: user.isAbsentOn(),
    }
  }
}
