import db from '@adonisjs/lucid/services/db'
import type { SignalReader } from '#alerts/signals/signal'
import { sqlTime } from '#support/sql_time'

/**
 * Active processes that have sat in their stage longer than its SLA: the
 * deadline (`due_at`, set when the stage was entered) passed more than the
 * window ago and nothing moved them since.
 */
const stalledProcesses: SignalReader = async ({ windowSeconds, at }) => {
  const row = await db
    .from('processes')
    .where('status', 'active')
    .whereNotNull('due_at')
    .where('due_at', '<', sqlTime(at.minus({ seconds: windowSeconds }))!)
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}

export default stalledProcesses
