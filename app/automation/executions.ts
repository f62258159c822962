/**
 * The rows that track a step's execution (`action_executions`), what its
 * templates can read, and re-scheduling through an outbox row.
 */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { ActionDefinition } from '#engine/definition'
import type { TemplateScope } from '#engine/actions/templates'
import type { StepPayload } from '#engine/actions/steps'
import type Process from '#models/process'
import ActionExecution from '#models/action_execution'
import { sqlTime } from '#support/sql_time'
import { currentTraceparent } from '#support/observability/tracing'

/** An outbox row of our own (no event): a step or compensation to run at `at`. */
export async function schedule(
  topic: 'action.run' | 'action.compensate',
  payload: Record<string, unknown>,
  at: number
) {
  const now = DateTime.now()
  await db.table('outbox_messages').insert({
    process_id: payload.processId,
    event_id: null,
    topic,
    queue: 'automation',
    payload: JSON.stringify(payload),
    status: 'pending',
    attempts: 0,
    // Whole seconds (the outbox's precision), rounded up: never early.
    available_at: sqlTime(new Date(Math.ceil(Math.max(at, Date.now()) / 1000) * 1000)),
    created_at: sqlTime(now),
    // A retry or the next step stays in the trace of the job that scheduled it.
    traceparent: currentTraceparent(),
  })
}

export async function ensureExecution(row: {
  processId: number
  key: string
  kind: 'action' | 'compensation'
  action: ActionDefinition
  owner: string
  stepIndex: number
  enteredVersion: number
  compensatesId?: number | null
  maxAttempts: number
}) {
  const now = sqlTime(DateTime.now())
  await db
    .table('action_executions')
    .insert({
      process_id: row.processId,
      idempotency_key: row.key,
      kind: row.kind,
      action_key: row.action.key,
      action_type: row.kind === 'compensation' ? 'http' : row.action.type,
      owner: row.owner,
      step_index: row.stepIndex,
      entered_version: row.enteredVersion,
      compensates_id: row.compensatesId ?? null,
      status: 'pending',
      attempts: 0,
      max_attempts: row.maxAttempts,
      created_at: now,
      updated_at: now,
    })
    .onConflict('idempotency_key')
    .ignore()
  return ActionExecution.findByOrFail('idempotencyKey', row.key)
}

export async function finishExecution(
  id: number,
  status: 'succeeded' | 'failed' | 'skipped',
  fields: Record<string, unknown> = {}
) {
  await db
    .from('action_executions')
    .where('id', id)
    .whereNotIn('status', ['succeeded', 'failed', 'skipped', 'resolved'])
    .update({
      status,
      lease_owner: null,
      lease_until: null,
      next_attempt_at: null,
      finished_at: sqlTime(DateTime.now()),
      updated_at: sqlTime(DateTime.now()),
      ...fields,
    })
}

/** What templates can read: the process, its data, and the answers of its earlier steps. */
export async function scopeFor(process: Process, idempotencyKey: string): Promise<TemplateScope> {
  const done = await db
    .from('action_executions')
    .where('process_id', process.id)
    .where('kind', 'action')
    .where('status', 'succeeded')
    .orderBy('id')
    .select('action_key', 'response')
  const steps: Record<string, unknown> = {}
  for (const row of done) steps[row.action_key] = row.response ? JSON.parse(row.response) : null
  return {
    process: { id: process.id, reference: process.reference, title: process.title },
    data: process.data,
    steps,
    idempotencyKey,
  }
}

/** Relay fields (outboxId, topic) are not part of a step's identity. */
export function stripRelay(payload: StepPayload): StepPayload {
  const { processId, stage, transition, enteredVersion, step } = payload
  return { processId, stage, transition, enteredVersion, step }
}
