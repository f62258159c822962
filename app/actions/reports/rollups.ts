/**
 * Reading the hourly rollups (#actions/projections/rollups) for the part of
 * a report's range the projector has covered, and the cut between that
 * part and the tail the reports compute exactly from `stage_visits` and
 * the log.
 */
import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { raw } from '#actions/reports/sql'
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

/** Histograms per version and stage ('' : whole-process cycle times) over the hours. */
export async function histograms(
  client: QueryClientContract,
  params: ReportParams,
  span: HourSpan,
  stages: 'stages' | 'cycle'
) {
  const filter = rollupFilter(params)
  const rows =
    span.from < span.to
      ? await raw(
          client,
          `SELECT r.workflow_version_id, r.stage_key, r.bucket, SUM(r.n) AS n
           FROM rollup_histograms r
           WHERE r.hour >= ? AND r.hour < ? AND r.stage_key ${stages === 'cycle' ? "= ''" : "<> ''"} ${filter.sql}
           GROUP BY r.workflow_version_id, r.stage_key, r.bucket`,
          [span.from, span.to, ...filter.bindings]
        )
      : []
  const map = new Map<string, Histogram>()
  for (const r of rows) {
    const key = `${Number(r.workflow_version_id)}|${r.stage_key}`
    const h = map.get(key) ?? new Histogram()
    h.add(Number(r.bucket), Number(r.n))
    map.set(key, h)
  }
  return map
}
