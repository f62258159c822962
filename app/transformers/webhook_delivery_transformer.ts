import { BaseTransformer } from '@adonisjs/core/transformers'
import type WebhookDelivery from '#models/webhook_delivery'

/** One entry of a subscription's delivery log. */
export default class WebhookDeliveryTransformer extends BaseTransformer<WebhookDelivery> {
  toObject() {
    const d = this.resource
    return {
      id: d.id,
      messageId: d.messageId,
      type: d.type,
      status: d.status,
      attempts: d.attempts,
      responseStatus: d.responseStatus,
      durationMs: d.durationMs,
      responseSnippet: d.responseSnippet,
      error: d.error,
      lastAttemptAt: d.lastAttemptAt?.toISO() ?? null,
      nextAttemptAt: d.nextAttemptAt?.toISO() ?? null,
      createdAt: d.createdAt.toISO()!,
    }
  }
}
