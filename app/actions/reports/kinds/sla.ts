import { processFilter, rangeOf, raw, type Dialect } from '#actions/reports/sql'
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
function stampedDue(d: Dialect, payload: string) {
  const iso = d.jsonText(payload, 'sla.dueAt')
  return d.mysql ? `CAST(REPLACE(REPLACE(${iso}, 'T', ' '), 'Z', '') AS DATETIME(3))` : iso
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
  slas: { versionId: number; stage: string; seconds: number | null }[]
) {
  const filter = processFilter(params)
  const range = rangeOf(params)
  const wall = slas.filter((s) => s.seconds !== null)
  const cases = wall.map(() => 'WHEN workflow_version_id = ? AND stage = ? THEN ?').join(' ')
  const slaSeconds = wall.length ? `CASE ${cases} END` : 'NULL'
  return {
    sql: `WITH ev AS (
      SELECT e.process_id, e.type, e.to_stage AS stage, e.occurred_at AS entered_at,
        LEAD(e.occurred_at) OVER (PARTITION BY e.process_id ORDER BY e.sequence) AS left_at,
        LEAD(${d.jsonText('e.payload', 'sla.held.stage')}) OVER (PARTITION BY e.process_id ORDER BY e.sequence) AS held_next,
        ${stampedDue(d, 'e.payload')} AS due_at,
        p.workflow_version_id
      FROM process_events e
      JOIN processes p ON p.id = e.process_id
      WHERE e.type IN ('started', 'transitioned', 'migrated', 'cancelled') ${filter.sql}
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

export default async function sla(ctx: ReportContext): Promise<ReportParts> {
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
