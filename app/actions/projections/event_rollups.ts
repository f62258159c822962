/**
 * The hourly rollups of the events the workload and SLA reports count
 * (database/migrations/0073): `transitioned` events per actor and
 * `sla_breached` events per stage and assignee. Their per-process source is
 * `event_tallies`, re-derived from the log with a process's visits; the
 * projector takes the old tallies' share from `event_rollups` and adds the
 * new one, so the rollups are by construction an aggregation of the
 * tallies, which `projections:verify` recomputes.
 */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { dialectOf, raw } from '#actions/reports/sql'

/** Rollup (or tally) counts keyed hour|version|kind|stage|person. */
export type EventMaps = Map<string, { n: number; workflowId: number }>

const keyOf = (r: any) =>
  `${Number(r.hour)}|${Number(r.workflow_version_id)}|${r.kind}|${r.stage_key}|${Number(r.person_id)}`

/** A breach payload's assignee as the report groups it: a user id, or 0 for none. */
function personOf(value: unknown) {
  if (value === null || value === undefined || value === 'null' || value === '') return 0
  return Number(value)
}

/**
 * The tallies of these processes as the log has them now: their counted
 * events, grouped in code (the payload's assignee normalized as above).
 */
export async function tallyRowsFromLog(client: QueryClientContract, ids: number[]) {
  if (!ids.length) return []
  const d = dialectOf(client)
  const list = ids.map(() => '?').join(', ')
  const events = await raw(
    client,
    `SELECT e.process_id, ${d.hour('e.occurred_at')} AS hour, e.type AS kind, e.actor_id,
       ${d.jsonText('e.payload', 'stage')} AS stage, ${d.jsonText('e.payload', 'assigneeId')} AS assignee,
       p.workflow_id, p.workflow_version_id
     FROM process_events e JOIN processes p ON p.id = e.process_id
     WHERE e.process_id IN (${list})
       AND ((e.type = 'transitioned' AND e.actor_id IS NOT NULL) OR e.type = 'sla_breached')`,
    ids
  )
  const rows = new Map<string, any>()
  for (const e of events) {
    const breach = e.kind === 'sla_breached'
    const row = {
      process_id: Number(e.process_id),
      hour: Number(e.hour),
      kind: String(e.kind),
      stage_key: breach && e.stage !== null && e.stage !== undefined ? String(e.stage) : '',
      person_id: breach ? personOf(e.assignee) : Number(e.actor_id),
      workflow_id: Number(e.workflow_id),
      workflow_version_id: Number(e.workflow_version_id),
      n: 0,
    }
    const key = `${row.process_id}|${row.hour}|${row.kind}|${row.stage_key}|${row.person_id}`
    const have = rows.get(key) ?? row
    have.n++
    rows.set(key, have)
  }
  return [...rows.values()]
}

const COLUMNS = [
  'process_id',
  'hour',
  'kind',
  'stage_key',
  'person_id',
  'workflow_id',
  'workflow_version_id',
  'n',
]
const CHUNK = 400

/** Stores tally rows (after the process's old ones were deleted). */
export async function insertTallies(client: QueryClientContract, rows: any[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK)
    await client.rawQuery(
      `INSERT INTO event_tallies (${COLUMNS.join(', ')}) VALUES ${chunk.map(() => `(${COLUMNS.map(() => '?').join(', ')})`).join(', ')}`,
      chunk.flatMap((r) => COLUMNS.map((c) => r[c]))
    )
  }
}

/** Adds (sign 1) or takes away (sign -1) tally rows. */
export function accumulateEvents(maps: EventMaps, rows: any[], sign: 1 | -1) {
  for (const r of rows) {
    const key = keyOf(r)
    const row = maps.get(key) ?? { n: 0, workflowId: Number(r.workflow_id) }
    row.n += sign * Number(r.n)
    maps.set(key, row)
  }
  return maps
}

/** The stored tallies of these processes. */
export async function storedTallies(client: QueryClientContract, ids: number[]) {
  if (!ids.length) return []
  return raw(
    client,
    `SELECT * FROM event_tallies WHERE process_id IN (${ids.map(() => '?').join(', ')})`,
    ids
  )
}

/**
 * Re-derives the tallies of these processes; with `delta`, moves their
 * share of the rollups from the old tallies to the new ones (into the map).
 */
export async function projectTallies(
  client: QueryClientContract,
  ids: number[],
  delta?: EventMaps
) {
  if (!ids.length) return
  if (delta) accumulateEvents(delta, await storedTallies(client, ids), -1)
  await client.from('event_tallies').whereIn('process_id', ids).delete()
  const rows = await tallyRowsFromLog(client, ids)
  await insertTallies(client, rows)
  if (delta) accumulateEvents(delta, rows, 1)
}

/** Adds the map's counts to `event_rollups`, then drops the touched rows left at zero. */
export async function applyEventRollups(client: QueryClientContract, maps: EventMaps) {
  const d = dialectOf(client)
  const rows = [...maps].filter(([, v]) => v.n)
  const columns = ['hour', 'workflow_version_id', 'kind', 'stage_key', 'person_id']
  const conflict = d.mysql
    ? 'ON DUPLICATE KEY UPDATE n = n + VALUES(n)'
    : `ON CONFLICT (${columns.join(', ')}) DO UPDATE SET n = n + excluded.n`
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK)
    await client.rawQuery(
      `INSERT INTO event_rollups (${columns.join(', ')}, workflow_id, n)
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')} ${conflict}`,
      chunk.flatMap(([key, v]) => {
        const [hour, version, kind, stage, person] = key.split('|')
        return [Number(hour), Number(version), kind, stage, Number(person), v.workflowId, v.n]
      })
    )
  }
  const hours = [...new Set(rows.map(([key]) => Number(key.split('|')[0])))]
  for (let i = 0; i < hours.length; i += CHUNK) {
    const chunk = hours.slice(i, i + CHUNK)
    await client.rawQuery(
      `DELETE FROM event_rollups WHERE hour IN (${chunk.map(() => '?').join(', ')}) AND n = 0`,
      chunk
    )
  }
}

/** The rollups as an aggregation of the whole of `event_tallies` (archived processes included). */
export async function eventRollupsOfAllTallies(client: QueryClientContract) {
  const rows = await raw(
    client,
    `SELECT hour, workflow_version_id, kind, stage_key, person_id, MIN(workflow_id) AS workflow_id,
       SUM(n) AS n
     FROM event_tallies GROUP BY hour, workflow_version_id, kind, stage_key, person_id`,
    []
  )
  return accumulateEvents(new Map(), rows, 1)
}

/** The stored rollups in the same shape. */
export async function storedEventRollups(client: QueryClientContract) {
  return accumulateEvents(new Map(), await raw(client, 'SELECT * FROM event_rollups', []), 1)
}

/** Empties `event_rollups` and fills it from the whole of `event_tallies` (in the caller's transaction). */
export async function rebuildEventRollups(client: QueryClientContract) {
  const maps = await eventRollupsOfAllTallies(client)
  await client.from('event_rollups').delete()
  await applyEventRollups(client, maps)
  return maps.size
}

/**
 * Stored tallies that differ from the log's, for the live processes after
 * `after` (a batch): keys process|hour|kind|stage|person.
 */
export async function talliesAgainstLog(client: QueryClientContract, ids: number[]) {
  const text = (rows: any[]) =>
    new Map(
      rows.map((r) => [
        `${Number(r.process_id)}|${keyOf(r)}`,
        `${Number(r.n)}@${Number(r.workflow_id)}`,
      ])
    )
  const have = text(await storedTallies(client, ids))
  const want = text(await tallyRowsFromLog(client, ids))
  const differences: { key: string; stored: string; expected: string }[] = []
  for (const key of new Set([...have.keys(), ...want.keys()])) {
    const a = have.get(key) ?? '—'
    const b = want.get(key) ?? '—'
    if (a !== b) differences.push({ key, stored: a, expected: b })
  }
  return differences
}
