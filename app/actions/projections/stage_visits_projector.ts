import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { dialectOf, raw } from '#actions/reports/sql'
import { projectedVisitsSql, STAGE_VISIT_COLUMNS } from '#actions/projections/stage_visits_sql'
import { sqlTime } from '#support/sql_time'
import {
  addContributions,
  applyRollups,
  emptyRollups,
  rebuildRollups,
} from '#actions/projections/rollups'
import {
  applyEventRollups,
  projectTallies,
  type EventMaps,
} from '#actions/projections/event_rollups'
import { DateTime } from 'luxon'
import { calendarsOfProcesses, storeWorkingSeconds } from '#actions/projections/working_seconds'

export const STAGE_VISITS = 'stage_visits'

/**
 * How long a transaction may hold an event id before committing it: the
 * highest id seen this long ago becomes the checkpoint (see the class).
 */
export const DEFAULT_SAFETY_MS = 60_000

export type Checkpoint = {
  position: number
  seenMax: number
  seenCount: number
  noteMax: number
  noteAtMs: number
}

/**
 * Keeps `stage_visits` in step with the event log, outside the write
 * transaction: each run reads the events after the checkpoint, re-derives
 * the visits of the processes they touch (delete and insert per process,
 * in one transaction: idempotent, so re-reading is harmless), and moves
 * the checkpoint.
 *
 * Auto-increment ids are allocated at INSERT but become visible at COMMIT,
 * so a lower id can appear after a higher one. The checkpoint therefore
 * never passes an id on the strength of having seen it once: a run notes
 * the highest id visible (`note_max` at `note_at_ms`); any lower id not yet
 * visible then belonged to a transaction already open. A run at least the
 * safety window later — having first re-read everything past the old
 * position — moves the position to the note. Until then the trailing
 * events are re-read by every run that finds something new past the
 * position (a new max id, or a new count: a late commit below the max
 * changes the count). A run that finds nothing new is one range count on
 * the primary key and no write.
 */
export default class StageVisitsProjector {
  constructor(
    private options: { safetyMs?: number; batchSize?: number; now?: () => number } = {}
  ) {}

  get #safetyMs() {
    return this.options.safetyMs ?? DEFAULT_SAFETY_MS
  }

  #now() {
    return this.options.now?.() ?? Date.now()
  }

  /** Projects what is new; returns how many processes were re-derived and the position. */
  async run(): Promise<{ processes: number; position: number }> {
    const client = db.connection(undefined, { mode: 'write' })
    const checkpoint = await readCheckpoint(client)
    if (!checkpoint) return { processes: 0, position: 0 }
    const now = this.#now()
    const stats = await pastPosition(client, checkpoint.position)
    const changed = stats.max !== checkpoint.seenMax || stats.count !== checkpoint.seenCount
    const matured = checkpoint.noteAtMs > 0 && now - checkpoint.noteAtMs >= this.#safetyMs
    const unnoted = checkpoint.noteAtMs === 0 && stats.max > checkpoint.position
    if (!changed && !matured && !unnoted) {
      return { processes: 0, position: checkpoint.position }
    }

    let processes = 0
    if (changed) {
      // Everything past the position that is committed by now, re-derived.
      const rows = await raw(
        client,
        'SELECT DISTINCT process_id FROM process_events WHERE id > ? AND id <= ?',
        [checkpoint.position, stats.max]
      )
      const ids = rows.map((r) => Number(r.process_id))
      const batchSize = this.options.batchSize ?? 500
      for (let i = 0; i < ids.length; i += batchSize) {
        await projectProcesses(client, ids.slice(i, i + batchSize), { rollups: true })
      }
      processes = ids.length
    }
    const position = matured
      ? Math.max(checkpoint.position, checkpoint.noteMax)
      : checkpoint.position
    const seen = position === checkpoint.position ? stats : await pastPosition(client, position)
    // A new note when the old one is used up (or there was none) and events lie past the position.
    const renote = matured || checkpoint.noteAtMs === 0
    const note = renote
      ? seen.max > position
        ? { note_max: seen.max, note_at_ms: now }
        : { note_max: 0, note_at_ms: 0 }
      : {}
    await client
      .from('projection_checkpoints')
      .where('name', STAGE_VISITS)
      .where('position', checkpoint.position)
      .update({
        position,
        seen_max: seen.max,
        seen_count: seen.count,
        ...note,
        updated_at_ms: now,
      })
    return { processes, position }
  }

  /**
   * Empties the projection and derives it again from the whole log, a
   * batch of processes at a time. Reports read the log meanwhile (no
   * checkpoint). Ends at the highest id visible at the start, after
   * re-deriving every process with an event past it or recent enough to
   * have been uncommitted then.
   */
  async rebuild(onProgress?: (done: number, total: number) => void) {
    const client = db.connection(undefined, { mode: 'write' })
    const batchSize = this.options.batchSize ?? 1000
    const startedMs = this.#now()
    await client.from('projection_checkpoints').where('name', STAGE_VISITS).delete()
    const [bounds] = await raw(client, 'SELECT MAX(id) AS max_id FROM process_events', [])
    const startMax = Number(bounds?.max_id ?? 0)
    // Purged (archived) processes keep their visits: their events are gone.
    for (const table of ['stage_visits', 'event_tallies']) {
      await client.from(table).whereIn('process_id', client.from('processes').select('id')).delete()
    }
    const [count] = await raw(client, 'SELECT COUNT(*) AS n FROM processes', [])
    const total = Number(count?.n ?? 0)
    let done = 0
    let after = 0
    for (;;) {
      const rows = await raw(client, 'SELECT id FROM processes WHERE id > ? ORDER BY id LIMIT ?', [
        after,
        batchSize,
      ])
      if (!rows.length) break
      const ids = rows.map((r) => Number(r.id))
      await projectProcesses(client, ids)
      after = ids.at(-1)!
      done += ids.length
      onProgress?.(done, total)
    }
    const recent = sqlTime(DateTime.fromMillis(startedMs - this.#safetyMs).toUTC())
    const late = await raw(
      client,
      'SELECT DISTINCT process_id FROM process_events WHERE id > ? OR occurred_at >= ?',
      [startMax, recent]
    )
    const lateIds = late.map((r) => Number(r.process_id))
    for (let i = 0; i < lateIds.length; i += batchSize) {
      await projectProcesses(client, lateIds.slice(i, i + batchSize))
    }
    await rebuildRollups(client, batchSize)
    const seen = await pastPosition(client, startMax)
    await client.table('projection_checkpoints').insert({
      name: STAGE_VISITS,
      position: startMax,
      seen_max: seen.max,
      seen_count: seen.count,
      note_max: seen.max > startMax ? seen.max : 0,
      note_at_ms: seen.max > startMax ? this.#now() : 0,
      updated_at_ms: this.#now(),
    })
    return { processes: done, position: startMax }
  }
}

/** The highest id and the number of events past a position (a primary-key range). */
async function pastPosition(client: QueryClientContract, position: number) {
  const [row] = await raw(
    client,
    'SELECT MAX(id) AS max_id, COUNT(*) AS n FROM process_events WHERE id > ?',
    [position]
  )
  return { max: Number(row?.max_id ?? 0) || position, count: Number(row?.n ?? 0) }
}

export async function readCheckpoint(client: QueryClientContract): Promise<Checkpoint | null> {
  const row = await client.from('projection_checkpoints').where('name', STAGE_VISITS).first()
  if (!row) return null
  return {
    position: Number(row.position),
    seenMax: Number(row.seen_max),
    seenCount: Number(row.seen_count),
    noteMax: Number(row.note_max),
    noteAtMs: Number(row.note_at_ms),
  }
}

/**
 * Re-derives the visits (and event tallies) of these processes, in one transaction (the
 * working seconds of closed visits computed with their workflows' calendars, resolved
 * before it), and with
 * `rollups` moves their share of the rollups from the old rows to the new
 * ones in that transaction (the rebuild fills the rollups once at the end).
 * Processes with no `processes` row (purged archives) keep their visits.
 */
export async function projectProcesses(
  client: QueryClientContract,
  candidates: number[],
  options: { rollups?: boolean } = {}
) {
  if (!candidates.length) return
  const d = dialectOf(client)
  const calendars = await calendarsOfProcesses(client, candidates)
  await client.transaction(async (trx) => {
    const live = await trx.from('processes').whereIn('id', candidates).select('id')
    const ids = live.map((r) => Number(r.id))
    if (!ids.length) return
    const list = ids.map(() => '?').join(', ')
    const delta = emptyRollups()
    if (options.rollups) await addContributions(trx, delta, ids, -1)
    await trx.from('stage_visits').whereIn('process_id', ids).delete()
    await trx.rawQuery(
      `INSERT INTO stage_visits (${STAGE_VISIT_COLUMNS.join(', ')})
       ${projectedVisitsSql(d, `e.process_id IN (${list})`)}`,
      ids
    )
    await storeWorkingSeconds(trx, ids, calendars)
    const events: EventMaps | undefined = options.rollups ? new Map() : undefined
    await projectTallies(trx, ids, events)
    if (options.rollups) {
      await addContributions(trx, delta, ids, 1)
      await applyRollups(trx, delta)
      await applyEventRollups(trx, events!)
    }
  })
}
