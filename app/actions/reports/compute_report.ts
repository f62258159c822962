import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { sqlTime } from '#support/sql_time'
import {
  dialectOf,
  percentile,
  processFilter,
  rangeOf,
  raw,
  visitsCte,
  type Dialect,
} from '#actions/reports/sql'
import type {
  Cell,
  ProgressFn,
  ReportKind,
  ReportParams,
  ReportResult,
  ReportTable,
} from '#actions/reports/types'

type Context = {
  client: QueryClientContract
  d: Dialect
  params: ReportParams
  now: DateTime
  progress: ProgressFn
}

/** Age buckets for work in progress, in seconds (upper bounds). */
const AGE_BUCKETS = [
  { key: 'lt1d', max: 86400 },
  { key: 'd1to3', max: 3 * 86400 },
  { key: 'd3to7', max: 7 * 86400 },
  { key: 'd7to14', max: 14 * 86400 },
  { key: 'gt14d', max: null },
] as const

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value))
const round = (value: number | null, digits = 0) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits

/**
 * Computes one report with SQL aggregation (window functions for stage
 * visits and nearest-rank percentiles): only aggregated rows come back to
 * JavaScript, never the events themselves. Runs in a worker.
 */
export default class ComputeReport {
  async handle(input: {
    kind: ReportKind
    params: ReportParams
    now?: DateTime
    client?: QueryClientContract
    progress?: ProgressFn
  }): Promise<ReportResult> {
    const client = input.client ?? db.connection()
    const ctx: Context = {
      client,
      d: dialectOf(client),
      params: input.params,
      now: input.now ?? DateTime.utc(),
      progress: input.progress ?? (async () => {}),
    }
    const parts = await REPORTS[input.kind](ctx)
    await ctx.progress(100)
    return { kind: input.kind, asOf: ctx.now.toUTC().toISO()!, ...parts }
  }
}

type Parts = Pick<ReportResult, 'tables' | 'charts'>

const REPORTS: Record<ReportKind, (ctx: Context) => Promise<Parts>> = {
  throughput,
  cycle_time: cycleTime,
  sla,
  wip,
  workload,
}

/* ---------------------------------------------------------------- names */

async function versionNames(ctx: Context, ids: number[]) {
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

async function stageNames(ctx: Context) {
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

async function userNames(ctx: Context, ids: (number | null)[]) {
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
function buckets(params: ReportParams) {
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

/* ----------------------------------------------------------- throughput */

async function throughput(ctx: Context): Promise<Parts> {
  const { d, params } = ctx
  const range = rangeOf(params)
  const filter = processFilter(params)
  // One pass: started and closed per UTC hour, outcome and workflow.
  const counts = await raw(
    ctx.client,
    `SELECT part, hour, status, workflow_id, COUNT(*) AS n FROM (
       SELECT 'started' AS part, ${d.hour('p.created_at')} AS hour, NULL AS status, p.workflow_id
       FROM processes p WHERE p.created_at >= ? AND p.created_at < ? ${filter.sql}
       UNION ALL
       SELECT 'closed', ${d.hour('p.closed_at')}, p.status, p.workflow_id
       FROM processes p WHERE p.closed_at >= ? AND p.closed_at < ? ${filter.sql}
     ) x GROUP BY part, hour, status, workflow_id`,
    [
      range.startSql,
      range.endSql,
      ...filter.bindings,
      range.startSql,
      range.endSql,
      ...filter.bindings,
    ]
  )
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

/* ----------------------------------------------------------- cycle time */

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

async function cycleTime(ctx: Context): Promise<Parts> {
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

/* ------------------------------------------------------------------ SLA */

/**
 * SQL: finished visits per version and stage, and how many stayed within
 * the stage's SLA. The SLAs (a few rows of workflow_stages) come in as a
 * CASE expression rather than a join: joined to the windowed visits,
 * MariaDB may re-run the window once per stage ("split materialized").
 */
export function slaComplianceSql(
  d: Dialect,
  params: ReportParams,
  slas: { versionId: number; stage: string; seconds: number }[]
) {
  const visits = visitsCte(d, params)
  const range = rangeOf(params)
  const cases = slas.map(() => 'WHEN workflow_version_id = ? AND stage = ? THEN ?').join(' ')
  const slaSeconds = slas.length ? `CASE ${cases} END` : 'NULL'
  return {
    sql: `WITH ${visits.sql}
      SELECT workflow_version_id, stage, COUNT(*) AS n,
        SUM(CASE WHEN dur <= ${slaSeconds} THEN 1 ELSE 0 END) AS within
      FROM visits
      WHERE left_at >= ? AND left_at < ?
      GROUP BY workflow_version_id, stage`,
    bindings: [
      ...visits.bindings,
      ...slas.flatMap((s) => [s.versionId, s.stage, s.seconds]),
      range.startSql,
      range.endSql,
    ],
  }
}

/** The SLA of every stage that has one, for the versions the filters cover. */
async function stageSlas(ctx: Context) {
  const query = ctx.client
    .from('workflow_stages as s')
    .join('workflow_versions as v', 'v.id', 's.workflow_version_id')
    .whereNotNull('s.sla_minutes')
    .select('s.workflow_version_id', 's.key', 's.sla_minutes')
  if (ctx.params.workflowId) query.where('v.workflow_id', ctx.params.workflowId)
  if (ctx.params.versionId) query.where('v.id', ctx.params.versionId)
  const rows = await query
  return rows.map((r) => ({
    versionId: Number(r.workflow_version_id),
    stage: String(r.key),
    seconds: Number(r.sla_minutes) * 60,
  }))
}

async function sla(ctx: Context): Promise<Parts> {
  const { d, params } = ctx
  const range = rangeOf(params)
  const filter = processFilter(params)
  const slas = await stageSlas(ctx)
  const withSla = new Set(slas.map((x) => `${x.versionId}:${x.stage}`))
  const compliance = slaComplianceSql(d, params, slas)
  const allVisits = await raw(ctx.client, compliance.sql, compliance.bindings)
  const visits = allVisits.filter((r) => withSla.has(`${r.workflow_version_id}:${r.stage}`))
  await ctx.progress(50)
  const breaches = await raw(
    ctx.client,
    `SELECT p.workflow_version_id, ${d.jsonText('e.payload', 'stage')} AS stage,
       ${d.jsonText('e.payload', 'assigneeId')} AS assignee_id, COUNT(*) AS n
     FROM process_events e JOIN processes p ON p.id = e.process_id
     WHERE e.type = 'sla_breached' AND e.occurred_at >= ? AND e.occurred_at < ? ${filter.sql}
     GROUP BY p.workflow_version_id, ${d.jsonText('e.payload', 'stage')}, ${d.jsonText('e.payload', 'assigneeId')}`,
    [range.startSql, range.endSql, ...filter.bindings]
  )
  await ctx.progress(75)
  const overdue = await raw(
    ctx.client,
    `SELECT p.workflow_version_id, p.stage_key AS stage, p.assignee_id, COUNT(*) AS n
     FROM processes p
     WHERE p.status = 'active' AND p.due_at < ? ${filter.sql}
     GROUP BY p.workflow_version_id, p.stage_key, p.assignee_id`,
    [sqlTime(ctx.now), ...filter.bindings]
  )
  const names = await stageNames(ctx)
  const users = await userNames(ctx, [
    ...breaches.map((r) => num(r.assignee_id)),
    ...overdue.map((r) => num(r.assignee_id)),
  ])
  const who = (id: number | null) => (id === null ? null : (users.get(id)?.name ?? `#${id}`))

  const totalVisits = visits.reduce((sum, r) => sum + Number(r.n), 0)
  const totalWithin = visits.reduce((sum, r) => sum + Number(r.within), 0)
  return {
    tables: [
      {
        key: 'slaSummary',
        columns: [
          { key: 'visits', type: 'number' },
          { key: 'within', type: 'number' },
          { key: 'compliance', type: 'percent' },
          { key: 'breaches', type: 'number' },
          { key: 'overdue', type: 'number' },
        ],
        rows: [
          {
            visits: totalVisits,
            within: totalWithin,
            compliance: totalVisits ? round((totalWithin / totalVisits) * 100, 1) : null,
            breaches: breaches.reduce((sum, r) => sum + Number(r.n), 0),
            overdue: overdue.reduce((sum, r) => sum + Number(r.n), 0),
          },
        ],
      },
      {
        key: 'slaStages',
        columns: [
          { key: 'stage', type: 'text' },
          { key: 'visits', type: 'number' },
          { key: 'within', type: 'number' },
          { key: 'breached', type: 'number' },
          { key: 'compliance', type: 'percent' },
        ],
        rows: visits
          .map((r) => ({
            stage: names.name(Number(r.workflow_version_id), r.stage),
            visits: Number(r.n),
            within: Number(r.within),
            breached: Number(r.n) - Number(r.within),
            compliance: round((Number(r.within) / Number(r.n)) * 100, 1),
          }))
          .sort((a, b) => (a.compliance ?? 0) - (b.compliance ?? 0)),
      },
      {
        key: 'slaBreaches',
        columns: [
          { key: 'stage', type: 'text' },
          { key: 'assignee', type: 'text' },
          { key: 'breaches', type: 'number' },
        ],
        rows: breaches
          .map((r) => ({
            stage: names.name(Number(r.workflow_version_id), r.stage),
            assignee: who(num(r.assignee_id)),
            breaches: Number(r.n),
          }))
          .sort((a, b) => b.breaches - a.breaches),
      },
      {
        key: 'slaOverdue',
        columns: [
          { key: 'stage', type: 'text' },
          { key: 'assignee', type: 'text' },
          { key: 'overdue', type: 'number' },
        ],
        rows: overdue
          .map((r) => ({
            stage: names.name(Number(r.workflow_version_id), r.stage),
            assignee: who(num(r.assignee_id)),
            overdue: Number(r.n),
          }))
          .sort((a, b) => b.overdue - a.overdue),
      },
    ],
    charts: [{ table: 'slaStages', kind: 'bar', x: 'stage', series: ['within', 'breached'] }],
  }
}

/* ------------------------------------------------- work in progress */

/** SQL: open visits at the start, then entries and exits per stage and UTC hour. */
export function wipSql(d: Dialect, params: ReportParams) {
  const visits = visitsCte(d, params)
  const range = rangeOf(params)
  // A visit with no exit on a closed process is its end stage: not work in progress.
  // Each visit is read once and counted twice (its entry, its exit); entries
  // before the range make the baseline (hour NULL).
  return {
    sql: `WITH ${visits.sql}
      SELECT stage, part,
        CASE WHEN part = 'in' THEN (CASE WHEN entered_at < ? THEN NULL ELSE ${d.hour('entered_at')} END)
          ELSE ${d.hour('left_at')} END AS hour,
        COUNT(*) AS n
      FROM visits CROSS JOIN (SELECT 'in' AS part UNION ALL SELECT 'out') parts
      WHERE (part = 'in' AND NOT (left_at IS NULL AND status <> 'active') AND entered_at < ?
          AND (entered_at >= ? OR left_at IS NULL OR left_at >= ?))
        OR (part = 'out' AND left_at >= ? AND left_at < ?)
      GROUP BY stage, part, hour`,
    bindings: [
      ...visits.bindings,
      range.startSql,
      range.endSql,
      range.startSql,
      range.startSql,
      range.startSql,
      range.endSql,
    ],
  }
}

async function wip(ctx: Context): Promise<Parts> {
  const { d, params } = ctx
  const filter = processFilter(params)
  const query = wipSql(d, params)
  const moves = await raw(ctx.client, query.sql, query.bindings)
  await ctx.progress(60)
  const ageCases = AGE_BUCKETS.map(
    (b) =>
      `SUM(CASE WHEN ${b.max === null ? '1 = 1' : `age < ${b.max}`}${
        AGE_BUCKETS.indexOf(b) > 0
          ? ` AND age >= ${AGE_BUCKETS[AGE_BUCKETS.indexOf(b) - 1]!.max}`
          : ''
      } THEN 1 ELSE 0 END) AS ${b.key}`
  ).join(', ')
  const aging = await raw(
    ctx.client,
    `SELECT stage_key AS stage, COUNT(*) AS n, MAX(age) AS oldest, ${ageCases}
     FROM (SELECT p.stage_key, ${d.seconds('p.stage_entered_at', '?')} AS age
           FROM processes p WHERE p.status = 'active' ${filter.sql}) a
     GROUP BY stage_key`,
    [sqlTime(ctx.now), ...filter.bindings]
  )
  const names = await stageNames(ctx)
  const stageKeys = [
    ...new Set([...moves.map((m) => String(m.stage)), ...aging.map((a) => a.stage)]),
  ].sort((a, b) => names.position(a) - names.position(b) || a.localeCompare(b))

  // Open count per stage at the end of each local bucket: baseline plus the moves so far.
  const b = buckets(params)
  const open = new Map(stageKeys.map((k) => [k, 0]))
  const deltas = new Map<string, Map<string, number>>()
  for (const m of moves) {
    if (m.part === 'in' && m.hour === null) {
      open.set(m.stage, (open.get(m.stage) ?? 0) + Number(m.n))
      continue
    }
    const label = b.of(m.hour)
    const perStage = deltas.get(label) ?? new Map<string, number>()
    perStage.set(m.stage, (perStage.get(m.stage) ?? 0) + (m.part === 'in' ? 1 : -1) * Number(m.n))
    deltas.set(label, perStage)
  }
  const overTime = b.labels.map((label) => {
    for (const [stage, delta] of deltas.get(label) ?? []) {
      open.set(stage, (open.get(stage) ?? 0) + delta)
    }
    return {
      period: label,
      ...Object.fromEntries(stageKeys.map((k) => [names.name(null, k), open.get(k) ?? 0])),
    }
  })

  return {
    tables: [
      {
        key: 'wipOverTime',
        columns: [
          { key: 'period', type: 'date' },
          ...stageKeys.map((k) => ({ key: names.name(null, k), type: 'number' as const })),
        ],
        rows: overTime,
      },
      {
        key: 'wipAging',
        columns: [
          { key: 'stage', type: 'text' },
          { key: 'open', type: 'number' },
          ...AGE_BUCKETS.map((a) => ({ key: a.key, type: 'number' as const })),
          { key: 'oldest', type: 'seconds' },
        ],
        rows: aging
          .map((r) => ({
            stage: names.name(null, r.stage),
            open: Number(r.n),
            ...Object.fromEntries(AGE_BUCKETS.map((a) => [a.key, Number(r[a.key])])),
            oldest: num(r.oldest),
          }))
          .sort((a, b2) => (b2.oldest ?? 0) - (a.oldest ?? 0)),
      },
    ],
    charts: [
      {
        table: 'wipOverTime',
        kind: 'line',
        x: 'period',
        series: stageKeys.map((k) => names.name(null, k)),
      },
    ],
  }
}

/* ------------------------------------------------------------- workload */

async function workload(ctx: Context): Promise<Parts> {
  const { params } = ctx
  const range = rangeOf(params)
  const filter = processFilter(params)
  const open = await raw(
    ctx.client,
    `SELECT p.assignee_id, COUNT(*) AS n, SUM(CASE WHEN p.due_at < ? THEN 1 ELSE 0 END) AS overdue
     FROM processes p WHERE p.status = 'active' ${filter.sql} GROUP BY p.assignee_id`,
    [sqlTime(ctx.now), ...filter.bindings]
  )
  await ctx.progress(40)
  // Completed work: each transition someone made in the range moved an item on.
  const done = await raw(
    ctx.client,
    `SELECT e.actor_id, COUNT(*) AS n
     FROM process_events e JOIN processes p ON p.id = e.process_id
     WHERE e.type = 'transitioned' AND e.occurred_at >= ? AND e.occurred_at < ?
       AND e.actor_id IS NOT NULL ${filter.sql}
     GROUP BY e.actor_id`,
    [range.startSql, range.endSql, ...filter.bindings]
  )
  await ctx.progress(80)
  const users = await userNames(ctx, [
    ...open.map((r) => num(r.assignee_id)),
    ...done.map((r) => num(r.actor_id)),
  ])
  const people = new Map<number | null, { open: number; overdue: number; completed: number }>()
  const entry = (id: number | null) => {
    let row = people.get(id)
    if (!row) people.set(id, (row = { open: 0, overdue: 0, completed: 0 }))
    return row
  }
  for (const r of open) {
    const row = entry(num(r.assignee_id))
    row.open += Number(r.n)
    row.overdue += Number(r.overdue ?? 0)
  }
  for (const r of done) entry(num(r.actor_id)).completed += Number(r.n)

  const assigneeRows = [...people.entries()]
    .map(([id, row]) => ({
      assignee: id === null ? null : (users.get(id)?.name ?? `#${id}`),
      role: id === null ? null : (users.get(id)?.role ?? null),
      ...row,
    }))
    .sort((a, b) => b.open - a.open || b.completed - a.completed)
  const roles = new Map<string | null, { open: number; overdue: number; completed: number }>()
  for (const row of assigneeRows) {
    const sum = roles.get(row.role) ?? { open: 0, overdue: 0, completed: 0 }
    sum.open += row.open
    sum.overdue += row.overdue
    sum.completed += row.completed
    roles.set(row.role, sum)
  }
  const tables: ReportTable[] = [
    {
      key: 'workloadAssignees',
      columns: [
        { key: 'assignee', type: 'text' },
        { key: 'role', type: 'text' },
        { key: 'open', type: 'number' },
        { key: 'overdue', type: 'number' },
        { key: 'completed', type: 'number' },
      ],
      rows: assigneeRows,
    },
    {
      key: 'workloadRoles',
      columns: [
        { key: 'role', type: 'text' },
        { key: 'open', type: 'number' },
        { key: 'overdue', type: 'number' },
        { key: 'completed', type: 'number' },
      ],
      rows: [...roles.entries()].map(([role, sum]) => ({ role, ...sum })),
    },
  ]
  return {
    tables,
    charts: [
      { table: 'workloadAssignees', kind: 'bar', x: 'assignee', series: ['open', 'completed'] },
    ],
  }
}
