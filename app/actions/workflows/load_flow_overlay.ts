import cache from '@adonisjs/cache/services/main'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { sqlTime } from '#support/sql_time'
import { dialectOf, raw, type Dialect } from '#actions/reports/sql'
import { stageCycleSql } from '#actions/reports/kinds/cycle_time'
import { readCheckpoint } from '#actions/projections/stage_visits_projector'
import type { ReportParams } from '#actions/reports/types'
import type WorkflowVersion from '#models/workflow_version'
import type { FlowOverlay } from '../../../resources/js/components/canvas/overlay.ts'

/** The periods the workflow page offers, in days. */
export const FLOW_PERIODS = [7, 30, 90] as const
export type FlowPeriod = (typeof FLOW_PERIODS)[number]

/** SQL: how many processes of the version took each transition in [start, end). */
function transitionCountsSql(d: Dialect) {
  return `SELECT ${d.jsonText('e.payload', 'transition')} AS transition_key, COUNT(*) AS n
    FROM process_events e JOIN processes p ON p.id = e.process_id
    WHERE p.workflow_version_id = ? AND e.type = 'transitioned'
      AND e.occurred_at >= ? AND e.occurred_at < ?
    GROUP BY ${d.jsonText('e.payload', 'transition')}`
}

/** SQL: active processes of the version per stage now, and how many are past due. */
const CURRENT_SQL = `SELECT stage_key, COUNT(*) AS n,
    SUM(CASE WHEN due_at IS NOT NULL AND due_at < ? THEN 1 ELSE 0 END) AS overdue
  FROM processes WHERE workflow_version_id = ? AND status = 'active' GROUP BY stage_key`

const sqlNow = (value: DateTime) => sqlTime(value)!

/**
 * Where the processes of a version went over the last `days` days (UTC,
 * today included): transitions taken, median time per stage (visits that
 * ended in the period; decision stages have none), and who is in each
 * stage now and overdue. Three queries, cached 60 s per version and period.
 */
export default class LoadFlowOverlay {
  async handle(input: {
    workflowKey: string
    version: WorkflowVersion
    days: FlowPeriod
  }): Promise<FlowOverlay> {
    const { version, days } = input
    const stamp = version.publishedAt?.toMillis() ?? version.createdAt.toMillis()
    return cache.getOrSet({
      key: `workflows:flow:${version.id}:${stamp}:${days}`,
      ttl: '60s',
      factory: () => this.compute(input),
    })
  }

  protected async compute(input: {
    workflowKey: string
    version: WorkflowVersion
    days: FlowPeriod
  }): Promise<FlowOverlay> {
    const { version, days } = input
    const client = db.connection()
    const d = dialectOf(client)
    const now = DateTime.utc()
    const to = now.toISODate()!
    const from = now.minus({ days: days - 1 }).toISODate()!
    const start = DateTime.fromISO(from, { zone: 'utc' })
    const end = DateTime.fromISO(to, { zone: 'utc' }).plus({ days: 1 })
    const params: ReportParams = {
      workflowId: null,
      versionId: version.id,
      from,
      to,
      timezone: 'UTC',
      assigneeId: null,
      role: null,
      granularity: 'day',
    }
    // Stage medians from the stage_visits projection when it exists (plus the log's tail).
    const checkpoint = await readCheckpoint(client)
    const medians = stageCycleSql(
      checkpoint ? { ...d, projectedUpTo: checkpoint.position } : d,
      params
    )
    const [transitionRows, medianRows, currentRows] = await Promise.all([
      raw(client, transitionCountsSql(d), [version.id, sqlNow(start), sqlNow(end)]),
      raw(client, medians.sql, medians.bindings),
      raw(client, CURRENT_SQL, [sqlNow(now), version.id]),
    ])

    const definition = version.definition
    const transitions: FlowOverlay['transitions'] = {}
    for (const transition of definition.transitions) transitions[transition.key] = { count: 0 }
    for (const row of transitionRows) {
      if (row.transition_key && transitions[row.transition_key]) {
        transitions[row.transition_key] = { count: Number(row.n) }
      }
    }
    const stages: FlowOverlay['stages'] = {}
    for (const stage of definition.stages) {
      const query = new URLSearchParams({
        workflow: input.workflowKey,
        stage: stage.key,
        status: 'active',
      })
      stages[stage.key] = {
        medianSeconds: null,
        current: 0,
        overdue: 0,
        listUrl: `/processes?${query.toString()}`,
      }
    }
    for (const row of medianRows) {
      const stage = stages[row.stage]
      if (stage && row.p50 !== null) stage.medianSeconds = Number(row.p50)
    }
    for (const row of currentRows) {
      const stage = stages[row.stage_key]
      if (stage) {
        stage.current = Number(row.n)
        stage.overdue = Number(row.overdue ?? 0)
      }
    }
    return { period: { from, to }, transitions, stages }
  }
}
