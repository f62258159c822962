import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '#support/sql_time'

export type Backlog = { pending: number; oldestSeconds: number }

/**
 * Due outbox messages not yet published (future timers are not a backlog)
 * and how long the oldest has waited, in one query. Read by the metrics
 * (start/metrics.ts) and the outbox alert signal.
 */
export async function readOutboxBacklog(now: DateTime = DateTime.now()): Promise<Backlog> {
  const row = await db
    .from('outbox_messages')
    .where('status', 'pending')
    .where('available_at', '<=', sqlTime(now)!)
    .count('* as pending')
    .min('available_at as oldest')
    .first()
  if (!row?.oldest) return { pending: Number(row?.pending ?? 0), oldestSeconds: 0 }
  // MySQL returns a Date, SQLite the stored text.
  const since =
    row.oldest instanceof Date
      ? DateTime.fromJSDate(row.oldest)
      : DateTime.fromSQL(String(row.oldest), { zone: 'utc' })
  return {
    pending: Number(row.pending),
    oldestSeconds: Math.max(0, now.diff(since).as('seconds')),
  }
}
