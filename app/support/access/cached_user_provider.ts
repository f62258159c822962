import { SessionLucidUserProvider } from '@adonisjs/auth/session'
import type User from '#models/user'
import { EpochCache } from '#support/access/access_epoch'

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
 */
export class CachedSessionUserProvider extends SessionLucidUserProvider<typeof User> {
  static rows = new EpochCache<string, UserRow | null>(20_000)

  async findById(identifier: string | number | bigint) {
    const model = await this.getModel()
    const row = await CachedSessionUserProvider.rows.get(String(identifier), async () => {
      const found = await model
        .query()
        .where('id', identifier as number)
        .pojo<UserRow>()
        .first()
      return found ?? null
    })
    if (!row) return null
    return this.createUserForGuard(model.$createFromAdapterResult({ ...row })!)
  }
}
