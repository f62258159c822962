import {
  logVisitsCte,
  percentile,
  processFilter,
  rangeOf,
  raw,
  visitsCte,
  type Dialect,
} from '#actions/reports/sql'
import { calendarsOf, workingSecondsIn } from '#actions/projections/working_seconds'
import type { ReportNote, ReportParams } from '#actions/reports/types'
import { histograms, Histogram, rollupFilter, splitRange } from '#actions/reports/rollups'
import {
  num,
  round,
  versionNames,
  stageNames,
  type ReportContext,
  type ReportParts,
} from '#actions/reports/kinds/context'

/** SQL: processes closed in the range (cancelled ones excepted), start to close, per version. */
export function totalCycleSql(d: Dialect, params: ReportParams) {
  const filter = processFilter(params)
  const range = rangeOf(params)
  return {
    sql: `WITH c AS (
        SELECT p.workflow_version_id, ${d.seconds('p.created_at', 'p.closed_at')} AS dur
        FROM processes p
        WHERE p.closed_at >= ? AND p.closed_at < ? AND p.status <> 'cancelled' ${filter.sql}
      ), r AS (
        SELECT workflow_version_id, dur,
          ROW_NUMBER() OVER (PARTITION BY workflow_version_id ORDER BY dur) AS rn,
          COUNT(*) OVER (PARTITION BY workflow_version_id) AS n
        FROM c
      )
      SELECT workflow_version_id, MAX(n) AS n, AVG(dur) AS avg, ${percentile(d, 50)} AS p50,
        ${percentile(d, 90)} AS p90, ${percentile(d, 95)} AS p95
      FROM r GROUP BY workflow_version_id`,
    bindings: [range.startSql, range.endSql, ...filter.bindings],
  }
}

/**
 * SQL: stage visits that ended in the range, per version and stage, with
 * the summed working time of those read from the projection (`working_n`
 * of them; the log's are added by `logWorking`).
 */
export function stageCycleSql(d: Dialect, params: ReportParams) {
  const visits = visitsCte(d, params)
  const range = rangeOf(params)
  return {
    sql: `WITH ${visits.sql}, r AS (
        SELECT workflow_version_id, stage, dur, working,
          ROW_NUMBER() OVER (PARTITION BY workflow_version_id, stage ORDER BY dur) AS rn,
          COUNT(*) OVER (PARTITION BY workflow_version_id, stage) AS n
        FROM visits WHERE left_at >= ? AND left_at < ?
      )
      SELECT workflow_version_id, stage, MAX(n) AS n, AVG(dur) AS avg, ${percentile(d, 50)} AS p50,
        ${percentile(d, 90)} AS p90, ${percentile(d, 95)} AS p95,
        SUM(working) AS working_total, COUNT(working) AS working_n
      FROM r GROUP BY workflow_version_id, stage`,
    bindings: [...visits.bindings, range.startSql, range.endSql],
  }
}

/** Working seconds of visits: how many carry a figure, and their sum. */
type WorkingSum = { n: number; total: number }

const averageOf = (sum: WorkingSum) => (sum.n ? sum.total / sum.n : null)

function addWorking(sum: WorkingSum, seconds: number | null) {
  if (seconds === null) return
  sum.n++
  sum.total += seconds
}

/**
 * The working seconds of visit rows (`working`, `workflow_id`,
 * `entered_at`, `left_at`): as projected, or computed now in the calendar
 * of the workflow for visits read from the log (`working` null).
 */
async function workingOf(rows: any[]): Promise<(number | null)[]> {
  const missing = rows.filter((r) => r.working === null || r.working === undefined)
  const calendars = missing.length ? await calendarsOf(missing.map((r) => r.workflow_id)) : null
  return rows.map((r) =>
    r.working === null || r.working === undefined
      ? workingSecondsIn(calendars!, r)
      : Number(r.working)
  )
}

/**
 * Working time per version and stage of the visits read from the log
 * (past the checkpoint; all of them without one) that ended in [start, end):
 * one row per visit reaches Node, as working time cannot be summed in SQL
 * (without a checkpoint, a batch of `LOG_BATCH` process ids at a time).
 */
async function logWorking(ctx: ReportContext, startSql: string, endSql: string) {
  const sums = new Map<string, WorkingSum>()
  // Without a checkpoint every visit of the range is read from the log: in batches of processes.
  const [bounds] =
    ctx.d.projectedUpTo === undefined
      ? await raw(ctx.client, 'SELECT MAX(id) AS max_id FROM processes', [])
      : [null]
  const maxId = bounds ? Number(bounds.max_id ?? 0) : 0
  for (let after = 0; ; after += LOG_BATCH) {
    const visits = logVisitsCte(
      ctx.d,
      ctx.params,
      bounds ? { after, upTo: after + LOG_BATCH } : undefined
    )
    const rows = await raw(
      ctx.client,
      `WITH ${visits.sql} SELECT workflow_version_id, stage, working, workflow_id, entered_at, left_at
       FROM visits WHERE left_at >= ? AND left_at < ?`,
      [...visits.bindings, startSql, endSql]
    )
    const seconds = await workingOf(rows)
    for (const [i, r] of rows.entries()) {
      const key = `${Number(r.workflow_version_id)}|${r.stage}`
      const sum = sums.get(key) ?? { n: 0, total: 0 }
      addWorking(sum, seconds[i]!)
      sums.set(key, sum)
    }
    if (!bounds || after + LOG_BATCH >= maxId) break
  }
  return sums
}

/** Processes per query when the log's visits are measured in Node. */
const LOG_BATCH = 50_000

type Figures = {
  workflow_version_id: number
  stage?: string
  n: number
  avg: number | null
  /** Average working time (stage visits only). */
  avg_working?: number | null
  p50: number | null
  p90: number | null
  p95: number | null
}

/**
 * One set of figures (whole-process cycle times or stage visits) from the
 * rollups for the covered hours plus the exact values of the tail: counts
 * and averages exact; percentiles from today's exact SQL over the whole
 * range up to `exactPercentileLimit` values, from the histograms beyond.
 */
async function combined(
  ctx: ReportContext,
  split: NonNullable<ReturnType<typeof splitRange>>,
  part: 'cycle' | 'stages'
) {
  const filter = rollupFilter(ctx.params)
  const rolled =
    split.rolled.from < split.rolled.to
      ? await raw(
          ctx.client,
          part === 'cycle'
            ? `SELECT r.workflow_version_id, '' AS stage, SUM(r.n) AS n, SUM(r.cycle_sum) AS total
               FROM process_rollups r
               WHERE r.hour >= ? AND r.hour < ? AND r.part NOT IN ('started', 'cancelled') ${filter.sql}
               GROUP BY r.workflow_version_id HAVING SUM(r.n) <> 0`
            : `SELECT r.workflow_version_id, r.stage_key AS stage, SUM(r.left_count) AS n,
                 SUM(r.duration_sum) AS total, SUM(r.working_sum) AS working
               FROM stage_rollups r WHERE r.hour >= ? AND r.hour < ? ${filter.sql}
               GROUP BY r.workflow_version_id, r.stage_key HAVING SUM(r.left_count) <> 0`,
          [split.rolled.from, split.rolled.to, ...filter.bindings]
        )
      : []
  let tail: any[] = []
  if (split.tail) {
    if (part === 'cycle') {
      const pf = processFilter(ctx.params)
      tail = await raw(
        ctx.client,
        `SELECT p.workflow_version_id, '' AS stage, ${ctx.d.seconds('p.created_at', 'p.closed_at')} AS dur
         FROM processes p
         WHERE p.closed_at >= ? AND p.closed_at < ? AND p.status <> 'cancelled' ${pf.sql}`,
        [split.tail.startSql, split.tail.endSql, ...pf.bindings]
      )
    } else {
      const visits = visitsCte(ctx.d, ctx.params)
      tail = await raw(
        ctx.client,
        `WITH ${visits.sql} SELECT workflow_version_id, stage, dur, working, workflow_id,
           entered_at, left_at FROM visits
         WHERE left_at >= ? AND left_at < ?`,
        [...visits.bindings, split.tail.startSql, split.tail.endSql]
      )
    }
  }
  const groups = new Map<
    string,
    { n: number; total: number; tail: number[]; working: WorkingSum }
  >()
  const group = (r: any) => {
    const key = `${Number(r.workflow_version_id)}|${r.stage}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { n: 0, total: 0, tail: [], working: { n: 0, total: 0 } }))
    return g
  }
  for (const r of rolled) {
    const g = group(r)
    g.n += Number(r.n)
    g.total += Number(r.total)
    g.working.n += Number(r.n)
    g.working.total += Number(r.working ?? 0)
  }
  const tailWorking = part === 'stages' ? await workingOf(tail) : []
  for (const [i, r] of tail.entries()) {
    const g = group(r)
    g.n++
    g.total += Number(r.dur)
    g.tail.push(Number(r.dur))
    addWorking(g.working, tailWorking[i])
  }
  const count = [...groups.values()].reduce((sum, g) => sum + g.n, 0)
  const exact = new Map<string, any>()
  if (count <= ctx.exactPercentileLimit) {
    const query =
      part === 'cycle' ? totalCycleSql(ctx.d, ctx.params) : stageCycleSql(ctx.d, ctx.params)
    for (const r of await raw(ctx.client, query.sql, query.bindings)) {
      exact.set(`${Number(r.workflow_version_id)}|${part === 'cycle' ? '' : r.stage}`, r)
    }
  }
  // Groups only the rollups know (archived processes) fall back on the histograms too.
  const approximate = [...groups.keys()].some((key) => !exact.has(key))
  const buckets = approximate
    ? await histograms(ctx.client, ctx.params, split.rolled, part)
    : new Map<string, Histogram>()
  const rows: Figures[] = []
  for (const [key, g] of groups) {
    const [version, stage] = key.split('|')
    const e = exact.get(key)
    let h: Histogram | undefined
    if (!e) {
      h = buckets.get(key) ?? new Histogram()
      for (const value of g.tail) h.addValue(value)
    }
    const p = (n: 50 | 90 | 95) => (e ? num(e[`p${n}`]) : h!.percentile(n))
    rows.push({
      workflow_version_id: Number(version),
      stage,
      n: g.n,
      avg: g.n ? g.total / g.n : null,
      ...(part === 'stages' ? { avg_working: averageOf(g.working) } : {}),
      p50: p(50),
      p90: p(90),
      p95: p(95),
    })
  }
  // In the order the exact SQL's GROUP BY gives (the report's sort keeps ties in it).
  rows.sort(
    (a, b) =>
      a.workflow_version_id - b.workflow_version_id ||
      (a.stage! < b.stage! ? -1 : a.stage! > b.stage! ? 1 : 0)
  )
  return { rows, approximate }
}

export default async function cycleTime(ctx: ReportContext): Promise<ReportParts> {
  const range = rangeOf(ctx.params)
  const split =
    ctx.rollupCut === undefined
      ? null
      : splitRange(ctx.params, range.start, range.end, ctx.rollupCut)
  let totals: any[]
  let stages: any[]
  const notes: ReportNote[] = []
  if (split) {
    const cycle = await combined(ctx, split, 'cycle')
    await ctx.progress(25)
    const visits = await combined(ctx, split, 'stages')
    totals = cycle.rows
    stages = visits.rows
    if (cycle.approximate || visits.approximate) notes.push('approximatePercentiles')
  } else {
    const total = totalCycleSql(ctx.d, ctx.params)
    totals = await raw(ctx.client, total.sql, total.bindings)
    await ctx.progress(25)
    const stage = stageCycleSql(ctx.d, ctx.params)
    stages = await raw(ctx.client, stage.sql, stage.bindings)
    // Working time: summed in SQL for projected visits, computed here for the log's.
    const fromLog = await logWorking(ctx, range.startSql, range.endSql)
    for (const r of stages) {
      const sum: WorkingSum = { n: Number(r.working_n ?? 0), total: Number(r.working_total ?? 0) }
      const more = fromLog.get(`${Number(r.workflow_version_id)}|${r.stage}`)
      r.avg_working = averageOf(more ? { n: sum.n + more.n, total: sum.total + more.total } : sum)
    }
  }
  await ctx.progress(85)
  const versions = await versionNames(ctx, [
    ...totals.map((r) => Number(r.workflow_version_id)),
    ...stages.map((r) => Number(r.workflow_version_id)),
  ])
  const names = await stageNames(ctx)
  const label = (id: number) => {
    const v = versions.get(id)
    return v ? `${v.workflow} v${v.number}` : `#${id}`
  }
  const figures = (r: any) => ({
    count: Number(r.n),
    avg: round(num(r.avg)),
    p50: num(r.p50),
    p90: num(r.p90),
    p95: num(r.p95),
  })

  const stageRows = stages
    .map((r) => ({
      versionId: Number(r.workflow_version_id),
      version: label(Number(r.workflow_version_id)),
      stage: names.name(Number(r.workflow_version_id), r.stage),
      ...figures(r),
      avgWorking: round(num(r.avg_working)),
    }))
    // Bottlenecks first: slowest average within each version.
    .sort((a, b) => a.version.localeCompare(b.version) || (b.avg ?? 0) - (a.avg ?? 0))
  let rank = 0
  let current = ''
  const ranked = stageRows.map(({ versionId: _id, ...row }) => {
    rank = row.version === current ? rank + 1 : 1
    current = row.version
    return { rank, ...row }
  })

  const columns = [
    { key: 'count', type: 'number' as const },
    { key: 'avg', type: 'seconds' as const },
    { key: 'p50', type: 'seconds' as const },
    { key: 'p90', type: 'seconds' as const },
    { key: 'p95', type: 'seconds' as const },
  ]
  return {
    tables: [
      {
        key: 'cycleTotal',
        columns: [{ key: 'version', type: 'text' }, ...columns],
        rows: totals
          .map((r) => ({ version: label(Number(r.workflow_version_id)), ...figures(r) }))
          .sort((a, b) => a.version.localeCompare(b.version)),
      },
      {
        key: 'cycleStages',
        columns: [
          { key: 'rank', type: 'number' },
          { key: 'version', type: 'text' },
          { key: 'stage', type: 'text' },
          ...columns.slice(0, 2),
          // Beside the wall-clock average: the time inside the workflow's business calendar.
          { key: 'avgWorking', type: 'seconds' },
          ...columns.slice(2),
        ],
        rows: ranked,
      },
    ],
    charts: [
      { table: 'cycleStages', kind: 'bar', x: 'stage', series: ['avg', 'avgWorking', 'p90'] },
    ],
    ...(notes.length ? { notes } : {}),
  }
}
