import {
  percentile,
  processFilter,
  rangeOf,
  raw,
  visitsCte,
  type Dialect,
} from '#actions/reports/sql'
import type { ReportParams } from '#actions/reports/types'
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

/** SQL: stage visits that ended in the range, per version and stage. */
export function stageCycleSql(d: Dialect, params: ReportParams) {
  const visits = visitsCte(d, params)
  const range = rangeOf(params)
  return {
    sql: `WITH ${visits.sql}, r AS (
        SELECT workflow_version_id, stage, dur,
          ROW_NUMBER() OVER (PARTITION BY workflow_version_id, stage ORDER BY dur) AS rn,
          COUNT(*) OVER (PARTITION BY workflow_version_id, stage) AS n
        FROM visits WHERE left_at >= ? AND left_at < ?
      )
      SELECT workflow_version_id, stage, MAX(n) AS n, AVG(dur) AS avg, ${percentile(d, 50)} AS p50,
        ${percentile(d, 90)} AS p90, ${percentile(d, 95)} AS p95
      FROM r GROUP BY workflow_version_id, stage`,
    bindings: [...visits.bindings, range.startSql, range.endSql],
  }
}

export default async function cycleTime(ctx: ReportContext): Promise<ReportParts> {
  const total = totalCycleSql(ctx.d, ctx.params)
  const totals = await raw(ctx.client, total.sql, total.bindings)
  await ctx.progress(25)
  const stage = stageCycleSql(ctx.d, ctx.params)
  const stages = await raw(ctx.client, stage.sql, stage.bindings)
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
          ...columns,
        ],
        rows: ranked,
      },
    ],
    charts: [{ table: 'cycleStages', kind: 'bar', x: 'stage', series: ['avg', 'p90'] }],
  }
}
