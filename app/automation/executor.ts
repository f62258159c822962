/**
 * Dispatch of a stage entry's steps (the job `run_action`): one execution
 * row per step, the step's handler (app/automation/steps/<type>.ts), then
 * the next step or the onSuccess transition — or, when it failed for good,
 * the saga (saga.ts). Retries of calls are in retry.ts.
 */
import Process from '#models/process'
import type ActionExecution from '#models/action_execution'
import ActionSaga from '#models/action_saga'
import { inSameStageVisit } from '#actions/processes/stage_visit'
import { definitionOf } from '#support/definitions'
import {
  displayName,
  executionKey,
  stepsOnEntry,
  type Step,
  type StepPayload,
} from '#engine/actions/steps'
import { ensureExecution, finishExecution, scopeFor, stripRelay } from '#automation/executions'
import { recordOnProcess, takeTransition } from '#automation/process_changes'
import { afterFailure } from '#automation/saga'
import { handlerFor } from '#automation/steps/registry'

/**
 * Runs one step of a stage entry (the job `run_action`). Idempotent: the
 * execution row (unique idempotency key) says what was done already, and
 * every event it records carries a key derived from it.
 */
export async function runStep(payload: StepPayload) {
  const process = await Process.find(payload.processId)
  if (!process) return
  const definition = await definitionOf(process.workflowVersionId)
  const steps = stepsOnEntry(definition, payload.stage, payload.transition)
  const step = steps[payload.step]
  if (!step) return
  const { action } = step
  const handler = handlerFor(action)
  const key = executionKey(process.id, payload.enteredVersion, action.key)
  const exec = await ensureExecution({
    processId: process.id,
    key,
    kind: 'action',
    action,
    owner: step.owner,
    stepIndex: step.index,
    enteredVersion: payload.enteredVersion,
    maxAttempts: handler.maxAttempts?.(action) ?? 1,
  })

  if (exec.status === 'succeeded') return afterSuccess(payload, steps, step, exec)
  if (exec.status === 'failed') return afterFailure(process.id, definition, step, exec)
  if (exec.status === 'skipped' || exec.status === 'resolved') return

  const stillHere = await inSameStageVisit(process, payload.stage, payload.enteredVersion)
  if (!stillHere || (await ActionSaga.find(process.id))) {
    await finishExecution(exec.id, 'skipped', { last_error: 'The process left the stage first' })
    return
  }

  const scope = await scopeFor(process, key)
  const outcome = await handler.run(action, { process, payload, exec, key, scope })
  await exec.refresh()
  if (outcome === 'succeeded') return afterSuccess(payload, steps, step, exec)
  if (outcome === 'failed') return afterFailure(process.id, definition, step, exec)
}

async function afterSuccess(
  payload: StepPayload,
  steps: Step[],
  step: Step,
  exec: ActionExecution
) {
  const { action } = step
  const handler = handlerFor(action)
  const transition = handler.successTransition
    ? handler.successTransition(action)
    : action.onSuccess
  const next =
    !transition && steps[payload.step + 1] ? { ...payload, step: payload.step + 1 } : null
  await recordOnProcess(
    payload.processId,
    'action_succeeded',
    { action: action.key, name: displayName(action), attempts: exec.attempts },
    `${exec.idempotencyKey}:ok`,
    next ? [{ topic: 'action.run', queue: 'automation', payload: stripRelay(next) }] : []
  )
  if (transition)
    await takeTransition(payload.processId, transition, `${exec.idempotencyKey}:next`, null)
}
