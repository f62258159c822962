/**
 * Reading the hourly rollups (#actions/projections/rollups) for the part of
 * a report's range the projector has covered, and the cut between that
 * part and the tail the reports compute exactly from `stage_visits` and
 * the log.
 */
import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { dialectOf, raw } from '#actions/reports/sql'
import { sqlTime } from '#support/sql_time'
import { DEFAULT_SAFETY_MS } from '#actions/projections/stage_visits_projector'
import { bucketValue, bucketOf } from '#actions/projections/rollups'
import type { ReportParams } from '#actions/reports/types'

/** Above this many values in a range, percentiles come from the rollup histograms. */
export const EXACT_PERCENTILE_LIMIT = 50_000

/** Hours since the Unix epoch. */
export type HourSpan = { from: number; to: number }

/**
 * Where the rollups end: the hour before the earliest event the projector
 * may not have read (past the checkpoint), and no later than a safety
 * window ago (a transaction may still commit an event timed earlier).
 * Changes after it (visits ending, processes closing) land in later hours.
 */
export async function rollupCut(client: QueryClientContract, position: number) {
  const [row] = await raw(
    client,
    'SELECT MIN(occurred_at) AS first_at FROM process_events WHERE id > ?',
    [position]
  )
  let until = Date.now() - DEFAULT_SAFETY_MS
  if (row?.first_at) {
    const at =
      row.first_at instanceof Date
        ? row.first_at.getTime()
        : Date.parse(`${String(row.first_at).replace(' ', 'T')}Z`)
    if (!Number.isNaN(at)) until = Math.min(until, at)
  }
  return Math.floor(until / 3_600_000)
}

/**
 * The range in whole UTC hours, split at the cut: `rolled` from the
 * rollups, `tail` (UTC instants) computed exactly. Null when the rollups
 * cannot answer: filters on the current assignee or role (not in the
 * rollups), or local days that do not start on a whole UTC hour.
 */
export function splitRange(params: ReportParams, start: DateTime, end: DateTime, cut: number) {
  if (params.assigneeId || params.role) return null
  const from = start.toMillis() / 3_600_000
  const to = end.toMillis() / 3_600_000
  if (!Number.isInteger(from) || !Number.isInteger(to)) return null
  const rolled: HourSpan = { from, to: Math.max(from, Math.min(to, cut)) }
  const tailFrom = Math.max(from, cut)
  const tail =
    tailFrom < to
      ? {
          startSql: sqlTime(DateTime.fromMillis(tailFrom * 3_600_000, { zone: 'utc' }))!,
          endSql: sqlTime(end)!,
        }
      : null
  return { rolled, tail, cut }
}

/** `AND …` conditions on rollup rows aliased `r`, with their bindings. */
export function rollupFilter(params: ReportParams) {
  const sql: string[] = []
  const bindings: unknown[] = []
  if (params.workflowId) {
    sql.push('AND r.workflow_id = ?')
    bindings.push(params.workflowId)
  }
  if (params.hiddenWorkflows?.length) {
    sql.push(`AND r.workflow_id NOT IN (${params.hiddenWorkflows.map(() => '?').join(', ')})`)
    bindings.push(...params.hiddenWorkflows)
  }
  if (params.versionId) {
    sql.push('AND r.workflow_version_id = ?')
    bindings.push(params.versionId)
  }
  return { sql: sql.join(' '), bindings }
}

/** A histogram of durations: bucket → count. */
export class Histogram {
  counts = new Map<number, number>()
  n = 0
  add(bucket: number, n: number) {
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + n)
    this.n += n
  }
  addValue(seconds: number) {
    this.add(bucketOf(seconds), 1)
  }
  /** Nearest-rank percentile p (%), as the middle of the bucket it lands in. */
  percentile(p: number) {
    if (!this.n) return null
    const rank = Math.ceil((p * this.n) / 100)
    let seen = 0
    for (const bucket of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(bucket)!
      if (seen >= rank) return bucketValue(bucket)
    }
    return null
  }
}

/**
 * Histograms per version and stage ('' : whole-process cycle times) of the
 * values in the hours: whole UTC days from the daily histogram rows, the
 * partial days at either end from `stage_visits` (the rows the rollups
 * aggregate, archived processes included), bucketed here.
 */
export async function histograms(
  client: QueryClientContract,
  params: ReportParams,
  span: HourSpan,
  stages: 'stages' | 'cycle'
) {
  const d = dialectOf(client)
  const filter = rollupFilter(params)
  const map = new Map<string, Histogram>()
  const histogram = (r: any) => {
    const key = `${Number(r.workflow_version_id)}|${r.stage_key}`
    let h = map.get(key)
    if (!h) map.set(key, (h = new Histogram()))
    return h
  }
  if (span.from >= span.to) return map
  const firstDay = Math.ceil(span.from / 24)
  const lastDay = Math.floor(span.to / 24)
  const edges: HourSpan[] = []
  if (firstDay < lastDay) {
    const rows = await raw(
      client,
      `SELECT r.workflow_version_id, r.stage_key, r.bucket, SUM(r.n) AS n
       FROM rollup_histograms r
       WHERE r.day >= ? AND r.day < ? AND r.stage_key ${stages === 'cycle' ? "= ''" : "<> ''"} ${filter.sql}
       GROUP BY r.workflow_version_id, r.stage_key, r.bucket`,
      [firstDay, lastDay, ...filter.bindings]
    )
    for (const r of rows) histogram(r).add(Number(r.bucket), Number(r.n))
    edges.push({ from: span.from, to: firstDay * 24 }, { from: lastDay * 24, to: span.to })
  } else {
    edges.push(span)
  }
  for (const edge of edges.filter((e) => e.from < e.to)) {
    const at = (hour: number) => sqlTime(DateTime.fromMillis(hour * 3_600_000, { zone: 'utc' }))!
    const rows = await raw(
      client,
      stages === 'cycle'
        ? `SELECT r.workflow_version_id, '' AS stage_key,
             ${d.seconds('r.process_created_at', 'r.process_closed_at')} AS dur
           FROM stage_visits r
           WHERE r.process_closed_at >= ? AND r.process_closed_at < ? AND r.process_status <> 'cancelled'
             AND r.entered_sequence = (SELECT MIN(f.entered_sequence) FROM stage_visits f
               WHERE f.process_id = r.process_id) ${filter.sql}`
        : `SELECT r.workflow_version_id, r.stage_key, r.duration_seconds AS dur
           FROM stage_visits r WHERE r.left_at >= ? AND r.left_at < ? ${filter.sql}`,
      [at(edge.from), at(edge.to), ...filter.bindings]
    )
    for (const r of rows) histogram(r).addValue(Number(r.dur))
  }
  return map
}
