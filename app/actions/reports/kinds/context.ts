import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { rangeOf, type Dialect } from '#actions/reports/sql'
import type { ProgressFn, ReportParams, ReportResult } from '#actions/reports/types'

/**
 * What every report kind receives: the connection, its SQL dialect, the
 * normalized parameters, the report's "now" and a progress callback.
 */
export type ReportContext = {
  client: QueryClientContract
  d: Dialect
  params: ReportParams
  now: DateTime
  progress: ProgressFn
  /**
   * The first hour (since the Unix epoch) the hourly rollups do not cover
   * yet; absent: no rollups (no checkpoint, or `source: 'log'`).
   */
  rollupCut?: number
  /** Above this many values, percentiles come from the rollup histograms. */
  exactPercentileLimit: number
}

/** The tables and charts one report kind produces. */
export type ReportParts = Pick<ReportResult, 'tables' | 'charts' | 'notes'>

export const num = (value: unknown) =>
  value === null || value === undefined ? null : Number(value)
export const round = (value: number | null, digits = 0) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits

/* ---------------------------------------------------------------- names */

export async function versionNames(ctx: ReportContext, ids: number[]) {
  const map = new Map<number, { workflow: string; number: number }>()
  if (!ids.length) return map
  const rows = await ctx.client
    .from('workflow_versions as v')
    .join('workflows as w', 'w.id', 'v.workflow_id')
    .whereIn('v.id', [...new Set(ids)])
    .select('v.id', 'v.number', 'w.name')
  for (const row of rows) map.set(row.id, { workflow: row.name, number: row.number })
  return map
}

export async function stageNames(ctx: ReportContext) {
  const query = ctx.client
    .from('workflow_stages as s')
    .join('workflow_versions as v', 'v.id', 's.workflow_version_id')
    .select('s.workflow_version_id', 's.key', 's.name', 's.position')
  if (ctx.params.workflowId) query.where('v.workflow_id', ctx.params.workflowId)
  if (ctx.params.versionId) query.where('v.id', ctx.params.versionId)
  const rows = await query
  const byVersion = new Map<string, { name: string; position: number }>()
  const byKey = new Map<string, { name: string; position: number }>()
  for (const row of rows) {
    byVersion.set(`${row.workflow_version_id}:${row.key}`, {
      name: row.name,
      position: row.position,
    })
    if (!byKey.has(row.key)) byKey.set(row.key, { name: row.name, position: row.position })
  }
  return {
    name: (versionId: number | null, key: string) =>
      (versionId !== null ? byVersion.get(`${versionId}:${key}`)?.name : undefined) ??
      byKey.get(key)?.name ??
      key,
    position: (key: string) => byKey.get(key)?.position ?? 999,
  }
}

export async function userNames(ctx: ReportContext, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
  const map = new Map<number, { name: string; role: string }>()
  if (!wanted.length) return map
  const rows = await ctx.client.from('users').whereIn('id', wanted).select('id', 'name', 'role')
  for (const row of rows) map.set(row.id, { name: row.name, role: row.role })
  return map
}

/* ------------------------------------------------------- local buckets */

/**
 * The local days (or ISO weeks, starting Monday) of the range, and the
 * bucket an hour (counted from the Unix epoch, as SQL groups) falls in.
 * Exact for every whole-hour zone offset, daylight saving included.
 */
export function buckets(params: ReportParams) {
  const { start, end } = rangeOf(params)
  const labels: string[] = []
  const unit = params.granularity === 'week' ? 'week' : 'day'
  for (let at = start.startOf(unit); at < end; at = at.plus({ [unit + 's']: 1 })) {
    labels.push(at.toISODate()!)
  }
  const cache = new Map<number, string>()
  return {
    labels,
    of(hour: unknown) {
      const key = Number(hour)
      let label = cache.get(key)
      if (!label) {
        label = DateTime.fromMillis(key * 3_600_000, { zone: params.timezone })
          .startOf(unit)
          .toISODate()!
        cache.set(key, label)
      }
      return label
    },
  }
}
