import { processFilter, rangeOf, raw, type Dialect, type SqlRange } from '#actions/reports/sql'
import { stampedDue } from '#actions/projections/stage_visits_sql'
import { rollupFilter, splitRange } from '#actions/reports/rollups'
import type { WorkflowDefinition } from '#engine/definition'
import { needsCalendar } from '#engine/sla_clock'
import { sqlTime } from '#support/sql_time'
import type { ReportParams } from '#actions/reports/types'
import {
  num,
  round,
  stageNames,
  userNames,
  type ReportContext,
  type ReportParts,
} from '#actions/reports/kinds/context'

/**
 * The due time recorded in the entering event's payload (`sla.dueAt`, an
 * ISO instant: written by the write path for working-time SLAs and for a
 * clock resumed after a paused stage), as a SQL time comparable with
 * `occurred_at`.
 */
function dueOnEvent(d: Dialect, payload: string) {
  return stampedDue(d, d.jsonText(payload, 'sla.dueAt'))
}

/**
 * Finished visits and those within, per version and stage: from the
 * rollups for the covered hours; for the tail, from `stage_visits`
 * (`sla_within`, same rule) for processes the projector has read and from
 * the log for the others — as visitsCte splits them.
 */
async function complianceWithRollups(
  ctx: ReportContext,
  split: NonNullable<ReturnType<typeof splitRange>>,
  slas: { versionId: number; stage: string; seconds: number | null }[]
) {
  const rows: { workflow_version_id: number; stage: string; n: number; within: number }[] = []
  if (split.rolled.from < split.rolled.to) {
    const filter = rollupFilter(ctx.params)
    const rolled = await raw(
      ctx.client,
      `SELECT r.workflow_version_id, r.stage_key AS stage, SUM(r.sla_finished) AS n,
         SUM(r.sla_within) AS within
       FROM stage_rollups r WHERE r.hour >= ? AND r.hour < ? ${filter.sql}
       GROUP BY r.workflow_version_id, r.stage_key HAVING SUM(r.sla_finished) <> 0`,
      [split.rolled.from, split.rolled.to, ...filter.bindings]
    )
    rows.push(...rolled)
  }
  if (split.tail) {
    const position = ctx.d.projectedUpTo ?? 0
    const tailProcesses = 'SELECT t.process_id FROM process_events t WHERE t.id > ?'
    const filter = processFilter(ctx.params)
    const projected = await raw(
      ctx.client,
      `SELECT p.workflow_version_id, sv.stage_key AS stage, COUNT(sv.sla_within) AS n,
         SUM(sv.sla_within) AS within
       FROM stage_visits sv JOIN processes p ON p.id = sv.process_id
       WHERE sv.left_at >= ? AND sv.left_at < ? AND sv.sla_within IS NOT NULL
         AND sv.process_id NOT IN (${tailProcesses}) ${filter.sql}
       GROUP BY p.workflow_version_id, sv.stage_key`,
      [split.tail.startSql, split.tail.endSql, position, ...filter.bindings]
    )
    const fromLog = slaComplianceSql(ctx.d, ctx.params, slas, {
      range: split.tail,
      scope: { sql: `AND e.process_id IN (${tailProcesses})`, bindings: [position] },
    })
    rows.push(...projected, ...(await raw(ctx.client, fromLog.sql, fromLog.bindings)))
  }
  const sums = new Map<
    string,
    { workflow_version_id: number; stage: string; n: number; within: number }
  >()
  for (const r of rows) {
    const key = `${Number(r.workflow_version_id)}|${r.stage}`
    const sum = sums.get(key) ?? {
      workflow_version_id: Number(r.workflow_version_id),
      stage: String(r.stage),
      n: 0,
      within: 0,
    }
    sum.n += Number(r.n)
    sum.within += Number(r.within)
    sums.set(key, sum)
  }
  // In the order the log's GROUP BY gives (the report's sort keeps ties in it).
  return [...sums.values()]
    .filter((r) => r.n > 0)
    .sort(
      (a, b) =>
        a.workflow_version_id - b.workflow_version_id ||
        (a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : 0)
    )
}

/**
 * SQL: finished visits per version and stage, and how many stayed within
 * the stage's SLA. A visit is within when it left by its due time: the one
 * the engine recorded on the entering event (working-time SLAs counted in
 * the workflow's business calendar, clocks resumed after a paused stage)
 * or else the entry plus the stage's wall-clock SLA. A visit that left for
 * a paused stage is no finished SLA: its clock was held and goes on in the
 * visit that resumes it. The wall-clock SLAs (a few rows of workflow_stages)
 * come in as a CASE expression rather than a join: joined to the windowed
 * visits, MariaDB may re-run the window once per stage ("split materialized").
 */
export function slaComplianceSql(
  d: Dialect,
  params: ReportParams,
  slas: { versionId: number; stage: string; seconds: number | null }[],
  options: { range?: SqlRange; scope?: { sql: string; bindings: unknown[] } } = {}
) {
  const filter = processFilter(params)
  const range = options.range ?? rangeOf(params)
  const scope = options.scope ?? { sql: '', bindings: [] }
  const wall = slas.filter((s) => s.seconds !== null)
  const cases = wall.map(() => 'WHEN workflow_version_id = ? AND stage = ? THEN ?').join(' ')
  const slaSeconds = wall.length ? `CASE ${cases} END` : 'NULL'
  return {
    sql: `WITH ev AS (
      SELECT e.process_id, e.type, e.to_stage AS stage, e.occurred_at AS entered_at,
        LEAD(e.occurred_at) OVER (PARTITION BY e.process_id ORDER BY e.sequence) AS left_at,
        LEAD(${d.jsonText('e.payload', 'sla.held.stage')}) OVER (PARTITION BY e.process_id ORDER BY e.sequence) AS held_next,
        ${dueOnEvent(d, 'e.payload')} AS due_at,
        p.workflow_version_id
      FROM process_events e
      JOIN processes p ON p.id = e.process_id
      WHERE e.type IN ('started', 'transitioned', 'migrated', 'cancelled') ${filter.sql} ${scope.sql}
        AND NOT EXISTS (SELECT 1 FROM workflow_stages ds WHERE ds.workflow_version_id = p.workflow_version_id
          AND ds.key = e.to_stage AND ds.type = 'decision')
    ), visits AS (
      SELECT stage, left_at, workflow_version_id, due_at,
        ${d.seconds('entered_at', 'left_at')} AS dur
      FROM ev WHERE type <> 'cancelled' AND stage IS NOT NULL
        AND (held_next IS NULL OR held_next <> stage)
    )
      SELECT workflow_version_id, stage, COUNT(*) AS n,
        SUM(CASE WHEN due_at IS NOT NULL THEN
              CASE WHEN ${d.seconds('left_at', 'due_at')} >= 0 THEN 1 ELSE 0 END
            WHEN dur <= ${slaSeconds} THEN 1 ELSE 0 END) AS within
      FROM visits
      WHERE left_at >= ? AND left_at < ?
      GROUP BY workflow_version_id, stage`,
    bindings: [
      ...filter.bindings,
      ...scope.bindings,
      ...wall.flatMap((s) => [s.versionId, s.stage, s.seconds]),
      range.startSql,
      range.endSql,
    ],
  }
}

/**
 * The SLA of every stage that has one, for the versions the filters cover:
 * wall-clock ones from workflow_stages (in seconds), working-time ones
 * ("2 working days") from the versions' definitions (seconds null: their
 * due times are on the events).
 */
async function stageSlas(ctx: ReportContext) {
  const query = ctx.client
    .from('workflow_stages as s')
    .join('workflow_versions as v', 'v.id', 's.workflow_version_id')
    .whereNotNull('s.sla_minutes')
    .select('s.workflow_version_id', 's.key', 's.sla_minutes')
  if (ctx.params.workflowId) query.where('v.workflow_id', ctx.params.workflowId)
  if (ctx.params.versionId) query.where('v.id', ctx.params.versionId)
  const rows = await query
  const slas: { versionId: number; stage: string; seconds: number | null }[] = rows.map((r) => ({
    versionId: Number(r.workflow_version_id),
    stage: String(r.key),
    seconds: Number(r.sla_minutes) * 60,
  }))

  const versions = ctx.client
    .from('workflow_versions as v')
    .where('v.definition', 'like', '%working%')
    .select('v.id', 'v.definition')
  if (ctx.params.workflowId) versions.where('v.workflow_id', ctx.params.workflowId)
  if (ctx.params.versionId) versions.where('v.id', ctx.params.versionId)
  for (const row of await versions) {
    const definition = parseDefinition(row.definition)
    for (const stage of definition?.stages ?? []) {
      if (stage.slaClock !== 'paused' && needsCalendar(stage)) {
        slas.push({ versionId: Number(row.id), stage: stage.key, seconds: null })
      }
    }
  }
  return slas
}

function parseDefinition(value: unknown): WorkflowDefinition | null {
  try {
    const parsed = typeof value === 'string' ? JSON.parse(value) : value
    return parsed && Array.isArray(parsed.stages) ? (parsed as WorkflowDefinition) : null
  } catch {
    return null
  }
}

/**
 * `sla_breached` events in the range per version, stage and assignee (as
 * their payload names them; none and JSON null alike as null), in key
 * order: the covered hours from the event rollups, the tail from the log.
 */
async function breachList(
  ctx: ReportContext,
  range: SqlRange,
  split: ReturnType<typeof splitRange>
) {
  const { d } = ctx
  const filter = processFilter(ctx.params)
  const fromLog = (part: SqlRange) =>
    raw(
      ctx.client,
      `SELECT p.workflow_version_id, ${d.jsonText('e.payload', 'stage')} AS stage,
         ${d.jsonText('e.payload', 'assigneeId')} AS assignee_id, COUNT(*) AS n
       FROM process_events e JOIN processes p ON p.id = e.process_id
       WHERE e.type = 'sla_breached' AND e.occurred_at >= ? AND e.occurred_at < ? ${filter.sql}
       GROUP BY p.workflow_version_id, ${d.jsonText('e.payload', 'stage')}, ${d.jsonText('e.payload', 'assigneeId')}`,
      [part.startSql, part.endSql, ...filter.bindings]
    )
  const rows: any[] = []
  if (!split) rows.push(...(await fromLog(range)))
  else {
    if (split.rolled.from < split.rolled.to) {
      const rolled = rollupFilter(ctx.params)
      const stored = await raw(
        ctx.client,
        `SELECT r.workflow_version_id, r.stage_key AS stage, r.person_id AS assignee_id, SUM(r.n) AS n
         FROM event_rollups r
         WHERE r.kind = 'sla_breached' AND r.hour >= ? AND r.hour < ? ${rolled.sql}
         GROUP BY r.workflow_version_id, r.stage_key, r.person_id`,
        [split.rolled.from, split.rolled.to, ...rolled.bindings]
      )
      // Stored as '' and 0 for none (key columns).
      for (const r of stored) {
        rows.push({
          ...r,
          stage: r.stage === '' ? null : r.stage,
          assignee_id: Number(r.assignee_id) === 0 ? null : r.assignee_id,
        })
      }
    }
    if (split.tail) rows.push(...(await fromLog(split.tail)))
  }
  const sums = new Map<
    string,
    { workflow_version_id: number; stage: string | null; assignee_id: number | null; n: number }
  >()
  for (const r of rows) {
    const assignee =
      r.assignee_id === null || r.assignee_id === 'null' || r.assignee_id === ''
        ? null
        : Number(r.assignee_id)
    const stage = r.stage === null || r.stage === undefined ? null : String(r.stage)
    const key = `${Number(r.workflow_version_id)}|${stage}|${assignee}`
    const sum = sums.get(key) ?? {
      workflow_version_id: Number(r.workflow_version_id),
      stage,
      assignee_id: assignee,
      n: 0,
    }
    sum.n += Number(r.n)
    sums.set(key, sum)
  }
  const text = (v: string | null) => v ?? ''
  return [...sums.values()]
    .filter((r) => r.n > 0)
    .sort(
      (a, b) =>
        a.workflow_version_id - b.workflow_version_id ||
        (text(a.stage) < text(b.stage) ? -1 : text(a.stage) > text(b.stage) ? 1 : 0) ||
        (a.assignee_id ?? 0) - (b.assignee_id ?? 0)
    )
}

export default async function sla(ctx: ReportContext): Promise<ReportParts> {
  const { d, params } = ctx
  const range = rangeOf(params)
  const filter = processFilter(params)
  const slas = await stageSlas(ctx)
  const withSla = new Set(slas.map((x) => `${x.versionId}:${x.stage}`))
  const split =
    ctx.rollupCut === undefined ? null : splitRange(params, range.start, range.end, ctx.rollupCut)
  let allVisits: any[]
  if (split) {
    allVisits = await complianceWithRollups(ctx, split, slas)
  } else {
    const compliance = slaComplianceSql(d, params, slas)
    allVisits = await raw(ctx.client, compliance.sql, compliance.bindings)
  }
  const visits = allVisits.filter((r) => withSla.has(`${r.workflow_version_id}:${r.stage}`))
  await ctx.progress(50)
  const breaches = await breachList(ctx, range, split)
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
            stage: names.name(Number(r.workflow_version_id), r.stage as string),
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
