/**
 * Passing through decision stages: after a command's event, while the
 * process stands in a decision stage, the route it takes becomes one more
 * `transitioned` event by the system. Pure: the write path stores these
 * events with the command's, in the same transaction; replay only folds
 * them and never evaluates a route again.
 */
import {
  MAX_DECISION_CHAIN,
  type RoutePayload,
  chooseRoute,
  isDecisionStage,
} from '#engine/decisions'
import {
  applyEvent,
  type DefinitionResolver,
  type ProcessEvent,
  type ProcessState,
} from '#engine/replay'
import { type GuardContext, stageOf } from '#engine/state_machine'

/** Raised when a definition makes the engine route without end; a server bug, never user input. */
export class DecisionChainError extends Error {
  constructor(stage: string) {
    super(
      `More than ${MAX_DECISION_CHAIN} decision stages in a row (the last was "${stage}"); the verifier should have refused this definition.`
    )
    this.name = 'DecisionChainError'
  }
}

/**
 * The route events that follow `entering` (the command's event, already
 * applied to give `state`), and the state after them: none when the
 * process is not in a decision stage. Each route sees the state as it is
 * in the decision stage — its data and process fields — and the actor and
 * time of `context`. The events have consecutive sequences and the
 * command's time.
 *
 * @throws DecisionChainError past MAX_DECISION_CHAIN decisions in a row.
 */
export function routeThroughDecisions(
  state: ProcessState,
  entering: ProcessEvent,
  resolveDefinition: DefinitionResolver,
  context: GuardContext
): { events: ProcessEvent[]; state: ProcessState } {
  const events: ProcessEvent[] = []
  let current = state
  for (;;) {
    if (current.status !== 'active') break
    const definition = resolveDefinition(current.workflowVersionId)
    const stage = stageOf(definition, current.stage)
    if (!stage || !isDecisionStage(stage)) break
    if (events.length >= MAX_DECISION_CHAIN) throw new DecisionChainError(stage.key)

    const choice = chooseRoute(definition, stage, {
      ...context,
      data: current.data,
      process: {
        ...context.process,
        title: current.title,
        priority: current.priority,
        stage: current.stage,
        dueAt: current.dueAt,
      },
    })
    const transition = definition.transitions.find((t) => t.key === choice.transition)
    if (!transition || transition.from !== stage.key) {
      throw new Error(
        `Decision stage "${stage.key}" routes to "${choice.transition}", which does not leave it.`
      )
    }
    const route: RoutePayload = { stage: stage.key, index: choice.index, when: choice.when }
    const event: ProcessEvent = {
      sequence: current.version + 1,
      type: 'transitioned',
      fromStage: stage.key,
      toStage: transition.to,
      actorId: null,
      payload: { transition: transition.key, route },
      occurredAt: entering.occurredAt,
    }
    current = applyEvent(current, event, resolveDefinition)
    events.push(event)
  }
  return { events, state: current }
}
