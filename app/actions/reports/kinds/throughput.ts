import { processFilter, rangeOf, raw, type Dialect, type SqlRange } from '#actions/reports/sql'
import { rollupFilter, splitRange } from '#actions/reports/rollups'
import type { Cell, ReportParams } from '#actions/reports/types'
import { buckets, type ReportContext, type ReportParts } from '#actions/reports/kinds/context'

/** SQL: started and closed processes per UTC hour, outcome and workflow, in [start, end). */
export function throughputSql(d: Dialect, params: ReportParams, range: SqlRange = rangeOf(params)) {
  const filter = processFilter(params)
  return {
    sql: `SELECT part, hour, status, workflow_id, COUNT(*) AS n FROM (
       SELECT 'started' AS part, ${d.hour('p.created_at')} AS hour, NULL AS status, p.workflow_id
       FROM processes p WHERE p.created_at >= ? AND p.created_at < ? ${filter.sql}
       UNION ALL
       SELECT 'closed', ${d.hour('p.closed_at')}, p.status, p.workflow_id
       FROM processes p WHERE p.closed_at >= ? AND p.closed_at < ? ${filter.sql}
     ) x GROUP BY part, hour, status, workflow_id`,
    bindings: [
      range.startSql,
      range.endSql,
      ...filter.bindings,
      range.startSql,
      range.endSql,
      ...filter.bindings,
    ],
  }
}

/**
 * The same counts for the hours the rollups cover and the exact SQL for
 * the rest; archived (purged) processes still count through the rollups.
 */
async function hourlyCounts(ctx: ReportContext) {
  const range = rangeOf(ctx.params)
  const split =
    ctx.rollupCut === undefined
      ? null
      : splitRange(ctx.params, range.start, range.end, ctx.rollupCut)
  if (!split) {
    const query = throughputSql(ctx.d, ctx.params)
    return raw(ctx.client, query.sql, query.bindings)
  }
  const filter = rollupFilter(ctx.params)
  const rolled = await raw(
    ctx.client,
    `SELECT CASE WHEN r.part = 'started' THEN 'started' ELSE 'closed' END AS part, r.hour,
       CASE WHEN r.part = 'started' THEN NULL ELSE r.part END AS status, r.workflow_id, SUM(r.n) AS n
     FROM process_rollups r WHERE r.hour >= ? AND r.hour < ? ${filter.sql}
     GROUP BY r.part, r.hour, r.workflow_id HAVING SUM(r.n) <> 0`,
    [split.rolled.from, split.rolled.to, ...filter.bindings]
  )
  if (!split.tail) return rolled
  const query = throughputSql(ctx.d, ctx.params, split.tail)
  return [...rolled, ...(await raw(ctx.client, query.sql, query.bindings))]
}

export default async function throughput(ctx: ReportContext): Promise<ReportParts> {
  const { params } = ctx
  // One pass: started and closed per UTC hour, outcome and workflow.
  const counts = await hourlyCounts(ctx)
  await ctx.progress(80)
  const started = counts.filter((r) => r.part === 'started')
  const closed = counts.filter((r) => r.part === 'closed')
  const workflowIds = [...new Set(counts.map((r) => Number(r.workflow_id)))]
  const workflowRows = workflowIds.length
    ? await ctx.client.from('workflows').whereIn('id', workflowIds).select('id', 'name')
    : []
  const perWorkflow = workflowRows
    .map((w) => {
      const mine = counts.filter((r) => Number(r.workflow_id) === w.id)
      const sum = (part: string) =>
        mine.filter((r) => r.part === part).reduce((total, r) => total + Number(r.n), 0)
      return { workflow: w.name as string, started: sum('started'), closed: sum('closed') }
    })
    .sort((a, b) => a.workflow.localeCompare(b.workflow))

  const b = buckets(params)
  const outcomes = [...new Set(closed.map((r) => String(r.status)))].sort()
  const rows = new Map<string, Record<string, Cell>>(
    b.labels.map((label) => [
      label,
      { period: label, started: 0, closed: 0, ...Object.fromEntries(outcomes.map((o) => [o, 0])) },
    ])
  )
  for (const r of started) {
    const row = rows.get(b.of(r.hour))
    if (row) row.started = Number(row.started) + Number(r.n)
  }
  for (const r of closed) {
    const row = rows.get(b.of(r.hour))
    if (!row) continue
    row.closed = Number(row.closed) + Number(r.n)
    row[r.status] = Number(row[r.status]) + Number(r.n)
  }
  return {
    tables: [
      {
        key: 'throughput',
        columns: [
          { key: 'period', type: 'date' },
          { key: 'started', type: 'number' },
          { key: 'closed', type: 'number' },
          ...outcomes.map((o) => ({ key: o, type: 'number' as const })),
        ],
        rows: [...rows.values()],
      },
      {
        key: 'throughputByWorkflow',
        columns: [
          { key: 'workflow', type: 'text' },
          { key: 'started', type: 'number' },
          { key: 'closed', type: 'number' },
        ],
        rows: perWorkflow,
      },
    ],
    charts: [{ table: 'throughput', kind: 'bar', x: 'period', series: ['started', 'closed'] }],
  }
}
