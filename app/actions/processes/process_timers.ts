import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { BulkJob, QueueDriver } from '#queue/driver'
import { jobForTopic } from '#queue/registry'
import { sqlTime } from '#support/sql_time'
import type { OutboxDraft } from '#actions/processes/outbox'
import { leanTransaction, type LeanTransaction } from '#support/database/lean_transaction'

/**
 * Timers as rows indexed by due time (`process_timers`).
 *
 * Entering a stage arms its timers (SLA check, automatic transition) with
 * ONE upsert in the transaction of the event that entered it: the row is
 * unique per (process, kind, key), so re-entering replaces it. Leaving a
 * stage writes nothing: a row left behind by a visit that is over is
 * discarded by the sweeper when it comes due (the process is no longer in
 * that stage), or replaced when the process enters a stage with the same
 * kind of timer. So the write path pays one statement per stage entry
 * with timers, none otherwise.
 *
 * The sweeper (the outbox relay's leader every round, and the minutely
 * `reconcile_timers` job) reads only `due_at <= now ORDER BY due_at LIMIT n`,
 * an index range: its cost follows the timers due, not the history. A due
 * row becomes the timer's job (same job, same payload as before), then is
 * leased (due_at moved `TIMER_LEASE_MS` ahead); the job deletes it when it
 * has run. A job lost with Redis's data is dispatched again when the lease
 * ends: the rows are the source of truth, the jobs only carry them out,
 * and the jobs are idempotent (same stage visit, idempotency keys).
 */

/** Outbox topics that are timers, and their kind in `process_timers`. */
const KIND_OF_TOPIC: Record<string, TimerKind> = {
  'timer.sla': 'sla',
  'timer.automatic_transition': 'automatic',
}
const TOPIC_OF_KIND: Record<TimerKind, string> = {
  sla: 'timer.sla',
  automatic: 'timer.automatic_transition',
}

/**
 * `sla` (the SLA check, which also runs the stage's escalation) and
 * `automatic` (the stage's automatic transition). Approvals and children
 * have no deadlines in definitions yet; a new kind is a new entry here and
 * in stageEntryTimers.
 */
export type TimerKind = 'sla' | 'automatic'

/** How long a dispatched timer waits for its job before it is dispatched again. */
export const TIMER_LEASE_MS = 5 * 60_000
/** Dispatches of one timer before it is dropped (a job that fails for good every time). */
const GIVE_UP_AFTER = 12

type TimerRow = {
  process_id: number
  kind: TimerKind
  key: string
  stage: string
  entered_version: number
  due_at: string | null
  payload: string
  attempts: number
}

export function isTimerDraft(draft: OutboxDraft) {
  return draft.topic in KIND_OF_TOPIC
}

/** The row a timer draft of `stageEntryTimers` becomes. */
function rowOf(processId: number, draft: OutboxDraft, at: DateTime): TimerRow {
  return {
    process_id: processId,
    kind: KIND_OF_TOPIC[draft.topic]!,
    key: '',
    stage: String(draft.payload.stage),
    entered_version: Number(draft.payload.enteredVersion),
    due_at: sqlTime(draft.availableAt ?? at),
    payload: JSON.stringify(draft.payload),
    attempts: 0,
  }
}

const COLUMNS = 'process_id, kind, `key`, stage, entered_version, due_at, payload, attempts'
const upsertSql = new Map<string, string>()

/**
 * The upsert as SQL text, built once per dialect and row count: it runs on
 * the write path, where knex's query building is a measurable share of
 * the CPU per transition.
 */
function upsertSqlOf(dialect: string, count: number) {
  const cacheKey = `${dialect}:${count}`
  let sql = upsertSql.get(cacheKey)
  if (sql) return sql
  const values = Array.from({ length: count }, () => '(?, ?, ?, ?, ?, ?, ?, 0)').join(', ')
  const columns = dialect.startsWith('mysql') ? COLUMNS : COLUMNS.replaceAll('`', '"')
  sql = dialect.startsWith('mysql')
    ? `INSERT INTO process_timers (${columns}) VALUES ${values} ON DUPLICATE KEY UPDATE stage = VALUES(stage), entered_version = VALUES(entered_version), due_at = VALUES(due_at), payload = VALUES(payload), attempts = 0`
    : `INSERT INTO process_timers (${columns}) VALUES ${values} ON CONFLICT (process_id, kind, "key") DO UPDATE SET stage = excluded.stage, entered_version = excluded.entered_version, due_at = excluded.due_at, payload = excluded.payload, attempts = 0`
  upsertSql.set(cacheKey, sql)
  return sql
}

/**
 * Arms (or re-arms) the timers of a stage entry: one statement, in the
 * caller's transaction; nothing when the stage has no timers.
 */
export async function armTimers(
  trx: LeanTransaction,
  processId: number,
  drafts: OutboxDraft[],
  at: DateTime
) {
  if (!drafts.length) return
  await writeTimerRows(
    trx,
    drafts.map((draft) => rowOf(processId, draft, at))
  )
}

/** Inserts or replaces timer rows: one statement, its SQL text cached per row count. */
async function writeTimerRows(trx: LeanTransaction, rows: TimerRow[]) {
  const bindings: (string | number)[] = []
  for (const row of rows) {
    bindings.push(
      row.process_id,
      row.kind,
      row.key,
      row.stage,
      row.entered_version,
      row.due_at!,
      row.payload
    )
  }
  await trx.run(upsertSqlOf(trx.dialect, rows.length), bindings)
}

/** Called by a timer's job once it has run (or found nothing to do): the visit's row goes. */
export async function clearTimer(processId: number, kind: TimerKind, enteredVersion: number) {
  await db
    .from('process_timers')
    .where('process_id', processId)
    .where('kind', kind)
    .where('entered_version', enteredVersion)
    .delete()
}

type DueRow = {
  id: number
  process_id: number
  kind: TimerKind
  stage: string
  entered_version: number
  payload: string | Record<string, unknown>
  attempts: number
  stage_key: string | null
  status: string | null
}

/**
 * Dispatches the timers due at `now` (at most `limit`, earliest first) and
 * leases them; discards those of stage visits that are over. Returns how
 * many were dispatched. A queue that cannot be reached leaves the rows due
 * for the next round.
 */
export async function sweepDueTimers(
  driver: QueueDriver,
  options: { limit: number; now?: DateTime }
): Promise<number> {
  const now = options.now ?? DateTime.now()
  const due: DueRow[] = await db
    .from('process_timers as t')
    .leftJoin('processes as p', 'p.id', 't.process_id')
    .where('t.due_at', '<=', sqlTime(now)!)
    .orderBy('t.due_at')
    .limit(options.limit)
    .select(
      't.id',
      't.process_id',
      't.kind',
      't.stage',
      't.entered_version',
      't.payload',
      't.attempts',
      'p.stage_key',
      'p.status'
    )
  if (!due.length) return 0

  const over = due.filter(
    (row) => row.status !== 'active' || row.stage_key !== row.stage || row.attempts >= GIVE_UP_AFTER
  )
  const live = due.filter((row) => !over.includes(row))
  if (over.length) {
    const dropped = over.filter((row) => row.status === 'active' && row.stage_key === row.stage)
    if (dropped.length) {
      logger.warn(
        { timers: dropped.map((row) => ({ processId: row.process_id, kind: row.kind })) },
        'timers dropped after repeated dispatches without completion'
      )
    }
    await db
      .from('process_timers')
      .where((q) => {
        for (const row of over) {
          q.orWhere((one) => one.where('id', row.id).where('entered_version', row.entered_version))
        }
      })
      .where('due_at', '<=', sqlTime(now)!)
      .delete()
  }
  if (!live.length) return 0

  const jobs: BulkJob[] = []
  for (const row of live) {
    const topic = TOPIC_OF_KIND[row.kind]
    const target = topic ? jobForTopic(topic) : null
    if (!target) continue
    const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
    jobs.push({
      queue: target.queue,
      job: target.job,
      payload: { ...payload, topic },
      // One job per stage visit: dispatching again while it waits is a no-op.
      options: { jobId: `timer-${row.kind}-${row.process_id}-${row.entered_version}` },
    })
  }
  try {
    await driver.addBulk(jobs)
  } catch (error) {
    logger.warn({ err: error, timers: jobs.length }, 'timer dispatch failed; kept for retry')
    return 0
  }
  // Leased: due again only if its job has not deleted it by then (lost with Redis, say).
  await db
    .from('process_timers')
    .whereIn(
      'id',
      live.map((row) => row.id)
    )
    .where('due_at', '<=', sqlTime(now)!)
    .update({
      due_at: sqlTime(now.plus({ milliseconds: TIMER_LEASE_MS })),
      attempts: db.raw('attempts + 1'),
    })
  return jobs.length
}

/** The sequence of the event that started each process's current stage visit. */
async function latestEntries(ids: number[]) {
  const result = new Map<number, number>()
  if (!ids.length) return result
  const rows = await db
    .from('process_events')
    .whereIn('process_id', ids)
    .whereIn('type', ['started', 'transitioned', 'migrated'])
    .groupBy('process_id')
    .select('process_id')
    .max('sequence as sequence')
  for (const row of rows) result.set(Number(row.process_id), Number(row.sequence))
  return result
}

/**
 * Writes the rows of every active process's current stage visit (for
 * processes started before `process_timers` existed, or after a restore),
 * in batches by id; existing rows of the same visit are replaced, so it
 * can run any number of times. Returns how many rows were written.
 */
export async function rebuildTimers(options: {
  batchSize: number
  onProgress?: (processes: number, timers: number) => void
}) {
  const { default: Process } = await import('#models/process')
  const { definitionOf } = await import('#support/definitions')
  const { stageEntryTimers } = await import('#actions/processes/outbox')
  let last = 0
  let processes = 0
  let written = 0
  for (;;) {
    const batch = await Process.query()
      .where('status', 'active')
      .where('id', '>', last)
      .orderBy('id')
      .limit(options.batchSize)
    if (!batch.length) break
    last = batch.at(-1)!.id
    const entries = await latestEntries(batch.map((p) => p.id))
    const rows: TimerRow[] = []
    for (const process of batch) {
      const entered = entries.get(process.id)
      if (!entered) continue
      const state = { ...process.toState(), version: entered }
      const drafts = stageEntryTimers(
        await definitionOf(process.workflowVersionId),
        state,
        process.id,
        process.stageEnteredAt
      ).filter(isTimerDraft)
      for (const draft of drafts) {
        if (draft.topic === 'timer.sla' && state.slaBreached) continue
        rows.push(rowOf(process.id, draft, process.stageEnteredAt))
      }
    }
    if (rows.length) await leanTransaction((trx) => writeTimerRows(trx, rows))
    processes += batch.length
    written += rows.length
    options.onProgress?.(processes, written)
  }
  return { processes, timers: written }
}
