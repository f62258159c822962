import ActionExecution from '#models/action_execution'
import ActionSaga from '#models/action_saga'

/**
 * The automation of one process for its page: every execution (steps and
 * compensations) with its attempts, and the saga. Two queries plus one
 * for the attempts (preloaded); none for what `present` says is not there.
 */
export async function processAutomation(
  processId: number,
  present: { executions: boolean; saga: boolean } = { executions: true, saga: true }
) {
  const executions = present.executions
    ? await ActionExecution.query()
        .where('process_id', processId)
        .preload('attemptLog', (q) => q.orderBy('id'))
        .orderBy('id')
    : []
  const saga = present.saga ? await ActionSaga.find(processId) : null
  return {
    saga: saga
      ? { status: saga.status, reason: saga.reason, resolutionComment: saga.resolutionComment }
      : null,
    executions: executions.map((e) => ({
      id: e.id,
      kind: e.kind,
      action: e.actionKey,
      type: e.actionType,
      status: e.status,
      attempts: e.attempts,
      maxAttempts: e.maxAttempts,
      idempotencyKey: e.idempotencyKey,
      lastError: e.lastError,
      nextAttemptAt: e.nextAttemptAt ? new Date(e.nextAttemptAt).toISOString() : null,
      finishedAt: e.finishedAt?.toISO() ?? null,
      attemptLog: e.attemptLog.map((a) => ({
        id: a.id,
        number: a.number,
        request: a.requestSummary,
        outcome: a.outcome,
        status: a.statusCode,
        durationMs: a.durationMs,
        error: a.error,
        startedAt: a.startedAt.toISO(),
      })),
    })),
  }
}

export type ProcessAutomation = Awaited<ReturnType<typeof processAutomation>>

/**
 * What the process waits for because of automation, in the page's "Waiting
 * on" kinds: a failed compensation (someone must act) or failed step, and
 * steps running or waiting for their next try.
 */
export function automationWaits(automation: ProcessAutomation | undefined) {
  if (!automation) return []
  const waits: (
    | { kind: 'failed_step'; name: string; error: string; failedAt: string | null }
    | {
        kind: 'action'
        name: string
        attempt: number
        maxAttempts: number
        nextTryAt: string | null
      }
  )[] = []
  for (const e of automation.executions) {
    const name = e.kind === 'compensation' ? `${e.action} (compensation)` : e.action
    if (e.status === 'failed' && (e.kind === 'compensation' || !automation.saga)) {
      if (e.kind === 'compensation' && automation.saga?.status !== 'needs_attention') continue
      waits.push({ kind: 'failed_step', name, error: e.lastError ?? '', failedAt: e.finishedAt })
    } else if (e.status === 'pending' || e.status === 'running') {
      waits.push({
        kind: 'action',
        name,
        attempt: Math.max(1, e.attempts),
        maxAttempts: e.maxAttempts,
        nextTryAt: e.status === 'pending' ? e.nextAttemptAt : null,
      })
    }
  }
  return waits
}
