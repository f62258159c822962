import db from '@adonisjs/lucid/services/db'
import { Job, type JobContext } from '#queue/job'

/**
 * Deletes expired rows of the database session store, a batch at a time
 * (short statements, no long lock on a busy table), until none is left.
 * Queued every 15 minutes by the outbox relay's leader; the store's own
 * "2 % of writes" clean-up is off (config/session.ts). With the Redis store
 * the table is empty and this is one cheap query.
 */
export default class PruneSessions extends Job<{ batchSize?: number }> {
  static jobName = 'prune_sessions'
  static routine = true

  async handle(payload: { batchSize?: number }, context: JobContext) {
    const batchSize = payload.batchSize ?? 1000
    // A Date, as the store writes it, so the comparison holds on every database.
    const now = new Date()
    let deleted = 0
    for (;;) {
      // MySQL refuses LIMIT in an IN (subquery): select the ids, then delete them.
      const rows: { id: string }[] = await db
        .connection(undefined, { mode: 'write' })
        .from('sessions')
        .where('expires_at', '<=', now)
        .select('id')
        .limit(batchSize)
      const ids = rows.map((row) => row.id)
      if (ids.length === 0) break
      await db.from('sessions').whereIn('id', ids).where('expires_at', '<=', now).delete()
      deleted += ids.length
      if (ids.length < batchSize) break
    }
    if (deleted > 0) context.logger.info({ deleted }, 'expired sessions deleted')
  }
}
