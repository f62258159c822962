import { SessionLucidUserProvider } from '@adonisjs/auth/session'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { EpochCache } from '#support/access/access_epoch'
import { leanModels } from '#support/lean_models'

type UserRow = Record<string, unknown>

/**
 * The session guard's user lookup (`select * from users where id = ?` on
 * every request of a signed-in user), served from memory while the access
 * epoch is unchanged (#support/access/access_epoch: every committed change
 * to a user bumps it, on every instance). The row is cached, never the
 * model: each request gets a fresh `User`, so a request that changes its
 * user changes nothing another request holds.
 *
 * A deactivated user, or one whose role changed, is read again on their
 * next request; AuthMiddleware then refuses or re-authorizes as before.
 * The lookup reads the primary: a lagging replica's row would be kept under
 * the new epoch.
 */
/** Users' rows (`select *`) by id: the signed-in user, and the people pages name (#support/access/cached_rows). */
export const userRows = new EpochCache<number, UserRow | null>(20_000)

export class CachedSessionUserProvider extends SessionLucidUserProvider<typeof User> {
  async findById(identifier: string | number | bigint) {
    const model = await this.getModel()
    const id = Number(identifier)
    if (!Number.isSafeInteger(id)) return null
    const row = await userRows.get(id, async () => {
      const found = await model
        .query({ client: db.connection(db.primaryConnectionName, { mode: 'write' }) })
        .where('id', id)
        .pojo<UserRow>()
        .first()
      return found ?? null
    })
    if (!row) return null
    // A fresh model (#support/lean_models): a user row's values are strings, numbers and
    // dates that the columns' `consume` turns into new values, so nothing is shared.
    return this.createUserForGuard(leanModels(model, [row])[0]!)
  }
}
