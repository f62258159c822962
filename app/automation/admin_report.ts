import db from '@adonisjs/lucid/services/db'
import ActionSaga from '#models/action_saga'
import ActionExecution from '#models/action_execution'
import { protectionReport } from '#automation/protection'
import { StateStore } from '#automation/state_store'

/**
 * Describes sagas (preloaded with their process) with their failed
 * compensation, in one query: the attention list of Admin → Automation
 * and of GET /api/v1/admin/automation/attention.
 */
export async function sagaDescriber(sagas: ActionSaga[]) {
  const processIds = sagas.map((s) => s.processId)
  const failed = processIds.length
    ? await ActionExecution.query()
        .whereIn('process_id', processIds)
        .where('kind', 'compensation')
        .where('status', 'failed')
    : []
  return (saga: ActionSaga) => {
    const compensation = failed.find((e) => e.processId === saga.processId)
    return {
      processId: saga.processId,
      reference: saga.process.reference,
      title: saga.process.title,
      status: saga.status,
      failedAction: saga.failedAction,
      reason: saga.reason,
      since: saga.updatedAt.toISO(),
      compensation: compensation
        ? {
            action: compensation.actionKey,
            attempts: compensation.attempts,
            error: compensation.lastError,
          }
        : null,
    }
  }
}

/**
 * What Admin → Automation shows, in a fixed number of queries: sagas that
 * need attention (with their failed compensation) or are compensating,
 * the breaker and rate-limit state per host, the state store and its locks.
 */
export async function automationReport() {
  const sagas = await ActionSaga.query()
    .whereIn('status', ['needs_attention', 'compensating'])
    .preload('process')
    .orderBy('updated_at', 'desc')
    .limit(200)
  const describe = await sagaDescriber(sagas)
  const store = new StateStore()
  const entries = await store.list(null)
  const executionCounts = await db
    .from('action_executions')
    .select('status')
    .count('* as total')
    .groupBy('status')
  return {
    needsAttention: sagas.filter((s) => s.status === 'needs_attention').map(describe),
    compensating: sagas.filter((s) => s.status === 'compensating').map(describe),
    hosts: await protectionReport(),
    executions: Object.fromEntries(executionCounts.map((r) => [r.status, Number(r.total)])),
    state: entries.map((e) => ({ ...e, value: JSON.stringify(e.value).slice(0, 200) })),
    locks: await store.locks(),
  }
}
