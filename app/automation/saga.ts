/**
 * The saga: a step that failed for good is recorded, the steps already done
 * are compensated newest first (each with its own retries), and the process
 * then takes the failed step's onFailure transition or is cancelled.
 */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { WorkflowDefinition } from '#engine/definition'
import { actionByKey, displayName, type Step } from '#engine/actions/steps'
import Process from '#models/process'
import ActionExecution from '#models/action_execution'
import ActionSaga from '#models/action_saga'
import CancelProcess from '#actions/processes/cancel_process'
import { VersionConflict } from '#exceptions/process_errors'
import automationConfig from '#config/automation'
import { definitionOf } from '#support/definitions'
import { sqlTime } from '#support/sql_time'
import { ensureExecution, schedule, scopeFor } from '#automation/executions'
import { recordOnProcess, takeTransition } from '#automation/process_changes'
import { attemptCall, retrySpec } from '#automation/retry'
import { compensationOf } from '#automation/steps/registry'
import type { StepOutcome } from '#automation/steps/step_handler'

/**
 * A step failed for good: record it, then either compensate the steps
 * already done (newest first) or, with nothing to undo, end the process
 * in its failure outcome right away.
 */
export async function afterFailure(
  processId: number,
  definition: WorkflowDefinition,
  step: Step,
  exec: ActionExecution
) {
  const { action } = step
  const reason = `${displayName(action)} failed: ${exec.lastError ?? 'unknown error'}`
  const toUndo = await compensable(processId, definition)
  await recordOnProcess(
    processId,
    'action_failed',
    {
      action: action.key,
      name: displayName(action),
      attempts: exec.attempts,
      error: exec.lastError,
    },
    `${exec.idempotencyKey}:failed`
  )
  if (toUndo.length === 0) {
    await endInFailure(processId, action.onFailure ?? null, reason, `${exec.idempotencyKey}:end`)
    return
  }
  const now = DateTime.now()
  await db
    .table('action_sagas')
    .insert({
      process_id: processId,
      status: 'compensating',
      failed_action: action.key,
      reason,
      failure_transition: action.onFailure ?? null,
      created_at: sqlTime(now),
      updated_at: sqlTime(now),
    })
    .onConflict('process_id')
    .ignore()
  await recordOnProcess(
    processId,
    'compensation_started',
    { action: action.key, reason, steps: toUndo.map((e) => e.actionKey) },
    `${exec.idempotencyKey}:compensate`,
    [{ topic: 'action.compensate', queue: 'automation', payload: { processId } }]
  )
}

async function endInFailure(
  processId: number,
  transition: string | null,
  reason: string,
  key: string
) {
  if (transition) {
    if (await takeTransition(processId, transition, key, reason)) return
  }
  for (let attempt = 0; attempt < 25; attempt++) {
    const process = await Process.findOrFail(processId)
    if (process.status !== 'active') return
    try {
      await new CancelProcess().handle({
        process,
        expectedVersion: process.version,
        actorId: null,
        idempotencyKey: `${key}:cancel`,
        reason,
      })
      return
    } catch (error) {
      if (error instanceof VersionConflict) continue
      throw error
    }
  }
}

/**
 * Completed steps with a compensation that has not run (or not
 * succeeded) yet, newest first: the saga undoes them in reverse order.
 */
export async function compensable(processId: number, definition: WorkflowDefinition) {
  const done = await ActionExecution.query()
    .where('process_id', processId)
    .where('kind', 'action')
    .where('status', 'succeeded')
    .orderBy('id', 'desc')
  const undone = await db
    .from('action_executions')
    .where('process_id', processId)
    .where('kind', 'compensation')
    .whereIn('status', ['succeeded', 'resolved'])
    .select('compensates_id')
  const finished = new Set(undone.map((r) => Number(r.compensates_id)))
  return done.filter(
    (e) => compensationOf(actionByKey(definition, e.actionKey)) && !finished.has(e.id)
  )
}

export const compensationKey = (exec: { idempotencyKey: string }) => `${exec.idempotencyKey}:undo`

/**
 * Runs the next compensation of a compensating saga (the job
 * `run_compensation`), then queues itself again for the one after; with
 * nothing left, the process takes its failure transition (or is
 * cancelled) with the reason.
 */
export async function runCompensation(processId: number) {
  const saga = await ActionSaga.find(processId)
  if (!saga || saga.status !== 'compensating') return
  const process = await Process.findOrFail(processId)
  const definition = await definitionOf(process.workflowVersionId)
  const [target] = await compensable(processId, definition)
  if (!target) {
    const updated = await db
      .from('action_sagas')
      .where('process_id', processId)
      .where('status', 'compensating')
      .update({ status: 'compensated', updated_at: sqlTime(DateTime.now()) })
    if (Number(updated) === 1 || process.status === 'active') {
      await endInFailure(
        processId,
        saga.failureTransition,
        saga.reason ?? 'A step failed',
        `saga-${processId}:end`
      )
    }
    return
  }
  const action = actionByKey(definition, target.actionKey)!
  const call = compensationOf(action)!
  const key = compensationKey(target)
  const exec = await ensureExecution({
    processId,
    key,
    kind: 'compensation',
    action,
    owner: target.owner,
    stepIndex: target.stepIndex,
    enteredVersion: target.enteredVersion,
    compensatesId: target.id,
    maxAttempts: call.attempts ?? automationConfig.defaults.attempts,
  })
  let outcome: StepOutcome
  if (exec.status === 'failed') outcome = 'failed'
  else {
    const spec = { ...retrySpec(call), attempts: exec.maxAttempts }
    outcome = await attemptCall(exec, spec, await scopeFor(process, key), (at) =>
      schedule('action.compensate', { processId }, at)
    )
  }
  await exec.refresh()
  if (outcome === 'succeeded') {
    await recordOnProcess(
      processId,
      'compensation_succeeded',
      { action: action.key, name: displayName(action), attempts: exec.attempts },
      `${key}:ok`,
      [{ topic: 'action.compensate', queue: 'automation', payload: { processId } }]
    )
  } else if (outcome === 'failed') {
    await db
      .from('action_sagas')
      .where('process_id', processId)
      .where('status', 'compensating')
      .update({ status: 'needs_attention', updated_at: sqlTime(DateTime.now()) })
    await recordOnProcess(
      processId,
      'compensation_failed',
      {
        action: action.key,
        name: displayName(action),
        attempts: exec.attempts,
        error: exec.lastError,
      },
      `${key}:failed:${exec.maxAttempts}`,
      [{ topic: 'action.needs_attention', queue: 'automation', payload: { processId } }]
    )
  }
}
