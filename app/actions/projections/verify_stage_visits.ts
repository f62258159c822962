import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { dialectOf, raw } from '#actions/reports/sql'
import { projectedVisitsSql, STAGE_VISIT_COLUMNS } from '#actions/projections/stage_visits_sql'
import { readCheckpoint } from '#actions/projections/stage_visits_projector'
import { withWorkingSeconds } from '#actions/projections/working_seconds'

export type VisitDifference = {
  processId: number
  enteredSequence: number
  problem: 'missing' | 'extra' | 'differs'
  columns: string[]
}

/** A comparable form of a cell (drivers answer dates, strings or numbers). */
function cell(value: unknown) {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.getTime()
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d/.test(value)) {
    const ms = Date.parse(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`)
    if (!Number.isNaN(ms)) return ms
  }
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value)
  return value
}

/**
 * Compares `stage_visits` with the visits derived afresh from the event
 * log, batch by batch of processes. Processes with an event past the
 * checkpoint are left out (the projector has not read them yet; reports
 * read them from the log). So are archived processes (a stub without
 * `restored_at`): purge deletes their events before their row, and their
 * visits stay in `stage_visits` after it (the rollups keep counting them).
 */
/**
 * The next batch of process ids (after `after`) whose projection can be
 * checked against the log: every event already read by the projector (at or
 * below `position`), and not archived (their events left the log).
 */
export async function verifiableProcessIds(
  client: QueryClientContract,
  position: number,
  after: number,
  batchSize: number
) {
  const rows = await raw(
    client,
    `SELECT id FROM processes p WHERE id > ? AND NOT EXISTS
       (SELECT 1 FROM process_events t WHERE t.process_id = p.id AND t.id > ?)
       AND NOT EXISTS (SELECT 1 FROM archived_processes a WHERE a.process_id = p.id AND a.restored_at IS NULL)
     ORDER BY id LIMIT ?`,
    [after, position, batchSize]
  )
  return rows.map((r) => Number(r.id))
}

export async function verifyStageVisits(options: {
  batchSize?: number
  onProgress?: (done: number, total: number) => void
}) {
  const client = db.connection(undefined, { mode: 'write' })
  const d = dialectOf(client)
  const checkpoint = await readCheckpoint(client)
  const differences: VisitDifference[] = []
  if (!checkpoint) return { checkpoint, checked: 0, differences }
  const batchSize = options.batchSize ?? 1000
  const [count] = await raw(client, 'SELECT COUNT(*) AS n FROM processes', [])
  const total = Number(count?.n ?? 0)
  const columns = STAGE_VISIT_COLUMNS.filter((c) => c !== 'process_id' && c !== 'entered_sequence')
  let after = 0
  let checked = 0
  for (;;) {
    const ids = await verifiableProcessIds(client, checkpoint.position, after, batchSize)
    if (!ids.length) break
    const list = ids.map(() => '?').join(', ')
    // Working seconds are computed as the projector computes them, with today's calendars.
    const fresh = await withWorkingSeconds(
      await raw(client, projectedVisitsSql(d, `e.process_id IN (${list})`), ids)
    )
    const stored = await raw(
      client,
      `SELECT ${STAGE_VISIT_COLUMNS.join(', ')} FROM stage_visits WHERE process_id IN (${list})`,
      ids
    )
    const key = (r: any) => `${Number(r.process_id)}:${Number(r.entered_sequence)}`
    const storedByKey = new Map(stored.map((r) => [key(r), r]))
    for (const f of fresh) {
      const s = storedByKey.get(key(f))
      storedByKey.delete(key(f))
      const where = { processId: Number(f.process_id), enteredSequence: Number(f.entered_sequence) }
      if (!s) {
        differences.push({ ...where, problem: 'missing', columns: [] })
        continue
      }
      const differing = columns
        .filter((c) => cell(s[c]) !== cell(f[c]))
        .map((c) => `${c}: stored ${JSON.stringify(s[c])} ≠ log ${JSON.stringify(f[c])}`)
      if (differing.length) differences.push({ ...where, problem: 'differs', columns: differing })
    }
    for (const s of storedByKey.values()) {
      differences.push({
        processId: Number(s.process_id),
        enteredSequence: Number(s.entered_sequence),
        problem: 'extra',
        columns: [],
      })
    }
    after = ids.at(-1)!
    checked += ids.length
    options.onProgress?.(checked, total)
  }
  return { checkpoint, checked, differences }
}
