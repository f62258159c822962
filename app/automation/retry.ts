/**
 * Retries of an HTTP call (a step or a compensation): the lease, the
 * circuit breaker and rate limit, and exponential back-off. A retry is a
 * new outbox row (durable, not a sleeping worker) unless it is short.
 */
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { HttpCall } from '#engine/definition'
import { parseStepDuration } from '#engine/actions/durations'
import type { TemplateScope } from '#engine/actions/templates'
import type ActionExecution from '#models/action_execution'
import automationConfig from '#config/automation'
import { sqlTime } from '#support/sql_time'
import { performCall, prepareCall, StepConfigurationError } from '#automation/http_call'
import { protections } from '#automation/protection'
import { finishExecution } from '#automation/executions'
import type { StepOutcome } from '#automation/steps/step_handler'

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

export type RetrySpec = {
  call: HttpCall
  attempts: number
  backoffMs: number
  deadlineMs: number | null
}

export function retrySpec(call: HttpCall, deadline?: string): RetrySpec {
  return {
    call,
    attempts: call.attempts ?? automationConfig.defaults.attempts,
    backoffMs: parseStepDuration(call.backoff) ?? automationConfig.defaults.backoffMs,
    deadlineMs: deadline ? parseStepDuration(deadline) : null,
  }
}

/**
 * One attempt of an HTTP execution, under a lease so that two copies of
 * a job never call out at once. Failed attempts that may succeed later are
 * re-scheduled with exponential back-off (a new outbox row: durable, not
 * a sleeping worker); calls the circuit breaker or the rate limit hold
 * back are re-scheduled without using an attempt.
 */
export async function attemptCall(
  exec: ActionExecution,
  spec: RetrySpec,
  scope: TemplateScope,
  later: (at: number) => Promise<void>
): Promise<StepOutcome> {
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
