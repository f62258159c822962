import { BaseTransformer } from '@adonisjs/core/transformers'
import type AlertEvent from '#models/alert_event'

export type DeliverySummary = {
  change: 'fired' | 'resolved'
  channel: 'email' | 'webhook'
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  lastError: string | null
}

/**
 * One firing in the history: when it fired and resolved, its message and
 * how its e-mails and webhooks went (given by the page loader).
 */
export default class AlertEventTransformer extends BaseTransformer<AlertEvent> {
  constructor(
    resource: AlertEvent,
    protected deliveries: Map<number, DeliverySummary[]>
  ) {
    super(resource)
  }

  toObject() {
    const event = this.resource
    const deliveries = this.deliveries
    return {
      ...this.pick(event, ['id', 'ruleId', 'value', 'resolvedValue', 'message']),
      ruleName: event.rule.name,
      firedAt: event.firedAt.toISO()!,
      resolvedAt: event.resolvedAt?.toISO() ?? null,
      deliveries: deliveries.get(event.id) ?? [],
    }
  }
}
