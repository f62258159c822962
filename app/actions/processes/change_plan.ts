import type { DateTime } from 'luxon'
import {
  applyEvent,
  type DefinitionResolver,
  type ProcessEvent as EngineEvent,
  type ProcessState,
} from '#engine/replay'
import { isDecisionStage, routeOf } from '#engine/decisions'
import { routeThroughDecisions } from '#engine/routing'
import { stageOf, type GuardContext } from '#engine/state_machine'
import { queueOf } from '#engine/queues'
import type { WorkflowDefinition } from '#engine/definition'
import type { EventDraft } from '#actions/processes/commit_process_change'
import { entryAssignment } from '#actions/processes/team_assignment'

/**
 * What follows a command's event in the same transaction, all by the
 * system (actor null): the follow-ups the command asked for (an approval's
 * deciding transition), the routes out of decision stages, and the
 * assignment of a team stage entered (to a member, or to the team's
 * queue). Decided before the transaction; replay only folds the events.
 */
export async function planFollowUps(params: {
  before: { stage: string; workflowVersionId: number; workflowId: number }
  entered: ProcessState
  event: EngineEvent
  followUps: EventDraft[]
  resolve: DefinitionResolver
  guard: () => Promise<GuardContext>
  at: DateTime
}): Promise<{ events: EngineEvent[]; state: ProcessState }> {
  const { resolve, at } = params
  const events: EngineEvent[] = []
  let state = params.entered
  const append = (draft: EventDraft) => {
    const event: EngineEvent = {
      sequence: state.version + 1,
      type: draft.type,
      fromStage: draft.fromStage ?? null,
      toStage: draft.toStage ?? null,
      actorId: null,
      payload: draft.payload,
      occurredAt: params.event.occurredAt,
    }
    state = applyEvent(state, event, resolve)
    events.push(event)
  }
  for (const draft of params.followUps) append(draft)

  if (isDecisionStage(stageOf(resolve(state.workflowVersionId), state.stage))) {
    const routed = routeThroughDecisions(
      state,
      events.at(-1) ?? params.event,
      resolve,
      await params.guard()
    )
    events.push(...routed.events)
    state = routed.state
  }

  const movedOn =
    state.stage !== params.before.stage ||
    state.workflowVersionId !== params.before.workflowVersionId ||
    events.some((e) => e.type === 'transitioned') ||
    params.event.type === 'transitioned'
  if (movedOn) {
    const stage = stageOf(resolve(state.workflowVersionId), state.stage)
    const assignment = await entryAssignment(stage, state, params.before.workflowId, at)
    if (assignment) append(assignment)
  }
  return { events, state }
}

/**
 * The team queue a state is in, for the `processes.queue_team` column:
 * the team an `assigned` event just released it to (an escalation), else
 * the queue it was in while it stays in its stage, else its stage's team.
 */
export function queueColumn(
  definition: WorkflowDefinition | undefined,
  state: ProcessState,
  written: EngineEvent[],
  before: { stage: string; queueTeam: string | null }
) {
  if (state.status !== 'active' || state.assigneeId !== null) return null
  const released = written.findLast((e) => e.type === 'assigned')
  if (released && typeof released.payload.team === 'string') return released.payload.team
  const entered = written.some((e) => e.type === 'transitioned' || e.type === 'migrated')
  if (!entered && state.stage === before.stage && before.queueTeam) return before.queueTeam
  return queueOf(definition ? stageOf(definition, state.stage) : undefined, state)
}

/**
 * Whether an event is one of the system's follow-ups of the command
 * before it (so a replayed answer includes it).
 */
export function isFollowUp(event: {
  type: string
  actorId: number | null
  payload: Record<string, unknown>
}) {
  if (event.actorId !== null) return false
  return (
    routeOf(event) !== null ||
    event.payload.approval !== undefined ||
    event.payload.onEntry === true
  )
}
