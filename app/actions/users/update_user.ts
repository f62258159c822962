import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { SessionCollection } from '@adonisjs/session'
import type User from '#models/user'
import type { Role } from '#enums/role'
import { recordAudit } from '#actions/audit/record_audit'

/**
 * Changes a user's role and/or active flag. Deactivating ends everything
 * that keeps them signed in: their sessions (found through the session
 * store's user tags), remember-me tokens and API tokens. Each change is
 * audited (`user.role_changed`, `user.deactivated`, `user.reactivated`) in
 * the same transaction.
 */
export default class UpdateUser {
  async handle(user: User, changes: { role?: Role; isActive?: boolean }) {
    const deactivating = changes.isActive === false && user.isActive

    const before = { role: user.role, isActive: user.isActive }
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      if (changes.role) user.role = changes.role
      if (changes.isActive !== undefined) {
        user.isActive = changes.isActive
        user.deactivatedAt = changes.isActive ? null : (user.deactivatedAt ?? DateTime.now())
      }
      await user.save()

      if (deactivating) {
        await trx.from('remember_me_tokens').where('tokenable_id', user.id).delete()
        await trx.from('auth_access_tokens').where('tokenable_id', user.id).delete()
      }

      const subject = { type: 'user', id: user.id, label: user.email }
      if (user.role !== before.role) {
        await recordAudit(trx, {
          action: 'user.role_changed',
          subject,
          before: { role: before.role },
          after: { role: user.role },
        })
      }
      if (user.isActive !== before.isActive) {
        await recordAudit(trx, {
          action: user.isActive ? 'user.reactivated' : 'user.deactivated',
          subject,
          before: { isActive: before.isActive },
          after: { isActive: user.isActive },
        })
      }
    })

    if (deactivating) {
      await this.endSessions(user)
    }
    return user
  }

  protected async endSessions(user: User) {
    const sessions = await app.container.make(SessionCollection)
    if (!sessions.supportsTagging()) return
    for (const session of await sessions.tagged(String(user.id))) {
      await sessions.destroy(session.id)
    }
  }
}
