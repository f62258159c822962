import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type {
  ActionDefinition,
  HttpCall,
  NotifyAction,
  WorkflowDefinition,
} from '#engine/definition'
import Process from '#models/process'
import User from '#models/user'
import NotifyUsers from '#actions/notifications/notify_users'
import ActionExecution from '#models/action_execution'
import ActionSaga from '#models/action_saga'
import { definitionOf } from '#support/definitions'
import { sqlTime } from '#support/sql_time'
import { inSameStageVisit } from '#actions/processes/stage_visit'
import CommitProcessChange from '#actions/processes/commit_process_change'
import TransitionProcess from '#actions/processes/transition_process'
import CancelProcess from '#actions/processes/cancel_process'
import type { OutboxDraft } from '#actions/processes/outbox'
import { VersionConflict } from '#exceptions/process_errors'
import { DomainError } from '#exceptions/domain_error'
import automationConfig from '#config/automation'
import { parseStepDuration } from '#engine/actions/durations'
import { renderString, type TemplateScope } from '#engine/actions/templates'
import {
  actionByKey,
  compensationOf,
  executionKey,
  stepsOnEntry,
  type Step,
  type StepPayload,
} from '#engine/actions/steps'
import { performCall, prepareCall, StepConfigurationError } from '#automation/http_call'
import { protections } from '#automation/protection'

/** Who holds an execution's lease while calling out. */
const WORKER_ID = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`
/** A lease lasts the call's timeout plus this margin; a crashed holder's lease then expires. */
const LEASE_MARGIN_MS = 5000
/** Back-offs up to this long are waited out in the job instead of re-scheduling it. */
const SHORT_WAIT_MS = 2000

/** A timestamp with milliseconds (UTC), as SQLite and MySQL TIMESTAMP(3) store it. */
function msTime(at: DateTime) {
  return at.toUTC().toFormat('yyyy-MM-dd HH:mm:ss.SSS')
}

type RetrySpec = { call: HttpCall; attempts: number; backoffMs: number; deadlineMs: number | null }
type Outcome = 'succeeded' | 'failed' | 'later'

export const displayName = (action: ActionDefinition) => action.name ?? action.key

function retrySpec(call: HttpCall, deadline?: string): RetrySpec {
  return {
    call,
    attempts: call.attempts ?? automationConfig.defaults.attempts,
    backoffMs: parseStepDuration(call.backoff) ?? automationConfig.defaults.backoffMs,
    deadlineMs: deadline ? parseStepDuration(deadline) : null,
  }
}

/** An outbox row of our own (no event): a step or compensation to run at `at`. */
async function schedule(
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
  })
}

/**
 * Records an event on the process through the engine's one write path,
 * re-reading the process when someone else wrote first. The idempotency
 * key makes a repeated call answer from the log and write nothing.
 */
export async function recordOnProcess(
  processId: number,
  type: string,
  payload: Record<string, unknown>,
  idempotencyKey: string,
  outbox: OutboxDraft[] = [],
  actorId: number | null = null
) {
  for (let attempt = 0; attempt < 25; attempt++) {
    const process = await Process.findOrFail(processId)
    try {
      return await new CommitProcessChange().handle({
        process,
        expectedVersion: process.version,
        actorId,
        idempotencyKey,
        event: { type, payload },
        outbox,
      })
    } catch (error) {
      if (error instanceof VersionConflict) continue
      throw error
    }
  }
  throw new Error(`Could not record ${type} on process ${processId}: too many concurrent changes`)
}

/** Takes a transition as the system; does nothing when the process already left `fromStage`. */
async function takeTransition(
  processId: number,
  transition: string,
  key: string,
  comment: string | null
) {
  for (let attempt = 0; attempt < 25; attempt++) {
    const process = await Process.findOrFail(processId)
    try {
      await new TransitionProcess().handle({
        process,
        transition,
        expectedVersion: process.version,
        actor: { id: null, role: 'system' },
        idempotencyKey: key,
        comment,
      })
      return true
    } catch (error) {
      if (error instanceof VersionConflict) continue
      if (error instanceof DomainError) {
        logger.warn({ err: error, processId, transition }, 'automation: transition refused')
        return false
      }
      throw error
    }
  }
  return false
}

async function ensureExecution(row: {
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

async function finishExecution(
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
async function scopeFor(process: Process, idempotencyKey: string): Promise<TemplateScope> {
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

/**
 * One attempt of an HTTP execution, under a lease so that two copies of
 * a job never call out at once. Failed attempts that may succeed later are
 * re-scheduled with exponential back-off (a new outbox row: durable, not
 * a sleeping worker); calls the circuit breaker or the rate limit hold
 * back are re-scheduled without using an attempt.
 */
async function attemptCall(
  exec: ActionExecution,
  spec: RetrySpec,
  scope: TemplateScope,
  later: (at: number) => Promise<void>
): Promise<Outcome> {
  const now = Date.now()
  const timeoutMs = parseStepDuration(spec.call.timeout) ?? automationConfig.defaults.timeoutMs
  const claimed = await db
    .from('action_executions')
    .where('id', exec.id)
    .whereIn('status', ['pending', 'running'])
    .where((q) => q.whereNull('lease_until').orWhere('lease_until', '<', now))
    .update({
      status: 'running',
      lease_owner: WORKER_ID,
      lease_until: now + timeoutMs + LEASE_MARGIN_MS,
    })
  await exec.refresh()
  if (Number(claimed) !== 1) {
    if (exec.status === 'succeeded' || exec.status === 'resolved') return 'succeeded'
    if (exec.status === 'failed') return 'failed'
    if (exec.status === 'skipped') return 'later'
    await later(Math.max(exec.leaseUntil ?? 0, now + 250))
    return 'later'
  }
  const release = (fields: Record<string, unknown> = {}) =>
    db
      .from('action_executions')
      .where('id', exec.id)
      .where('lease_owner', WORKER_ID)
      .update({
        status: 'pending',
        lease_owner: null,
        lease_until: null,
        updated_at: sqlTime(DateTime.now()),
        ...fields,
      })

  if (exec.nextAttemptAt && exec.nextAttemptAt > now + 50) {
    // A short wait is slept here; a longer one is a re-scheduled job.
    if (exec.nextAttemptAt - now > SHORT_WAIT_MS) {
      await release()
      await later(exec.nextAttemptAt)
      return 'later'
    }
    await new Promise((resolve) => setTimeout(resolve, exec.nextAttemptAt! - now))
  }
  if (spec.deadlineMs && exec.startedAt && now > exec.startedAt.toMillis() + spec.deadlineMs) {
    await finishExecution(exec.id, 'failed', {
      last_error: `Gave up: no success within ${Math.round(spec.deadlineMs / 1000)} s (the deadline)`,
    })
    return 'failed'
  }

  let prepared
  try {
    prepared = prepareCall(spec.call, scope)
  } catch (error) {
    if (!(error instanceof StepConfigurationError)) throw error
    // Shown with the attempts on the process page; nothing was sent.
    await db.table('action_attempts').insert({
      execution_id: exec.id,
      number: exec.attempts + 1,
      request_summary: `${spec.call.method} (not sent)`,
      outcome: 'failed',
      error: error.message,
      started_at: sqlTime(DateTime.now()),
      finished_at: sqlTime(DateTime.now()),
    })
    await finishExecution(exec.id, 'failed', {
      attempts: exec.attempts + 1,
      last_error: error.message,
    })
    return 'failed'
  }

  const { breaker, limiter } = protections()
  for (const guard of ['breaker', 'limiter'] as const) {
    const admission =
      guard === 'breaker' ? await breaker.admit(prepared.host) : await limiter.take(prepared.host)
    if (!admission.allowed) {
      await db.table('action_attempts').insert({
        execution_id: exec.id,
        number: exec.attempts,
        request_summary: prepared.summary,
        outcome: admission.reason === 'circuit_open' ? 'short_circuited' : 'rate_limited',
        error:
          admission.reason === 'circuit_open'
            ? `Circuit open for ${prepared.host}; retrying later`
            : `Rate limit for ${prepared.host}; retrying later`,
        started_at: sqlTime(DateTime.now()),
        finished_at: sqlTime(DateTime.now()),
      })
      await release({ next_attempt_at: admission.retryAt, target_host: prepared.host })
      await later(admission.retryAt)
      return 'later'
    }
    if (guard === 'breaker') (prepared as { trial?: boolean }).trial = admission.trial
  }
  const trial = Boolean((prepared as { trial?: boolean }).trial)

  const number = exec.attempts + 1
  await db
    .from('action_executions')
    .where('id', exec.id)
    .update({
      attempts: number,
      target_host: prepared.host,
      // Milliseconds: the deadline is measured from here.
      started_at: msTime(exec.startedAt ?? DateTime.now()),
      updated_at: sqlTime(DateTime.now()),
    })
  const [attemptId] = await db.table('action_attempts').insert({
    execution_id: exec.id,
    number,
    request_summary: prepared.summary,
    outcome: 'running',
    started_at: sqlTime(DateTime.now()),
  })
  const result = await performCall(prepared)
  await db
    .from('action_attempts')
    .where('id', Number(attemptId))
    .update({
      outcome: result.ok ? 'succeeded' : 'failed',
      status_code: result.status,
      duration_ms: result.durationMs,
      error: result.error,
      finished_at: sqlTime(DateTime.now()),
    })
  // Refusals (4xx) are answers: the host is healthy.
  await breaker.record(prepared.host, result.ok || !result.retryable, trial)

  if (result.ok) {
    await finishExecution(exec.id, 'succeeded', {
      response: JSON.stringify(result.body ?? null),
      last_error: null,
    })
    return 'succeeded'
  }
  if (result.retryable && number < spec.attempts) {
    const delay = Math.min(spec.backoffMs * 2 ** (number - 1), automationConfig.maxBackoffMs)
    const nextAt = Date.now() + delay
    await release({ next_attempt_at: nextAt, last_error: result.error })
    if (delay <= SHORT_WAIT_MS) {
      // A short back-off is waited out here: the next try comes on time.
      await new Promise((resolve) => setTimeout(resolve, delay))
      await exec.refresh()
      return attemptCall(exec, spec, scope, later)
    }
    await later(nextAt)
    return 'later'
  }
  await finishExecution(exec.id, 'failed', { last_error: result.error })
  return 'failed'
}

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
  const key = executionKey(process.id, payload.enteredVersion, action.key)
  const exec = await ensureExecution({
    processId: process.id,
    key,
    kind: 'action',
    action,
    owner: step.owner,
    stepIndex: step.index,
    enteredVersion: payload.enteredVersion,
    maxAttempts:
      action.type === 'http' ? (action.attempts ?? automationConfig.defaults.attempts) : 1,
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
  if (action.type === 'http') {
    const outcome = await attemptCall(exec, retrySpec(action, action.deadline), scope, (at) =>
      schedule('action.run', stripRelay(payload), at)
    )
    await exec.refresh()
    if (outcome === 'succeeded') return afterSuccess(payload, steps, step, exec)
    if (outcome === 'failed') return afterFailure(process.id, definition, step, exec)
    return
  }
  if (action.type === 'set_data') {
    const patch = Object.fromEntries(
      Object.entries(action.data).map(([field, template]) => [
        field,
        renderString(template, scope) ?? null,
      ])
    )
    await recordOnProcess(process.id, 'data_updated', { patch, action: action.key }, `${key}:data`)
  } else if (action.type === 'notify') {
    const won = await db
      .from('action_executions')
      .where('id', exec.id)
      .whereIn('status', ['pending', 'running'])
      .update({ status: 'succeeded', attempts: 1, finished_at: sqlTime(DateTime.now()) })
    if (Number(won) === 1) await notify(process, action, scope, payload)
  }
  await finishExecution(exec.id, 'succeeded', { attempts: 1 })
  await exec.refresh()
  return afterSuccess(payload, steps, step, exec)
}

async function notify(
  process: Process,
  action: NotifyAction,
  scope: TemplateScope,
  payload: StepPayload
) {
  const target = action.notify
  const query = User.query().withScopes((s) => s.active())
  if (target.user) query.where('email', target.user.toLowerCase())
  else query.where('role', target.role!)
  const users = await query
  const body = String(renderString(target.message, scope) ?? '')
  const outboxId = Number((payload as Record<string, unknown>).outboxId ?? 0)
  await new NotifyUsers().inApp(
    users.map((user) => user.id),
    {
      outboxId,
      kind: 'moved',
      processId: process.id,
      title: `${process.reference}: ${displayName(action)}`,
      body,
    }
  )
}

async function afterSuccess(
  payload: StepPayload,
  steps: Step[],
  step: Step,
  exec: ActionExecution
) {
  const { action } = step
  const transition = action.type === 'transition' ? action.transition : action.onSuccess
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

/** Relay fields (outboxId, topic) are not part of a step's identity. */
function stripRelay(payload: StepPayload): StepPayload {
  const { processId, stage, transition, enteredVersion, step } = payload
  return { processId, stage, transition, enteredVersion, step }
}

/**
 * A step failed for good: record it, then either compensate the steps
 * already done (newest first) or, with nothing to undo, end the process
 * in its failure outcome right away.
 */
async function afterFailure(
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
  let outcome: Outcome
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
