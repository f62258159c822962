import { DateTime } from 'luxon'
import type User from '#models/user'
import Workflow from '#models/workflow'
import WebhookSubscription from '#models/webhook_subscription'
import WebhookDelivery from '#models/webhook_delivery'
import { Forbidden, InvalidInput, NotFound } from '#exceptions/domain_error'
import { DomainError } from '#exceptions/domain_error'
import type { WebhookEventType } from '#enums/webhook_event'
import { forgetSubscribedTypes } from '#actions/webhooks/webhook_outbox'
import { scheduleDelivery } from '#actions/webhooks/deliver_webhook'
import { EgressRefused, resolveDestination } from '#support/egress/guard'
import { egressPolicy } from '#support/egress/rules'
import { generateSecret, sealSecret } from '#support/webhooks/signing'
import db from '@adonisjs/lucid/services/db'
import { recordAudit } from '#actions/audit/record_audit'

export type WebhookInput = {
  url?: string
  events?: WebhookEventType[]
  workflow?: string | null
  description?: string | null
  enabled?: boolean
}

/** How long a rotated-out secret still signs deliveries. */
const PREVIOUS_SECRET_TTL = { hours: 24 }

/**
 * Outbound webhook subscriptions: who may see and change which, and the
 * changes. Admins manage every subscription; managers those of workflows
 * they own (a manager's subscription always names such a workflow);
 * members none. A subscription the user may not see is "not found".
 */
export default class ManageWebhooks {
  constructor(protected user: User) {}

  ensureAllowed() {
    if (this.user.role !== 'admin' && this.user.role !== 'manager') {
      throw new Forbidden('Only admins and workflow owners manage webhooks')
    }
  }

  /** The subscriptions this user may see, newest first. */
  visible() {
    this.ensureAllowed()
    const query = WebhookSubscription.query().preload('workflow').orderBy('id', 'desc')
    if (this.user.role !== 'admin') {
      query.whereIn('workflow_id', Workflow.query().where('owner_id', this.user.id).select('id'))
    }
    return query
  }

  async find(id: number) {
    const subscription = await this.visible().where('id', id).first()
    if (!subscription) throw new NotFound(`Webhook ${id}`)
    return subscription
  }

  /** Creates it; the answer carries the secret, shown this once. */
  async create(input: Required<Pick<WebhookInput, 'url' | 'events'>> & WebhookInput) {
    this.ensureAllowed()
    const workflowId = await this.workflowIdOf(input.workflow ?? null)
    await this.checkDestination(input.url)
    const secret = generateSecret()
    const trx = await db.transaction()
    const subscription = await WebhookSubscription.create(
      {
        url: input.url,
        events: input.events,
        workflowId,
        description: input.description ?? null,
        secret: sealSecret(secret),
        previousSecret: null,
        previousSecretExpiresAt: null,
        enabled: true,
        disabledReason: null,
        failingSince: null,
        ownerId: this.user.id,
      },
      { client: trx }
    )
    try {
      // Never the secret: what it sends, and where.
      await recordAudit(trx, {
        action: 'webhook.created',
        subject: { type: 'webhook', id: subscription.id, label: subscription.url },
        after: { url: subscription.url, events: subscription.events, workflowId },
      })
      await trx.commit()
    } catch (error) {
      await trx.rollback()
      throw error
    }
    forgetSubscribedTypes()
    await subscription.load('workflow')
    return { subscription, secret }
  }

  async update(subscription: WebhookSubscription, input: WebhookInput) {
    const before = this.describe(subscription)
    if (input.url !== undefined) {
      await this.checkDestination(input.url)
      subscription.url = input.url
    }
    if (input.events !== undefined) subscription.events = input.events
    if (input.workflow !== undefined) {
      subscription.workflowId = await this.workflowIdOf(input.workflow)
    }
    if (input.description !== undefined) subscription.description = input.description
    if (input.enabled !== undefined && input.enabled !== subscription.enabled) {
      subscription.enabled = input.enabled
      // Enabling again starts a fresh 24-hour window.
      subscription.merge({ disabledReason: null, failingSince: null })
    }
    await db.transaction(async (trx) => {
      subscription.useTransaction(trx)
      await subscription.save()
      await recordAudit(trx, {
        action: 'webhook.updated',
        subject: { type: 'webhook', id: subscription.id, label: subscription.url },
        before,
        after: this.describe(subscription),
      })
    })
    forgetSubscribedTypes()
    await subscription.load('workflow')
    return subscription
  }

  /** What an audit entry says of a subscription (never its secret). */
  protected describe(subscription: WebhookSubscription) {
    return {
      url: subscription.url,
      events: subscription.events,
      workflowId: subscription.workflowId,
      enabled: subscription.enabled,
    }
  }

  async delete(subscription: WebhookSubscription) {
    await db.transaction(async (trx) => {
      subscription.useTransaction(trx)
      await subscription.delete()
      await recordAudit(trx, {
        action: 'webhook.revoked',
        subject: { type: 'webhook', id: subscription.id, label: subscription.url },
        before: this.describe(subscription),
      })
    })
    forgetSubscribedTypes()
  }

  /** A new secret (shown once); the old one still signs for 24 hours. */
  async rotate(subscription: WebhookSubscription, now = DateTime.now()) {
    const secret = generateSecret()
    subscription.merge({
      previousSecret: subscription.secret,
      previousSecretExpiresAt: now.plus(PREVIOUS_SECRET_TTL),
      secret: sealSecret(secret),
    })
    await db.transaction(async (trx) => {
      subscription.useTransaction(trx)
      await subscription.save()
      await recordAudit(trx, {
        action: 'webhook.secret_rotated',
        subject: { type: 'webhook', id: subscription.id, label: subscription.url },
        after: { previousSecretValidUntil: subscription.previousSecretExpiresAt?.toISO() ?? null },
      })
    })
    return { subscription, secret }
  }

  /** Sends a logged delivery again (same `webhook-id`), now. */
  async redeliver(subscription: WebhookSubscription, deliveryId: number) {
    if (!subscription.enabled) {
      throw new DomainError('The webhook is disabled; enable it before redelivering', {
        status: 409,
        code: 'webhook_disabled',
      })
    }
    const delivery = Number.isSafeInteger(deliveryId)
      ? await WebhookDelivery.query()
          .where('subscription_id', subscription.id)
          .where('id', deliveryId)
          .first()
      : null
    if (!delivery) throw new NotFound(`Delivery ${deliveryId}`)
    await db.transaction(async (trx) => {
      delivery.useTransaction(trx)
      delivery.merge({ status: 'pending', nextAttemptAt: DateTime.now() })
      await delivery.save()
      await scheduleDelivery(trx, delivery, DateTime.now(), DateTime.now(), true)
    })
    return delivery
  }

  deliveries(subscription: WebhookSubscription, limit = 50) {
    return WebhookDelivery.query()
      .where('subscription_id', subscription.id)
      .orderBy('id', 'desc')
      .limit(limit)
  }

  /** The workflow filter: admins may leave it out; managers name a workflow they own. */
  protected async workflowIdOf(key: string | null) {
    if (key === null) {
      if (this.user.role !== 'admin') {
        throw new Forbidden('Managers subscribe to workflows they own; name the workflow')
      }
      return null
    }
    const workflow = await Workflow.findBy('key', key)
    if (!workflow) {
      throw new InvalidInput('Unknown workflow', [
        { field: 'workflow', message: `There is no workflow "${key}"` },
      ])
    }
    if (this.user.role !== 'admin' && workflow.ownerId !== this.user.id) {
      throw new Forbidden('You can subscribe only to workflows you own')
    }
    return workflow.id
  }

  /** The egress guard, with DNS: an internal destination is refused now, not at delivery. */
  protected async checkDestination(url: string) {
    try {
      await resolveDestination(new URL(url), egressPolicy())
    } catch (error) {
      if (error instanceof EgressRefused) {
        throw new InvalidInput('This address may not be called', [
          { field: 'url', message: error.message },
        ])
      }
      // A name that does not resolve yet is not refused: delivery will check again.
    }
  }
}
