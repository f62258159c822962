import { DateTime } from 'luxon'
import type { FieldDefinition, Role, WorkflowDefinition } from '#engine/definition'
import { parseDuration } from '#engine/duration'
import { stageOf } from '#engine/state_machine'
import type Process from '#models/process'
import type User from '#models/user'
import ProcessTransformer, { type ProcessContext } from '#transformers/process_transformer'
import { automationWaits, type ProcessAutomation } from '#automation/process_automation'
import type { ApprovalView } from '#actions/processes/approval_tally'
import { slaRecordOf, type SlaRecord } from '#engine/sla_clock'
import type { DueExplanation } from '#engine/calendar'
import type ProcessEvent from '#models/process_event'

/**
 * What a process is waiting for, in the order the page lists it. The page
 * renders each kind in plain words. Kinds the engine will add later (a
 * running or retrying automatic action, a failed step that needs someone)
 * are already understood by the page:
 *   { kind: 'action', name, attempt, maxAttempts, nextTryAt }
 *   { kind: 'failed_step', name, error, failedAt }
 */
export type Wait =
  | { kind: 'person'; user: { id: number; name: string } }
  | { kind: 'role'; role: Role }
  | { kind: 'default_user'; email: string }
  | { kind: 'nobody' }
  | { kind: 'team'; team: string }
  | {
      kind: 'approvers'
      people: { id: number; name: string; delegate: { id: number; name: string } | null }[]
    }
  | {
      kind: 'timer'
      dueAt: string
      overdue: boolean
      /** How a working-time (or resumed) due time was reached. */
      explanation?: DueExplanation & { resumed: boolean }
    }
  | { kind: 'automatic'; at: string; transition: string; label: string }
  | { kind: 'closed'; outcome: string; closedAt: string | null; stageName: string }

/**
 * The process page's shape: the detail variant plus what the page needs
 * to draw itself without rules of its own — the fields to edit grouped by
 * stage, the transitions with their target names and roles, what the
 * process is waiting on, and the definition for the diagram.
 */
export default class ProcessPageTransformer extends ProcessTransformer {
  constructor(
    resource: Process,
    protected context: ProcessContext & {
      automation?: ProcessAutomation
      /** The `sla` record of the event that began the current stage visit, when loaded. */
      sla?: SlaRecord | null
    }
  ) {
    super(resource, context)
  }

  forPage() {
    const p = this.resource
    const detail = this.forDetail()
    const definition = this.context.definitions.get(p.workflowVersionId)
    const byKey = new Map(definition?.transitions.map((t) => [t.key, t]) ?? [])

    return {
      ...detail,
      outcome: p.status === 'active' ? null : p.status,
      availableTransitions: detail.availableTransitions.map((t) => ({
        ...t,
        toName: (definition && stageOf(definition, t.to)?.name) ?? t.to,
        roles: byKey.get(t.key)?.roles ?? null,
      })),
      fieldGroups: definition ? fieldGroupsOf(definition) : [],
      waits: definition
        ? [
            ...approvalWaits(this.context.approval),
            ...waitsOf(p, definition, this.context.sla ?? null),
            ...automationWaits(this.context.automation),
          ]
        : [],
      definition: definition ?? null,
    }
  }
}

/**
 * Every field of the workflow under the stage that declares it first
 * (the same de-duplication as the engine's `collectFields`).
 */
export function fieldGroupsOf(definition: WorkflowDefinition) {
  const seen = new Set<string>()
  const groups: { stage: { key: string; name: string }; fields: FieldDefinition[] }[] = []
  for (const stage of definition.stages) {
    const fields = (stage.fields ?? []).filter((f) => !seen.has(f.key))
    fields.forEach((f) => seen.add(f.key))
    if (fields.length) groups.push({ stage: { key: stage.key, name: stage.name }, fields })
  }
  return groups
}

/** An open approval waits on the people who have not voted yet (and names their delegates). */
function approvalWaits(approval: ApprovalView | null | undefined): Wait[] {
  if (!approval || approval.decided !== null || approval.awaiting.length === 0) return []
  return [{ kind: 'approvers', people: approval.awaiting }]
}

/**
 * The `sla` record of the event that began the current stage visit, if it is
 * among `events` (the newest first, as the page loads them).
 */
export function visitSlaRecord(events: ProcessEvent[]): SlaRecord | null {
  const entry = events.find((e) => ['started', 'transitioned', 'migrated'].includes(e.type))
  return entry ? slaRecordOf(entry.payload) : null
}

export function waitsOf(
  process: Process,
  definition: WorkflowDefinition,
  sla: SlaRecord | null = null
): Wait[] {
  const stage = stageOf(definition, process.stageKey)
  if (process.status !== 'active') {
    return [
      {
        kind: 'closed',
        outcome: process.status,
        closedAt: process.closedAt?.toISO() ?? null,
        stageName: stage?.name ?? process.stageKey,
      },
    ]
  }

  const waits: Wait[] = []
  const assignee = process.$preloaded.assignee as User | undefined
  if (assignee) waits.push({ kind: 'person', user: { id: assignee.id, name: assignee.name } })
  else if (process.queueTeam) waits.push({ kind: 'team', team: process.queueTeam })
  else if (stage?.assignee?.role) waits.push({ kind: 'role', role: stage.assignee.role })
  else if (stage?.assignee?.user) waits.push({ kind: 'default_user', email: stage.assignee.user })
  else waits.push({ kind: 'nobody' })

  if (process.dueAt) {
    const explained =
      sla?.explanation &&
      sla.dueAt &&
      Math.abs(Date.parse(sla.dueAt) - process.dueAt.toMillis()) < 1000
        ? { explanation: { ...sla.explanation, resumed: sla.resumed === true } }
        : {}
    waits.push({
      kind: 'timer',
      dueAt: process.dueAt.toISO()!,
      overdue: process.dueAt < DateTime.now(),
      ...explained,
    })
  }
  const after = stage?.automatic ? parseDuration(stage.automatic.after) : null
  if (stage?.automatic && after !== null) {
    const transition = definition.transitions.find((t) => t.key === stage.automatic!.transition)
    waits.push({
      kind: 'automatic',
      at: process.stageEnteredAt.plus({ milliseconds: after }).toISO()!,
      transition: stage.automatic.transition,
      label: transition?.label ?? stage.automatic.transition,
    })
  }
  return waits
}
