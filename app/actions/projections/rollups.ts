/**
 * The hourly rollups of `stage_visits` (database/migrations/0072): what one
 * process contributes to them, read from its rows of `stage_visits`, and
 * how the projector adds and takes away contributions. Every writer goes
 * through `contributionsOf`, so the rollups are by construction an
 * aggregation of `stage_visits`; `projections:verify` recomputes it.
 */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { dialectOf, raw } from '#actions/reports/sql'
import { rebuildEventRollups } from '#actions/projections/event_rollups'

/** Histogram buckets grow by 10 %: a percentile read from one is within ~5 %. */
export const HISTOGRAM_GROWTH = 1.1
const LOG_GROWTH = Math.log(HISTOGRAM_GROWTH)

/** Bucket of a duration in whole seconds: 0 for 0 s, k ≥ 1 for [1.1^(k-1), 1.1^k). */
export function bucketOf(seconds: number) {
  if (seconds < 1) return 0
  let k = Math.floor(Math.log(seconds) / LOG_GROWTH) + 1
  // Guard the floating-point edges so bounds and buckets agree.
  while (k > 1 && seconds < bucketFloor(k)) k--
  while (seconds >= bucketFloor(k + 1)) k++
  return k
}

/** The smallest whole second in bucket k. */
export function bucketFloor(k: number) {
  return k <= 0 ? 0 : Math.ceil(HISTOGRAM_GROWTH ** (k - 1) - 1e-9)
}

/** The figure a percentile landing in bucket k reports: the bucket's geometric middle. */
export function bucketValue(k: number) {
  if (k <= 0) return 0
  const low = bucketFloor(k)
  const high = bucketFloor(k + 1) - 1
  return Math.min(high, Math.max(low, Math.round(HISTOGRAM_GROWTH ** (k - 0.5))))
}

/** Rollup rows keyed by their primary key, values as counters. */
export type RollupMaps = {
  stages: Map<
    string,
    {
      entered: number
      left: number
      sum: number
      /** Summed working seconds of the visits that left. */
      working: number
      slaFinished: number
      slaWithin: number
      workflowId: number
    }
  >
  processes: Map<string, { n: number; sum: number; workflowId: number }>
  histograms: Map<string, { n: number; workflowId: number }>
}

export const emptyRollups = (): RollupMaps => ({
  stages: new Map(),
  processes: new Map(),
  histograms: new Map(),
})

const stageKey = (hour: number, version: number, stage: string) => `${hour}|${version}|${stage}`

/**
 * The visits of these processes as the rollups see them: hours of entry
 * and exit, duration, and on the first visit of each process its start,
 * close, status and start-to-close time (the `processes` row's, as projected).
 */
export function contributionsSql(client: QueryClientContract, scope: string) {
  const d = dialectOf(client)
  return `SELECT sv.process_id, sv.workflow_id, sv.workflow_version_id, sv.stage_key,
      ${d.hour('sv.entered_at')} AS entered_hour, ${d.hour('sv.left_at')} AS left_hour,
      sv.duration_seconds AS dur, sv.working_seconds AS working, sv.left_at IS NULL AND sv.outcome IS NOT NULL AS ended,
      CASE WHEN sv.entered_sequence = f.first_sequence THEN 1 ELSE 0 END AS first,
      ${d.hour('sv.process_created_at')} AS started_hour, ${d.hour('sv.process_closed_at')} AS closed_hour,
      sv.process_status, ${d.seconds('sv.process_created_at', 'sv.process_closed_at')} AS cycle,
      sv.sla_within
    FROM stage_visits sv
    JOIN (SELECT process_id, MIN(entered_sequence) AS first_sequence
      FROM stage_visits WHERE ${scope} GROUP BY process_id) f ON f.process_id = sv.process_id`
}

/** Adds (sign 1) or takes away (sign -1) the contributions of visit rows. */
export function accumulate(maps: RollupMaps, rows: any[], sign: 1 | -1) {
  for (const r of rows) {
    const version = Number(r.workflow_version_id)
    const workflowId = Number(r.workflow_id)
    const stage = String(r.stage_key)
    const add = (
      hour: number,
      f: (row: RollupMaps['stages'] extends Map<string, infer V> ? V : never) => void
    ) => {
      const key = stageKey(hour, version, stage)
      let row = maps.stages.get(key)
      if (!row)
        maps.stages.set(
          key,
          (row = {
            entered: 0,
            left: 0,
            sum: 0,
            working: 0,
            slaFinished: 0,
            slaWithin: 0,
            workflowId,
          })
        )
      f(row)
    }
    // Histograms are per UTC day (see the migration).
    const histogram = (hour: number, key: string, seconds: number) => {
      const k = `${stageKey(Math.floor(hour / 24), version, key)}|${bucketOf(seconds)}`
      const row = maps.histograms.get(k) ?? { n: 0, workflowId }
      row.n += sign
      maps.histograms.set(k, row)
    }
    const process = (hour: number, part: string, seconds: number) => {
      const key = `${hour}|${version}|${part}`
      const row = maps.processes.get(key) ?? { n: 0, sum: 0, workflowId }
      row.n += sign
      row.sum += sign * seconds
      maps.processes.set(key, row)
    }
    // An end stage of a closed process is no work in progress (as in the WIP report).
    if (!Number(r.ended)) add(Number(r.entered_hour), (row) => (row.entered += sign))
    if (r.left_hour !== null && r.left_hour !== undefined) {
      const dur = Number(r.dur)
      const working = Number(r.working ?? 0)
      add(Number(r.left_hour), (row) => {
        row.left += sign
        row.sum += sign * dur
        row.working += sign * working
        if (r.sla_within !== null && r.sla_within !== undefined) {
          row.slaFinished += sign
          row.slaWithin += sign * Number(r.sla_within)
        }
      })
      histogram(Number(r.left_hour), stage, dur)
    }
    // The process itself counts once, on its first visit, as the `processes` row said.
    if (!Number(r.first)) continue
    process(Number(r.started_hour), 'started', 0)
    if (r.closed_hour !== null && r.closed_hour !== undefined) {
      const status = String(r.process_status)
      const cycle = Number(r.cycle)
      process(Number(r.closed_hour), status, cycle)
      if (status !== 'cancelled') histogram(Number(r.closed_hour), '', cycle)
    }
  }
  return maps
}

/** Reads the contributions of these processes' current `stage_visits` rows into the maps. */
export async function addContributions(
  client: QueryClientContract,
  maps: RollupMaps,
  ids: number[],
  sign: 1 | -1
) {
  if (!ids.length) return maps
  const list = ids.map(() => '?').join(', ')
  const rows = await raw(
    client,
    `${contributionsSql(client, `process_id IN (${list})`)} WHERE sv.process_id IN (${list})`,
    [...ids, ...ids]
  )
  return accumulate(maps, rows, sign)
}

const CHUNK = 400

/**
 * Adds the counters of the maps to the stored rollups (inserting missing
 * rows), then drops the rows of the touched hours left all zero.
 */
export async function applyRollups(client: QueryClientContract, maps: RollupMaps) {
  const d = dialectOf(client)
  const hours = new Set<number>()
  const days = new Set<number>()
  const upsert = async (table: string, keys: string[], sums: string[], rows: unknown[][]) => {
    const columns = [...keys, 'workflow_id', ...sums]
    const conflict = d.mysql
      ? `ON DUPLICATE KEY UPDATE ${sums.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')}`
      : `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${sums.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK)
      const values = chunk.map((row) => `(${row.map(() => '?').join(', ')})`).join(', ')
      await client.rawQuery(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ${conflict}`,
        chunk.flat() as any[]
      )
    }
  }
  const split = (key: string, into = hours) => {
    const parts = key.split('|')
    into.add(Number(parts[0]))
    return parts
  }
  await upsert(
    'stage_rollups',
    ['hour', 'workflow_version_id', 'stage_key'],
    ['entered', 'left_count', 'duration_sum', 'working_sum', 'sla_finished', 'sla_within'],
    [...maps.stages]
      .filter(([, v]) => v.entered || v.left || v.sum || v.working || v.slaFinished || v.slaWithin)
      .map(([k, v]) => {
        const [hour, version, stage] = split(k)
        return [
          Number(hour),
          Number(version),
          stage,
          v.workflowId,
          v.entered,
          v.left,
          v.sum,
          v.working,
          v.slaFinished,
          v.slaWithin,
        ]
      })
  )
  await upsert(
    'process_rollups',
    ['hour', 'workflow_version_id', 'part'],
    ['n', 'cycle_sum'],
    [...maps.processes]
      .filter(([, v]) => v.n || v.sum)
      .map(([k, v]) => {
        const [hour, version, part] = split(k)
        return [Number(hour), Number(version), part, v.workflowId, v.n, v.sum]
      })
  )
  await upsert(
    'rollup_histograms',
    ['day', 'workflow_version_id', 'stage_key', 'bucket'],
    ['n'],
    [...maps.histograms]
      .filter(([, v]) => v.n)
      .map(([k, v]) => {
        const [day, version, stage, bucket] = split(k, days)
        return [Number(day), Number(version), stage, Number(bucket), v.workflowId, v.n]
      })
  )
  const touched = [...hours]
  for (let i = 0; i < touched.length; i += CHUNK) {
    const chunk = touched.slice(i, i + CHUNK)
    const list = chunk.map(() => '?').join(', ')
    await client.rawQuery(
      `DELETE FROM stage_rollups WHERE hour IN (${list}) AND entered = 0 AND left_count = 0 AND duration_sum = 0 AND working_sum = 0 AND sla_finished = 0 AND sla_within = 0`,
      chunk
    )
    await client.rawQuery(
      `DELETE FROM process_rollups WHERE hour IN (${list}) AND n = 0 AND cycle_sum = 0`,
      chunk
    )
  }
  const touchedDays = [...days]
  for (let i = 0; i < touchedDays.length; i += CHUNK) {
    const chunk = touchedDays.slice(i, i + CHUNK)
    const list = chunk.map(() => '?').join(', ')
    await client.rawQuery(`DELETE FROM rollup_histograms WHERE day IN (${list}) AND n = 0`, chunk)
  }
}

/**
 * The rollups as an aggregation of the whole of `stage_visits`, a batch of
 * processes at a time (archived processes included: their visits stay).
 */
export async function rollupsOfAllVisits(client: QueryClientContract, batchSize = 1000) {
  const maps = emptyRollups()
  let after = 0
  for (;;) {
    const rows = await raw(
      client,
      'SELECT DISTINCT process_id FROM stage_visits WHERE process_id > ? ORDER BY process_id LIMIT ?',
      [after, batchSize]
    )
    if (!rows.length) break
    const ids = rows.map((r) => Number(r.process_id))
    await addContributions(client, maps, ids, 1)
    after = ids.at(-1)!
  }
  return maps
}

/**
 * Empties the rollups and fills them from the whole of `stage_visits`, and
 * the event rollups from the whole of `event_tallies`.
 */
export async function rebuildRollups(client: QueryClientContract, batchSize = 1000) {
  const maps = await rollupsOfAllVisits(client, batchSize)
  let eventRows = 0
  await client.transaction(async (trx) => {
    for (const table of ['stage_rollups', 'process_rollups', 'rollup_histograms']) {
      await trx.from(table).delete()
    }
    await applyRollups(trx, maps)
    eventRows = await rebuildEventRollups(trx)
  })
  return {
    eventRows,
    stageRows: maps.stages.size,
    processRows: maps.processes.size,
    histogramRows: maps.histograms.size,
  }
}

/** The stored rollups in the maps' shape. */
export async function storedRollups(client: QueryClientContract) {
  const maps = emptyRollups()
  for (const r of await raw(client, 'SELECT * FROM stage_rollups', [])) {
    maps.stages.set(stageKey(Number(r.hour), Number(r.workflow_version_id), r.stage_key), {
      entered: Number(r.entered),
      left: Number(r.left_count),
      sum: Number(r.duration_sum),
      working: Number(r.working_sum),
      slaFinished: Number(r.sla_finished),
      slaWithin: Number(r.sla_within),
      workflowId: Number(r.workflow_id),
    })
  }
  for (const r of await raw(client, 'SELECT * FROM process_rollups', [])) {
    maps.processes.set(`${Number(r.hour)}|${Number(r.workflow_version_id)}|${r.part}`, {
      n: Number(r.n),
      sum: Number(r.cycle_sum),
      workflowId: Number(r.workflow_id),
    })
  }
  for (const r of await raw(client, 'SELECT * FROM rollup_histograms', [])) {
    maps.histograms.set(
      `${stageKey(Number(r.day), Number(r.workflow_version_id), r.stage_key)}|${Number(r.bucket)}`,
      { n: Number(r.n), workflowId: Number(r.workflow_id) }
    )
  }
  return maps
}
