import type { DateTime } from 'luxon'
import type { ActionDefinition, WorkflowDefinition } from '#engine/definition'
import type { ProcessState } from '#engine/replay'

/** One action to run on entering a stage, where it comes from, and its place in the run. */
export type Step = { owner: string; index: number; action: ActionDefinition }

/** Which job payload runs a step: ids and keys only. */
export type StepPayload = {
  processId: number
  stage: string
  transition: string | null
  /** The process version at which the stage was entered (= the entering event's sequence). */
  enteredVersion: number
  step: number
}

/**
 * The steps a stage entry runs, in order: the actions of the transition
 * taken, then those of the stage. Pure.
 */
export function stepsOnEntry(
  definition: WorkflowDefinition,
  stageKey: string,
  transitionKey: string | null
): Step[] {
  const transition = transitionKey
    ? definition.transitions.find((t) => t.key === transitionKey)
    : undefined
  const stage = definition.stages.find((s) => s.key === stageKey)
  return [
    ...(transition?.actions ?? []).map((action) => ({
      owner: `transition:${transition!.key}`,
      action,
    })),
    ...(stage?.actions ?? []).map((action) => ({ owner: `stage:${stageKey}`, action })),
  ].map((step, index) => ({ ...step, index }))
}

/** The first step's outbox message, written with the event that enters the stage. */
export function actionDispatchOnEntry(
  definition: WorkflowDefinition,
  state: ProcessState,
  processId: number,
  transition: string | null,
  at: DateTime
) {
  // Only a real entry runs actions: the start (version 1) or a transition. A
  // migration to another version keeps the stage and must not repeat its calls.
  if (transition === null && state.version !== 1) return []
  if (stepsOnEntry(definition, state.stage, transition).length === 0) return []
  const payload: StepPayload = {
    processId,
    stage: state.stage,
    transition,
    enteredVersion: state.version,
    step: 0,
  }
  return [{ topic: 'action.run', queue: 'automation' as const, payload, availableAt: at }]
}

/**
 * The idempotency key of a step's execution: process id + the sequence of
 * the event that entered the stage + the action. Sent as the
 * `Idempotency-Key` header and unique in action_executions.
 */
export function executionKey(processId: number, enteredVersion: number, actionKey: string) {
  return `sf-${processId}-${enteredVersion}-${actionKey}`
}

/** Every action of the definition by key (keys are unique per workflow). */
export function actionByKey(definition: WorkflowDefinition, key: string) {
  for (const owner of [...definition.transitions, ...definition.stages]) {
    const found = owner.actions?.find((a) => a.key === key)
    if (found) return found
  }
  return undefined
}

/** How messages and events name a step. */
export const displayName = (action: ActionDefinition) => action.name ?? action.key
