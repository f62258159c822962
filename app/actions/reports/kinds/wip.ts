import { DateTime } from 'luxon'
import {
  processFilter,
  rangeOf,
  raw,
  visitsCte,
  type Dialect,
  type SqlRange,
} from '#actions/reports/sql'
import { rollupFilter, splitRange } from '#actions/reports/rollups'
import { sqlTime } from '#support/sql_time'
import type { ReportParams } from '#actions/reports/types'
import {
  num,
  stageNames,
  buckets,
  type ReportContext,
  type ReportParts,
} from '#actions/reports/kinds/context'

/** Age buckets for work in progress, in seconds (upper bounds). */
const AGE_BUCKETS = [
  { key: 'lt1d', max: 86400 },
  { key: 'd1to3', max: 3 * 86400 },
  { key: 'd3to7', max: 7 * 86400 },
  { key: 'd7to14', max: 14 * 86400 },
  { key: 'gt14d', max: null },
] as const

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

/** SQL: entries and exits per stage and UTC hour in [start, end), for the tail past the rollups. */
export function wipMovesSql(d: Dialect, params: ReportParams, range: SqlRange) {
  const visits = visitsCte(d, params)
  return {
    sql: `WITH ${visits.sql}
      SELECT stage, part,
        CASE WHEN part = 'in' THEN ${d.hour('entered_at')} ELSE ${d.hour('left_at')} END AS hour,
        COUNT(*) AS n
      FROM visits CROSS JOIN (SELECT 'in' AS part UNION ALL SELECT 'out') parts
      WHERE (part = 'in' AND NOT (left_at IS NULL AND status <> 'active')
          AND entered_at >= ? AND entered_at < ?)
        OR (part = 'out' AND left_at >= ? AND left_at < ?)
      GROUP BY stage, part, hour`,
    bindings: [...visits.bindings, range.startSql, range.endSql, range.startSql, range.endSql],
  }
}

/**
 * The moves in wipSql's shape from the rollups: the baseline (open at the
 * start: entries minus exits before it, hour null) and the hours of the
 * range they cover, plus the tail's moves from the visits.
 */
async function movesWithRollups(
  ctx: ReportContext,
  split: NonNullable<ReturnType<typeof splitRange>>
) {
  const filter = rollupFilter(ctx.params)
  const start = split.rolled.from
  const moves: { stage: string; part: 'in' | 'out'; hour: number | null; n: number }[] = []
  const baseline = await raw(
    ctx.client,
    `SELECT r.stage_key AS stage, SUM(r.entered - r.left_count) AS n
     FROM stage_rollups r WHERE r.hour < ? ${filter.sql} GROUP BY r.stage_key`,
    [Math.min(start, split.cut), ...filter.bindings]
  )
  for (const r of baseline) moves.push({ stage: r.stage, part: 'in', hour: null, n: Number(r.n) })
  if (split.rolled.from < split.rolled.to) {
    const rows = await raw(
      ctx.client,
      `SELECT r.stage_key AS stage, r.hour, SUM(r.entered) AS n_in, SUM(r.left_count) AS n_out
       FROM stage_rollups r WHERE r.hour >= ? AND r.hour < ? ${filter.sql}
       GROUP BY r.stage_key, r.hour`,
      [split.rolled.from, split.rolled.to, ...filter.bindings]
    )
    for (const r of rows) {
      if (Number(r.n_in))
        moves.push({ stage: r.stage, part: 'in', hour: Number(r.hour), n: Number(r.n_in) })
      if (Number(r.n_out))
        moves.push({ stage: r.stage, part: 'out', hour: Number(r.hour), n: Number(r.n_out) })
    }
  }
  // Past the cut (which may lie before the range) to the end: from the visits.
  const end = rangeOf(ctx.params).end
  const from = DateTime.fromMillis(split.cut * 3_600_000, { zone: 'utc' })
  if (from < end) {
    const query = wipMovesSql(ctx.d, ctx.params, {
      startSql: sqlTime(from)!,
      endSql: sqlTime(end)!,
    })
    for (const r of await raw(ctx.client, query.sql, query.bindings)) {
      const hour = Number(r.hour)
      const n = Number(r.n)
      if (hour < start) {
        moves.push({ stage: r.stage, part: 'in', hour: null, n: r.part === 'in' ? n : -n })
      } else {
        moves.push({ stage: r.stage, part: r.part, hour, n })
      }
    }
  }
  // A stage with nothing open at the start and no move in the range is no column (as in wipSql).
  const net = new Map<string, number>()
  for (const m of moves) if (m.hour === null) net.set(m.stage, (net.get(m.stage) ?? 0) + m.n)
  return moves.filter((m) => m.hour !== null || net.get(m.stage) !== 0)
}

export default async function wip(ctx: ReportContext): Promise<ReportParts> {
  const { d, params } = ctx
  const filter = processFilter(params)
  const range = rangeOf(params)
  const split =
    ctx.rollupCut === undefined ? null : splitRange(params, range.start, range.end, ctx.rollupCut)
  let moves: any[]
  if (split) {
    moves = await movesWithRollups(ctx, split)
  } else {
    const query = wipSql(d, params)
    moves = await raw(ctx.client, query.sql, query.bindings)
  }
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
