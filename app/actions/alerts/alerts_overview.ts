import db from '@adonisjs/lucid/services/db'
import alertsConfig from '#config/alerts'
import AlertRule from '#models/alert_rule'
import AlertEvent from '#models/alert_event'
import { ensureBuiltInRules } from '#actions/alerts/built_in_rules'
import type { DeliverySummary } from '#transformers/alert_event_transformer'

/**
 * What Admin → Alerts shows: every rule (firing first), and the latest
 * firings with their resolutions and deliveries, in three queries.
 */
export default class AlertsOverview {
  async handle() {
    await ensureBuiltInRules()
    const [rules, events] = await Promise.all([
      AlertRule.query().orderByRaw("CASE WHEN state = 'firing' THEN 0 ELSE 1 END").orderBy('id'),
      AlertEvent.query()
        .preload('rule', (q) => q.select('id', 'name'))
        .orderBy('fired_at', 'desc')
        .orderBy('id', 'desc')
        .limit(alertsConfig.historyLimit),
    ])
    const deliveries = await deliveriesOf(events.map((event) => event.id))
    return { rules, events, deliveries }
  }
}

/**
 * How each firing's e-mails and webhooks went, by alert event id: the
 * history of Admin → Alerts and of GET /api/v1/admin/alert-events.
 */
export async function deliveriesOf(eventIds: number[]) {
  const rows = eventIds.length
    ? await db
        .from('alert_deliveries')
        .whereIn('alert_event_id', eventIds)
        .orderBy('id')
        .select('alert_event_id', 'change', 'channel', 'status', 'attempts', 'last_error')
    : []
  const deliveries = new Map<number, DeliverySummary[]>()
  for (const row of rows) {
    const list = deliveries.get(Number(row.alert_event_id)) ?? []
    list.push({
      change: row.change,
      channel: row.channel,
      status: row.status,
      attempts: Number(row.attempts),
      lastError: row.last_error,
    })
    deliveries.set(Number(row.alert_event_id), list)
  }
  return deliveries
}
