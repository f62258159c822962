import { BaseTransformer } from '@adonisjs/core/transformers'
import type WebhookSubscription from '#models/webhook_subscription'

/** A webhook subscription, never its secrets (the API and Admin → Webhooks). */
export default class WebhookSubscriptionTransformer extends BaseTransformer<WebhookSubscription> {
  toObject() {
    const s = this.resource
    return {
      id: s.id,
      url: s.url,
      events: s.events,
      workflow: s.workflowId === null ? null : (s.workflow?.key ?? null),
      description: s.description ?? null,
      enabled: s.enabled,
      disabledReason: s.disabledReason ?? null,
      failingSince: s.failingSince?.toISO() ?? null,
      previousSecretExpiresAt:
        s.previousSecretExpiresAt && s.previousSecret ? s.previousSecretExpiresAt.toISO() : null,
      createdAt: s.createdAt.toISO()!,
      updatedAt: s.updatedAt.toISO()!,
    }
  }
}
