import Process from '#models/process'
import type User from '#models/user'
import type Workflow from '#models/workflow'
import { cachedUsers, cachedWorkflows } from '#support/access/cached_rows'
import { leanAttributes, leanModels } from '#support/lean_models'
import type { LIST_ROW_COLUMNS } from '#enums/process_list'

/**
 * Runs a list's rows query and gives its processes with what a row shows
 * (workflow, assignee): models from plain rows (#support/lean_models), the
 * workflows and people from memory per access epoch
 * (#support/access/cached_rows) — the same as `preload('workflow')` and
 * `preload('assignee')`, without their two queries per page and Lucid's
 * per-row hydration.
 */
export async function listedProcesses(query: { pojo<T>(): Promise<T[]> }): Promise<Process[]> {
  const rows = leanModels(Process, await query.pojo<Record<string, unknown>>())
  const { workflows, assignees } = await relatedOf(rows)
  for (const row of rows) {
    row.$setRelated('workflow', workflows.get(row.workflowId)!)
    row.$setRelated(
      'assignee',
      row.assigneeId === null ? null : (assignees.get(row.assigneeId) ?? null)
    )
  }
  return rows
}

/** A column's name as its model attribute: `workflow_version_id` → `workflowVersionId`. */
type Camel<Column extends string> = Column extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : Column

/**
 * The attributes of the columns a query selects: one list of column names
 * serves the query and the row's type (a column no attribute matches does
 * not type-check where the row is read).
 */
export type AttributesOf<Columns extends readonly string[]> = Camel<Columns[number]>

/** The attributes of a process list page's row. */
export type ListAttribute = AttributesOf<typeof LIST_ROW_COLUMNS>

/**
 * A process as a page shows it without a model: the attributes its query
 * selects (`K`: the list's row by default), its workflow and assignee.
 */
export type ListedProcess<K extends keyof Process = ListAttribute> = Pick<
  Process,
  K | 'id' | 'workflowId' | 'assigneeId'
> & { workflow: Workflow; assignee: User | null }

/**
 * `listedProcesses` for rows a page only shows (the list, a board's cards):
 * plain objects with the same attribute values (`leanAttributes`), no
 * models. `K` names the attributes the query selects. A list page of 21
 * rows cost about half of what models and their transformer did.
 */
export async function listedRows<K extends keyof Process = ListAttribute>(query: {
  pojo<T>(): Promise<T[]>
}): Promise<ListedProcess<K>[]> {
  const rows = leanAttributes(Process, await query.pojo<Record<string, unknown>>()) as Omit<
    ListedProcess<K>,
    'workflow' | 'assignee'
  >[]
  const { workflows, assignees } = await relatedOf(rows)
  return rows.map(
    (row) =>
      ({
        ...row,
        workflow: workflows.get(row.workflowId)!,
        assignee: row.assigneeId === null ? null : (assignees.get(row.assigneeId) ?? null),
      }) as ListedProcess<K>
  )
}

async function relatedOf(rows: { workflowId: number; assigneeId: number | null }[]) {
  return {
    workflows: await cachedWorkflows(rows.map((row) => row.workflowId)),
    assignees: await cachedUsers(rows.map((row) => row.assigneeId)),
  }
}
