import db from '@adonisjs/lucid/services/db'
import ProcessEvent from '#models/process_event'
import { leanModels } from '#support/lean_models'
import type User from '#models/user'
import type Process from '#models/process'
import { collectFields } from '#engine/data'
import { loadVisibleProcess, type ProcessQueryExtension } from '#actions/processes/load_process'
import type { Viewer } from '#support/access/workflow_access'
import { definitionsOf } from '#support/definitions'
import {
  activePeople,
  cachedUsers,
  cachedVersion,
  cachedWorkflow,
} from '#support/access/cached_rows'

/** The page shows the latest events; the export links give the whole log. */
export const TIMELINE_LIMIT = 100

/**
 * Which of the page's automation and family rows exist, read with the
 * process in the same statement: the page reads only those (most
 * processes have none, and skip four statements). Indexed lookups each:
 * action_executions (process_id, id), action_sagas' key, processes
 * (parent_id, …), child_spawns (parent_id, …).
 */
export type PageRows = { executions: boolean; saga: boolean; children: boolean; spawn: boolean }

const PRESENCE = {
  executions: 'select 1 from action_executions where action_executions.process_id = processes.id',
  saga: 'select 1 from action_sagas where action_sagas.process_id = processes.id',
  children: 'select 1 from processes children where children.parent_id = processes.id',
  spawn:
    'select 1 from child_spawns where child_spawns.parent_id = processes.id and child_spawns.stage_key = processes.stage_key',
} as const satisfies Record<keyof PageRows, string>

const withPresence: ProcessQueryExtension = (query) => {
  query.select('processes.*')
  for (const [key, sql] of Object.entries(PRESENCE)) {
    query.select(db.raw(`exists (${sql}) as has_${key}`))
  }
}

function presenceOf(process: Process): PageRows {
  const flag = (key: keyof PageRows) => Boolean(Number(process.$extras[`has_${key}`]))
  return {
    executions: flag('executions'),
    saga: flag('saga'),
    children: flag('children'),
    spawn: flag('spawn'),
  }
}

/**
 * Everything the process page shows, in a fixed number of queries however
 * long the timeline: the process with its workflow and version (from
 * memory while the access epoch is unchanged), its assignee and creator
 * (one query, which also says which automation and family rows exist:
 * `rows`); the latest events with their actors; and one query for people
 * (active users to assign or pick in user fields, plus anyone the
 * timeline names).
 */
export default class LoadProcessPage {
  async handle(id: number | string, viewer: Viewer, options: { before?: number } = {}) {
    const process = await loadVisibleProcess(id, viewer, withPresence)
    const rows = presenceOf(process)
    await withWorkflowAndPeople(process)
    // Plain rows made models cheaply (#support/lean_models): a timeline is up to TIMELINE_LIMIT of them.
    const events = leanModels(
      ProcessEvent,
      await ProcessEvent.query()
        .where('process_id', process.id)
        .orderBy('sequence', 'desc')
        .limit(TIMELINE_LIMIT)
        .pojo()
    )
    // An older page of the timeline, by keyset on the gapless sequence: events
    // are only ever appended, so a page shows the same events however many
    // arrive meanwhile. The latest events still feed the page's SLA line.
    const timeline =
      options.before === undefined
        ? events
        : leanModels(
            ProcessEvent,
            await ProcessEvent.query()
              .where('process_id', process.id)
              .where('sequence', '<', options.before)
              .orderBy('sequence', 'desc')
              .limit(TIMELINE_LIMIT)
              .pojo()
          )
    await withActors(timeline === events ? events : [...events, ...timeline])
    const definitions = await definitionsOf([process.workflowVersionId])
    const definition = definitions.get(process.workflowVersionId)
    const userFields = definition
      ? collectFields(definition)
          .filter((f) => f.type === 'user')
          .map((f) => f.key)
      : []
    const people = await peopleFor(
      timeline === events ? events : [...events, ...timeline],
      userFields.map((key) => process.data[key])
    )
    return { process, events, timeline, definitions, people, rows }
  }
}

/**
 * Sets the process's workflow, version, assignee and creator, from memory
 * while the access epoch is unchanged (#support/access/cached_rows), else
 * one query for each that changed.
 */
async function withWorkflowAndPeople(process: Process) {
  const workflow = await cachedWorkflow(process.workflowId)
  const version = await cachedVersion(process.workflowVersionId)
  const named = await cachedUsers([process.assigneeId, process.creatorId])
  const byId = (userId: number | null) => (userId === null ? null : (named.get(userId) ?? null))
  process.$setRelated('workflow', workflow!)
  process.$setRelated('workflowVersion', version!)
  process.$setRelated('assignee', byId(process.assigneeId))
  process.$setRelated('creator', byId(process.creatorId))
}

/** Sets each event's actor (what `preload('actor')` did), from memory per access epoch. */
async function withActors(events: ProcessEvent[]) {
  const actors = await cachedUsers(events.map((event) => event.actorId))
  for (const event of events) {
    event.$setRelated('actor', event.actorId === null ? null : (actors.get(event.actorId) ?? null))
  }
}

/**
 * People a page names: whoever the events assign and the users picked in
 * user fields — plus, with `withActive`, every active user (to choose
 * from) — by name. From memory per access epoch (#support/access/
 * cached_rows): the active people as one cached list, the others named by
 * id; a query only for ids not in memory yet.
 */
export async function peopleFor(
  events: ProcessEvent[],
  userFieldValues: unknown[] = [],
  { withActive = true } = {}
) {
  const mentioned = new Set<number>()
  const named = events.flatMap((e) => [e.payload.assigneeId, e.payload.onBehalfOf])
  for (const value of [...named, ...userFieldValues]) {
    if (typeof value === 'number' && Number.isSafeInteger(value)) mentioned.add(value)
  }
  const people = new Map<number, User>()
  if (withActive) for (const person of await activePeople()) people.set(person.id, person)
  const others = [...mentioned].filter((id) => !people.has(id))
  for (const [id, person] of await cachedUsers(others)) people.set(id, person)
  return [...people.values()].sort((a, b) => byName.compare(a.name, b.name) || a.id - b.id)
}

const byName = new Intl.Collator('en', { sensitivity: 'base' })
