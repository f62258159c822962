import { guardContextOf, type GuardedProcess } from '#actions/processes/guard_context'
import { DateTime } from 'luxon'
import { BaseTransformer } from '@adonisjs/core/transformers'
import type { WorkflowDefinition } from '#engine/definition'
import { isApprovalTransition } from '#engine/approvals'
import { availableTransitions, stageOf, type ActorRole } from '#engine/state_machine'
import type Process from '#models/process'
import type { ListAttribute } from '#actions/processes/listed_processes'
import type User from '#models/user'
import type { ApprovalView } from '#actions/processes/approval_tally'

export type ProcessContext = {
  /** Definitions by version id, to name stages and list transitions. */
  definitions: Map<number, WorkflowDefinition>
  viewer?: User | { id: number | null; role: ActorRole }
  /** The viewer's team keys, for transitions limited to `teams` and guards on `user.teams`. */
  viewerTeams?: string[]
  /** The approval tally (detail only; null when the process has none). */
  approval?: ApprovalView | null
}

type Person = { id: number; name: string; email: string; initials: string }

/**
 * Each model's person, made once: a board's cards share a few assignees'
 * models (per request), and reading four attributes through a model's
 * proxy, initials computed, per card cost ~1 µs each time.
 */
const people = new WeakMap<User, Person>()

/** A person as pages show one (rows, cards): name, e-mail and initials. */
export const person = (user: User | undefined | null): Person | null => {
  if (!user) return null
  let shown = people.get(user)
  if (!shown) {
    shown = { id: user.id, name: user.name, email: user.email, initials: user.initials }
    people.set(user, shown)
  }
  return shown
}

/** What a list row reads of a process: a model, or a listed row (#actions/processes/listed_processes). */
export type ListRowSource = Pick<Process, ListAttribute> & {
  workflow?: { key: string; name: string } | null
}

/**
 * A process as a list row: `ProcessTransformer.toObject` (the API, the
 * dashboard, team queues), and the list page's rows, which are not models
 * (`listedRows`).
 */
export function listRowOf(
  p: ListRowSource,
  assignee: User | null | undefined,
  definitions: Map<number, WorkflowDefinition>
) {
  const definition = definitions.get(p.workflowVersionId)
  const stage = definition ? stageOf(definition, p.stageKey) : undefined
  return {
    id: p.id,
    reference: p.reference,
    title: p.title,
    workflow: {
      key: p.workflow?.key ?? definition?.key ?? '',
      name: p.workflow?.name ?? definition?.name ?? '',
    },
    stage: { key: p.stageKey, name: stage?.name ?? p.stageKey, type: stage?.type ?? 'task' },
    status: p.status,
    priority: p.priority,
    assignee: person(assignee),
    dueAt: p.dueAt?.toISO() ?? null,
    overdue: p.status === 'active' && p.dueAt !== null && p.dueAt < DateTime.now(),
    slaBreached: p.slaBreached,
    version: p.version,
    createdAt: p.createdAt.toISO()!,
    updatedAt: p.updatedAt.toISO()!,
    closedAt: p.closedAt?.toISO() ?? null,
    parentId: p.parentId ?? null,
  }
}

/**
 * Processes for pages and the API. `toObject` is the list row; `forDetail`
 * adds data and the transitions the viewer may run now.
 */
export default class ProcessTransformer extends BaseTransformer<Process> {
  constructor(
    resource: Process,
    protected context: ProcessContext
  ) {
    super(resource)
  }

  toObject() {
    const p = this.resource
    return listRowOf(p, p.$preloaded.assignee as User | undefined, this.context.definitions)
  }

  /** What a guard sees for the context's viewer on `p`. */
  static guardOf(p: GuardedProcess, context: ProcessContext) {
    const viewer = context.viewer
    if (!viewer) return guardContextOf(p, undefined)
    return guardContextOf(p, {
      email: 'email' in viewer ? viewer.email : '',
      role: viewer.role,
      teams: context.viewerTeams,
    })
  }

  forDetail() {
    const p = this.resource
    const definition = this.context.definitions.get(p.workflowVersionId)
    const viewer = this.context.viewer
    const approval = definition ? stageOf(definition, p.stageKey)?.approval : undefined
    const transitions =
      definition && viewer && p.status === 'active'
        ? availableTransitions(definition, {
            stage: p.stageKey,
            role: viewer.role,
            data: p.data,
            guard: ProcessTransformer.guardOf(p, this.context),
          })
            // An approval's transitions are taken by votes, not run by hand.
            .filter((t) => !approval || !isApprovalTransition(approval, t.transition.key))
            .map((t) => ({
              key: t.transition.key,
              label: t.transition.label ?? t.transition.key,
              to: t.transition.to,
              allowed: t.allowed,
              reasons: t.reasons,
              requires: t.transition.requires ?? [],
              missingFields: t.missingFields,
              guardMessage: t.guardMessage ?? null,
            }))
        : []
    return {
      ...this.toObject(),
      workflowVersion: { id: p.workflowVersionId, number: p.workflowVersion?.number ?? null },
      creator: person(p.$preloaded.creator as User | undefined),
      data: p.data,
      stageEnteredAt: p.stageEnteredAt.toISO()!,
      availableTransitions: transitions,
      approval: this.context.approval ?? null,
    }
  }
}
