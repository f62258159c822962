import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '#support/sql_time'

/** Rows per DELETE statement: short statements, no long lock on a busy table. */
const DEFAULT_BATCH = 500

/**
 * Removes the live rows of archived processes (those with a stub and no
 * `restored_at` nor `purged_at` whose `processes` row is still there: an
 * index range of `(purged_at, process_id)`, empty when nothing is due), a few processes at a
 * time: their events and outbox rows in batches of `batchSize`, then the
 * process rows, whose deletion cascades to the rest of their per-process
 * rows (notifications, attachment metadata — the files stay on the disk —,
 * action executions, sagas, bulk and migration items). Returns how many
 * processes were removed.
 */
export default class PurgeArchived {
  async handle(options: { batchSize?: number } = {}) {
    const batchSize = options.batchSize ?? DEFAULT_BATCH
    const client = db.connection(undefined, { mode: 'write' })
    let purged = 0
    let lastId = 0
    for (;;) {
      const rows: { process_id: number }[] = await client
        .from('archived_processes as a')
        .join('processes as p', 'p.id', 'a.process_id')
        .whereNull('a.purged_at')
        .whereNull('a.restored_at')
        .where('a.process_id', '>', lastId)
        .orderBy('a.process_id')
        .limit(50)
        .select('a.process_id')
      if (!rows.length) break
      const ids = rows.map((row) => Number(row.process_id))
      lastId = ids.at(-1)!
      await deleteInBatches('process_events', ids, batchSize)
      await deleteInBatches('outbox_messages', ids, batchSize)
      // SQLite's FTS5 search table has no foreign key to cascade (MySQL's has).
      if (!db.connection().dialect.name.startsWith('mysql')) {
        await db.from('process_search_text').whereIn('rowid', ids).delete()
      }
      // The rows and the mark together: a stub is marked exactly when its process is gone.
      await db.transaction(async (trx) => {
        await trx.from('processes').whereIn('id', ids).whereNot('status', 'active').delete()
        await trx
          .from('archived_processes')
          .whereIn('process_id', ids)
          .update({ purged_at: sqlTime(DateTime.utc()) })
      })
      purged += ids.length
    }
    return purged
  }
}

async function deleteInBatches(table: string, processIds: number[], batchSize: number) {
  const client = db.connection(undefined, { mode: 'write' })
  for (;;) {
    // MySQL refuses LIMIT in an IN (subquery): select the ids, then delete them.
    const rows: { id: number }[] = await client
      .from(table)
      .whereIn('process_id', processIds)
      .select('id')
      .limit(batchSize)
    if (!rows.length) return
    await db
      .from(table)
      .whereIn(
        'id',
        rows.map((row) => row.id)
      )
      .delete()
    if (rows.length < batchSize) return
  }
}
