import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import ActionSaga from '#models/action_saga'
import ActionExecution from '#models/action_execution'
import type User from '#models/user'
import { DomainError, InvalidInput, NotFound } from '#exceptions/domain_error'
import { definitionOf } from '#support/definitions'
import { sqlTime } from '#support/sql_time'
import Process from '#models/process'
import automationConfig from '#config/automation'
import { actionByKey } from '#engine/actions/steps'
import { compensationOf } from '#automation/steps/registry'
import { compensable, compensationKey } from '#automation/saga'
import { recordOnProcess } from '#automation/process_changes'

class NotNeedingAttention extends DomainError {
  constructor() {
    super('This process does not need attention (any more).', {
      status: 409,
      code: 'not_needing_attention',
    })
  }
}

/** The failed compensation an admin is looking at. */
async function failedCompensation(processId: number) {
  const saga = await ActionSaga.find(processId)
  if (!saga) throw new NotFound('The saga')
  if (saga.status !== 'needs_attention') throw new NotNeedingAttention()
  const process = await Process.findOrFail(processId)
  const [target] = await compensable(processId, await definitionOf(process.workflowVersionId))
  const exec = target
    ? await ActionExecution.findBy('idempotencyKey', compensationKey(target))
    : null
  if (!target || !exec || exec.status !== 'failed') throw new NotNeedingAttention()
  return { saga, target, exec, process }
}

/**
 * "Try the compensation again": a fresh set of attempts, the saga back to
 * compensating, a timeline event, and the compensation job queued with it.
 */
export async function retryCompensation(processId: number, actor: User) {
  const { exec, process } = await failedCompensation(processId)
  const definition = await definitionOf(process.workflowVersionId)
  const attempts =
    compensationOf(actionByKey(definition, exec.actionKey))?.attempts ??
    automationConfig.defaults.attempts
  const now = sqlTime(DateTime.now())
  const moved = await db
    .from('action_executions')
    .where('id', exec.id)
    .where('status', 'failed')
    .update({
      status: 'pending',
      max_attempts: exec.attempts + attempts,
      next_attempt_at: null,
      finished_at: null,
      updated_at: now,
    })
  if (Number(moved) !== 1) throw new NotNeedingAttention()
  await db
    .from('action_sagas')
    .where('process_id', processId)
    .update({ status: 'compensating', updated_at: now })
  await recordOnProcess(
    processId,
    'compensation_retried',
    { action: exec.actionKey, by: actor.name },
    `${exec.idempotencyKey}:retry:${exec.attempts}`,
    [{ topic: 'action.compensate', queue: 'automation', payload: { processId } }],
    actor.id
  )
}

/**
 * "I undid it by hand": the compensation counts as done, with the
 * admin's comment, and the saga carries on with the next one.
 */
export async function resolveByHand(processId: number, actor: User, comment: string) {
  const text = comment.trim()
  if (!text) {
    throw new InvalidInput('Say what was done by hand.', [
      { field: 'comment', message: 'Write a comment' },
    ])
  }
  const { exec } = await failedCompensation(processId)
  const now = sqlTime(DateTime.now())
  const moved = await db
    .from('action_executions')
    .where('id', exec.id)
    .where('status', 'failed')
    .update({
      status: 'resolved',
      last_error: `Resolved by hand: ${text}`.slice(0, 2000),
      updated_at: now,
    })
  if (Number(moved) !== 1) throw new NotNeedingAttention()
  await db.from('action_sagas').where('process_id', processId).update({
    status: 'compensating',
    resolved_by: actor.id,
    resolution_comment: text,
    updated_at: now,
  })
  await recordOnProcess(
    processId,
    'attention_resolved',
    { action: exec.actionKey, comment: text },
    `${exec.idempotencyKey}:resolved`,
    [{ topic: 'action.compensate', queue: 'automation', payload: { processId } }],
    actor.id
  )
}
