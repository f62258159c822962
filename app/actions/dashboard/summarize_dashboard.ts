import db from '@adonisjs/lucid/services/db'
import type { WorkflowDefinition } from '#engine/definition'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import type User from '#models/user'
import ListProcessPage, {
  processListQuery,
  type ProcessPageParams,
} from '#actions/process_pages/list_process_page'
import { peopleFor } from '#actions/process_pages/load_process_page'
import { publishedWorkflows } from '#actions/process_pages/published_workflows'
import { definitionsOf } from '#support/definitions'
import { hiddenWorkflowIds } from '#support/access/workflow_access'

export const MY_TASKS_LIMIT = 10
export const ACTIVITY_LIMIT = 15

/**
 * The filters behind each number of the dashboard. The page links every
 * number to the process list with exactly these filters, and the numbers
 * are counted with the list's own query, so they always agree.
 */
export const DASHBOARD_FILTERS = {
  myOpen: { assignee: 'me', status: 'active' },
  myOverdue: { assignee: 'me', overdue: true },
  myDueSoon: { assignee: 'me', dueSoon: true },
} satisfies Record<string, ProcessPageParams>

/** The same filters as query strings, for the links. */
export function dashboardLinks() {
  return Object.fromEntries(
    Object.entries(DASHBOARD_FILTERS).map(([name, filters]) => [
      name,
      Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, String(value)])),
    ])
  ) as Record<keyof typeof DASHBOARD_FILTERS, Record<string, string>>
}

/**
 * What a person sees first: their open tasks by due date, how many are
 * overdue or due soon, where the processes of the workflows they take part
 * in stand (by status and by stage), and the latest activity. A fixed
 * number of queries whatever the amounts.
 */
export default class SummarizeDashboard {
  async handle(user: User) {
    const hiddenWorkflows = await hiddenWorkflowIds(user)
    const mine = (filters: ProcessPageParams) => ({ ...filters, hiddenWorkflows })
    const myTasks = await processListQuery(mine(DASHBOARD_FILTERS.myOpen), user.id)
      .clearOrder()
      .orderByRaw('CASE WHEN processes.due_at IS NULL THEN 1 ELSE 0 END')
      .orderBy('processes.due_at', 'asc')
      .orderBy('processes.id', 'asc')
      .preload('workflow')
      .preload('assignee')
      .limit(MY_TASKS_LIMIT)

    const list = new ListProcessPage()
    const capped = {
      myOpen: await list.cappedCount(mine(DASHBOARD_FILTERS.myOpen), user.id),
      myOverdue: await list.cappedCount(mine(DASHBOARD_FILTERS.myOverdue), user.id),
      myDueSoon: await list.cappedCount(mine(DASHBOARD_FILTERS.myDueSoon), user.id),
    }
    const counts = {
      myOpen: capped.myOpen.total,
      myOverdue: capped.myOverdue.total,
      myDueSoon: capped.myDueSoon.total,
    }
    const countsCapped = {
      myOpen: capped.myOpen.capped,
      myOverdue: capped.myOverdue.capped,
      myDueSoon: capped.myDueSoon.capped,
    }

    const { workflows, definitions } = await this.workflowsOf(user, hiddenWorkflows)
    const { byStatus, byStage } = await standingCounts(
      workflows.map((w) => ({ id: w.id, definition: definitions.get(w.id)! }))
    )

    const activity = await this.activity(hiddenWorkflows)
    const taskDefinitions = await definitionsOf(myTasks.map((p) => p.workflowVersionId))

    return {
      myTasks,
      taskDefinitions,
      counts,
      countsCapped,
      workflows: workflows.map((workflow) =>
        this.standing(workflow.id, definitions.get(workflow.id)!, byStatus, byStage)
      ),
      workflowModels: workflows,
      activity,
    }
  }

  /**
   * Workflows a person takes part in: they own it, created, hold or acted
   * on one of its processes, or its stages are assigned to their role or
   * to them by e-mail. Only workflows with a published version count.
   */
  protected async workflowsOf(user: User, hiddenWorkflows: number[]) {
    const involved = await db
      .from('processes')
      .select('workflow_id')
      .where((q) => q.where('creator_id', user.id).orWhere('assignee_id', user.id))
      .union((q) =>
        q
          .from('process_events')
          .join('processes', 'processes.id', 'process_events.process_id')
          .select('processes.workflow_id')
          .where('process_events.actor_id', user.id)
      )
      .union((q) => q.from('workflows').select('id as workflow_id').where('owner_id', user.id))
    const ids = new Set(involved.map((row) => Number(row.workflow_id)))

    const published = await publishedWorkflows()
    const workflows = published.workflows.filter((workflow) => {
      if (hiddenWorkflows.includes(workflow.id)) return false
      if (ids.has(workflow.id)) return true
      const definition = published.definitions.get(workflow.id)
      return (definition?.stages ?? []).some(
        (stage) =>
          stage.assignee?.role === user.role ||
          (stage.assignee?.user && stage.assignee.user.toLowerCase() === user.email)
      )
    })
    return { workflows, definitions: published.definitions }
  }

  /**
   * One workflow's processes by status, and its active ones by stage in
   * definition order (stages only older versions have come last).
   */
  protected standing(
    workflowId: number,
    definition: WorkflowDefinition,
    byStatus: CountRow[],
    byStage: CountRow[]
  ) {
    const statuses = { active: 0, completed: 0, cancelled: 0, failed: 0 } as Record<string, number>
    const statusCapped: string[] = []
    for (const row of byStatus) {
      if (row.workflowId !== workflowId) continue
      statuses[row.key] = row.total
      if (row.capped) statusCapped.push(row.key)
    }
    const stageCounts = new Map(
      byStage.filter((row) => row.workflowId === workflowId).map((row) => [row.key, row])
    )
    const stages = definition.stages
      .filter((stage) => stage.type !== 'end')
      .map((stage) => ({
        key: stage.key,
        name: stage.name,
        count: stageCounts.get(stage.key)?.total ?? 0,
        capped: stageCounts.get(stage.key)?.capped ?? false,
      }))
    for (const [key, row] of stageCounts) {
      if (!stages.some((s) => s.key === key)) {
        stages.push({ key, name: key, count: row.total, capped: row.capped })
      }
    }
    return { workflowId, byStatus: statuses, statusCapped, byStage: stages }
  }

  /**
   * The latest events across the processes the viewer may see (all but
   * those of `hiddenWorkflows`), with what names them.
   */
  protected async activity(hiddenWorkflows: number[]) {
    const events = await ProcessEvent.query()
      .if(hiddenWorkflows.length > 0, (query) =>
        query.whereNotIn('process_id', (sub) =>
          sub.from('processes').select('id').whereIn('workflow_id', hiddenWorkflows)
        )
      )
      .preload('actor')
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(ACTIVITY_LIMIT)
    const processes = await Process.query()
      .whereIn(
        'id',
        events.map((e) => e.processId)
      )
      .preload('workflow')
    const definitions = await definitionsOf(processes.map((p) => p.workflowVersionId))
    const people = await peopleFor(events, [], { withActive: false })
    return {
      events,
      processes: new Map(processes.map((p) => [p.id, p])),
      definitions,
      people: new Map(people.map((p) => [p.id, { id: p.id, name: p.name }])),
    }
  }
}

/** A capped count of one group: `total` is exact, or the cap with `capped`. */
export type CountRow = { workflowId: number; key: string; total: number; capped: boolean }

const STATUSES = ['active', 'completed', 'cancelled', 'failed'] as const
/** Most SELECTs in one UNION ALL (SQLite allows 500 compound terms). */
const TERMS_PER_QUERY = 200

/**
 * The dashboard's standing counts, each capped like the list's total
 * (ListProcessPage.COUNT_CAP): per workflow, one `COUNT(*)` over at most
 * cap + 1 entries of the (workflow_id, status, stage_key) index for each
 * status and each stage of its latest version, and one grouped over at
 * most cap + 1 active processes in stages only older versions have. A
 * workflow of millions of closed processes costs what one of ten thousand
 * does. The terms go in UNION ALL statements of up to TERMS_PER_QUERY.
 */
export async function standingCounts(
  workflows: { id: number; definition: WorkflowDefinition }[]
): Promise<{ byStatus: CountRow[]; byStage: CountRow[] }> {
  const cap = ListProcessPage.COUNT_CAP
  type Term = { sql: string; bindings: (string | number)[]; workflowId: number; group: string }
  const terms: Term[] = []
  for (const { id, definition } of workflows) {
    for (const status of STATUSES) {
      terms.push({
        workflowId: id,
        group: `status:${status}`,
        sql: `SELECT NULL AS stage_key, COUNT(*) AS total FROM (SELECT 1 AS x FROM processes WHERE workflow_id = ? AND status = ? LIMIT ${cap + 1}) AS t`,
        bindings: [id, status],
      })
    }
    const stageKeys = definition.stages.filter((s) => s.type !== 'end').map((s) => s.key)
    for (const key of stageKeys) {
      terms.push({
        workflowId: id,
        group: `stage:${key}`,
        sql: `SELECT NULL AS stage_key, COUNT(*) AS total FROM (SELECT 1 AS x FROM processes WHERE workflow_id = ? AND status = 'active' AND stage_key = ? LIMIT ${cap + 1}) AS t`,
        bindings: [id, key],
      })
    }
    const known = stageKeys.length ? stageKeys : ['']
    terms.push({
      workflowId: id,
      group: 'other',
      sql: `SELECT t.stage_key AS stage_key, COUNT(*) AS total FROM (SELECT stage_key FROM processes WHERE workflow_id = ? AND status = 'active' AND stage_key NOT IN (${known.map(() => '?').join(', ')}) LIMIT ${cap + 1}) AS t GROUP BY t.stage_key`,
      bindings: [id, ...known],
    })
  }

  const byStatus: CountRow[] = []
  const byStage: CountRow[] = []
  for (let start = 0; start < terms.length; start += TERMS_PER_QUERY) {
    const chunk = terms.slice(start, start + TERMS_PER_QUERY)
    const sql = chunk
      .map((term, i) => term.sql.replace('SELECT ', `SELECT ${start + i} AS term, `))
      .join(' UNION ALL ')
    const rows = rowsOf(
      await db.rawQuery(
        sql,
        chunk.flatMap((term) => term.bindings)
      )
    )
    const others = new Map<number, { key: string; total: number }[]>()
    for (const row of rows) {
      const term = terms[Number(row.term)]
      const total = Number(row.total)
      if (term.group === 'other') {
        const list = others.get(term.workflowId) ?? []
        list.push({ key: String(row.stage_key), total })
        others.set(term.workflowId, list)
        continue
      }
      if (total === 0) continue
      const [kind, key] = [
        term.group.slice(0, term.group.indexOf(':')),
        term.group.slice(term.group.indexOf(':') + 1),
      ]
      const counted = {
        workflowId: term.workflowId,
        key,
        total: Math.min(total, cap),
        capped: total > cap,
      }
      ;(kind === 'status' ? byStatus : byStage).push(counted)
    }
    // Stages only older versions have: exact unless their rows together passed the cap.
    for (const [workflowId, list] of others) {
      const capped = list.reduce((sum, row) => sum + row.total, 0) > cap
      for (const row of list) byStage.push({ workflowId, key: row.key, total: row.total, capped })
    }
  }
  return { byStatus, byStage }
}

/** Rows of a raw SELECT on either driver (mysql2 answers [rows, fields]). */
function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result) && Array.isArray(result[0])) return result[0]
  return result as Record<string, unknown>[]
}
