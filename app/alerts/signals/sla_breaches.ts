import db from '@adonisjs/lucid/services/db'
import type { SignalReader } from '#alerts/signals/signal'
import { sqlTime } from '#support/sql_time'

/**
 * SLA breaches recorded in the event log (`sla_breached` events) within
 * the window ending at `at`. The log keeps every event, so the same window
 * a day or a week earlier can be read too: trend rules compare with it.
 */
const slaBreaches: SignalReader = async ({ windowSeconds, at }) => {
  const row = await db
    .from('process_events')
    .where('type', 'sla_breached')
    .where('occurred_at', '>', sqlTime(at.minus({ seconds: windowSeconds }))!)
    .where('occurred_at', '<=', sqlTime(at)!)
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}

export default slaBreaches
