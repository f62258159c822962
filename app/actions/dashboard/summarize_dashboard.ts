import db from '@adonisjs/lucid/services/db'
import type { WorkflowDefinition } from '#engine/definition'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import type User from '#models/user'
import { processListQuery, type ProcessPageParams } from '#actions/process_pages/list_process_page'
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

    const counts = {
      myOpen: await this.count(mine(DASHBOARD_FILTERS.myOpen), user),
      myOverdue: await this.count(mine(DASHBOARD_FILTERS.myOverdue), user),
      myDueSoon: await this.count(mine(DASHBOARD_FILTERS.myDueSoon), user),
    }

    const { workflows, definitions } = await this.workflowsOf(user, hiddenWorkflows)
    const ids = workflows.map((w) => w.id)
    const byStatus = ids.length
      ? await db
          .from('processes')
          .select('workflow_id', 'status')
          .count('* as total')
          .whereIn('workflow_id', ids)
          .groupBy('workflow_id', 'status')
      : []
    const byStage = ids.length
      ? await db
          .from('processes')
          .select('workflow_id', 'stage_key')
          .count('* as total')
          .whereIn('workflow_id', ids)
          .where('status', 'active')
          .groupBy('workflow_id', 'stage_key')
      : []

    const activity = await this.activity(hiddenWorkflows)
    const taskDefinitions = await definitionsOf(myTasks.map((p) => p.workflowVersionId))

    return {
      myTasks,
      taskDefinitions,
      counts,
      workflows: workflows.map((workflow) =>
        this.standing(workflow.id, definitions.get(workflow.id)!, byStatus, byStage)
      ),
      workflowModels: workflows,
      activity,
    }
  }

  protected async count(filters: ProcessPageParams, user: User) {
    const [row] = await processListQuery(filters, user.id).clearOrder().count('* as total')
    return Number(row?.$extras.total ?? 0)
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
    byStatus: { workflow_id: number; status: string; total: number | string }[],
    byStage: { workflow_id: number; stage_key: string; total: number | string }[]
  ) {
    const statuses = { active: 0, completed: 0, cancelled: 0, failed: 0 } as Record<string, number>
    for (const row of byStatus) {
      if (Number(row.workflow_id) === workflowId) statuses[row.status] = Number(row.total)
    }
    const stageCounts = new Map(
      byStage
        .filter((row) => Number(row.workflow_id) === workflowId)
        .map((row) => [row.stage_key, Number(row.total)])
    )
    const stages = definition.stages
      .filter((stage) => stage.type !== 'end')
      .map((stage) => ({
        key: stage.key,
        name: stage.name,
        count: stageCounts.get(stage.key) ?? 0,
      }))
    for (const [key, count] of stageCounts) {
      if (!stages.some((s) => s.key === key)) stages.push({ key, name: key, count })
    }
    return { workflowId, byStatus: statuses, byStage: stages }
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
