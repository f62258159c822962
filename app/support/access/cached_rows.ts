import db from '@adonisjs/lucid/services/db'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import User from '#models/user'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import { EpochCache } from '#support/access/access_epoch'
import { leanModels } from '#support/lean_models'
import { userRows } from '#support/access/cached_user_provider'

/*
|--------------------------------------------------------------------------
| Rows every page reads and that rarely change, per access epoch
|--------------------------------------------------------------------------
|
| Workflows (hooks on Workflow bump the epoch), their versions (a version's
| row changes only when it is published or archived: PublishWorkflow bumps
| the epoch) and the active people (hooks on User). The raw rows are kept;
| each call hydrates fresh models from a copy, so nothing a request changes
| reaches another request. See #support/access/access_epoch for how a
| change holds on every instance from the next request on.
|
*/

type Row = Record<string, unknown>

/**
 * Loads read the primary, never a read replica: a replica that lags could
 * hand back the row as it was before the change that moved the epoch, and
 * it would be kept under the new epoch.
 */
const primary = () => ({ client: db.connection(db.primaryConnectionName, { mode: 'write' }) })

const workflows = new EpochCache<number, Row | null>(1000)
const workflowIds = new EpochCache<string, number | null>(1000)
const versions = new EpochCache<number, Row | null>(5000)
const lists = new EpochCache<'activePeople' | 'published', Row[] | PublishedRows>(2)

type PublishedRows = { workflows: Row[]; versions: Row[] }

const copy = <T>(value: T): T => structuredClone(value)

/**
 * Fresh models from cached rows (#support/lean_models). A user row holds
 * only strings, numbers and dates, which the columns' `consume` turns into
 * new values: no copy is needed; other rows (JSON columns) are copied first.
 */
const users = (rows: Row[]) => leanModels(User, rows)
const fresh = <M extends LucidModel>(Model: M, rows: Row[]) => leanModels(Model, copy(rows))

/** The workflow with this id (a fresh model), or null. */
export async function cachedWorkflow(id: number): Promise<Workflow | null> {
  const row = await workflows.get(Number(id), async () => {
    return (await Workflow.query(primary()).where('id', id).pojo<Row>().first()) ?? null
  })
  return row ? fresh(Workflow, [row])[0]! : null
}

/** The workflow with this key (a fresh model), or null: its id is kept per epoch too. */
export async function cachedWorkflowByKey(key: string): Promise<Workflow | null> {
  const id = await workflowIds.get(key, async () => {
    const row = await Workflow.query(primary()).where('key', key).select('id').pojo<Row>().first()
    return row ? Number(row.id) : null
  })
  return id === null ? null : cachedWorkflow(id)
}

/** A workflow version (published or archived: drafts are read from the database). */
export async function cachedVersion(id: number): Promise<WorkflowVersion | null> {
  const load = () => WorkflowVersion.query(primary()).where('id', id).pojo<Row>().first()
  const row = await versions.get(Number(id), async () => {
    const found = await load()
    return found && found.status !== 'draft' ? found : null
  })
  const found = row ?? (await load())
  return found ? fresh(WorkflowVersion, [found])[0]! : null
}

/** Users by id (fresh models, every column), for the ids given: one query for those not in memory. */
export async function cachedUsers(ids: (number | null | undefined)[]): Promise<Map<number, User>> {
  const wanted = ids.filter((id): id is number => typeof id === 'number').map(Number)
  const rows = await userRows.getMany(wanted, async (missing) => {
    const found = await User.query(primary()).whereIn('id', missing).pojo<Row>()
    return new Map(found.map((row) => [Number(row.id), row]))
  })
  const byId = new Map<number, User>()
  for (const [id, row] of rows) {
    if (row) byId.set(id, users([row])[0]!)
  }
  return byId
}

/** Workflows by id (fresh models): one query for those not in memory. */
export async function cachedWorkflows(ids: number[]): Promise<Map<number, Workflow>> {
  const rows = await workflows.getMany(ids.map(Number), async (missing) => {
    const found = await Workflow.query(primary()).whereIn('id', missing).pojo<Row>()
    return new Map(found.map((row) => [Number(row.id), row]))
  })
  const result = new Map<number, Workflow>()
  for (const [id, row] of rows) {
    if (row) result.set(id, fresh(Workflow, [row])[0]!)
  }
  return result
}

/** Active users with the columns a page names or picks people by, by name. */
export async function activePeople(): Promise<User[]> {
  const rows = (await lists.get('activePeople', () =>
    User.query(primary())
      .withScopes((s) => {
        s.asPeople()
        s.active()
      })
      .pojo<Row>()
  )) as Row[]
  return users(rows)
}

/**
 * Workflows that have a published version, by name, each with its
 * published versions (id, workflow_id, number, status) preloaded.
 */
export async function cachedPublishedWorkflows(): Promise<Workflow[]> {
  const rows = (await lists.get('published', async () => {
    const found = await Workflow.query(primary())
      .whereIn('id', (sub) =>
        sub.from('workflow_versions').select('workflow_id').where('status', 'published')
      )
      .orderBy('name')
      .pojo<Row>()
    const published = found.length
      ? await WorkflowVersion.query(primary())
          .where('status', 'published')
          .whereIn(
            'workflow_id',
            found.map((row) => row.id as number)
          )
          .select('id', 'workflow_id', 'number', 'status')
          .pojo<Row>()
      : []
    return { workflows: found, versions: published }
  })) as PublishedRows
  return fresh(Workflow, rows.workflows).map((workflow) => {
    workflow.$setRelated(
      'versions',
      fresh(
        WorkflowVersion,
        rows.versions.filter((row) => Number(row.workflow_id) === workflow.id)
      )
    )
    return workflow
  })
}
