import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import WebhookDelivery from '#models/webhook_delivery'
import type WebhookSubscription from '#models/webhook_subscription'
import NotifyUsers from '#actions/notifications/notify_users'
import { forgetSubscribedTypes } from '#actions/webhooks/webhook_outbox'
import { egressRequest } from '#support/egress/request'
import { egressPolicy } from '#support/egress/rules'
import { EgressRefused } from '#support/egress/guard'
import { openSecret, signedHeaders } from '#support/webhooks/signing'
import { sqlTime } from '#support/sql_time'

/**
 * Waits after the 1st, 2nd, … failed attempt (the Standard Webhooks
 * schedule): the last attempt is about 27 h after the first.
 */
export const RETRY_DELAYS_MS = [5, 300, 1800, 7200, 18_000, 36_000, 36_000].map((s) => s * 1000)
/** A subscription failing without a success for this long is disabled. */
export const DISABLE_AFTER_MS = 24 * 3600 * 1000
const TIMEOUT_MS = 10_000
const SNIPPET = 500

export type DeliverParams = {
  deliveryId: number
  /** The outbox message that asked (keys the owner's notice). */
  outboxId: number
  /** A person asked (redeliver): sent even if delivered before, never retried automatically. */
  manual?: boolean
  /** The clock (tests drive it). */
  now?: DateTime
}

type Outcome = {
  ok: boolean
  retryable: boolean
  status: number | null
  durationMs: number
  snippet: string | null
  error: string | null
}

/**
 * One attempt of one delivery: signs the stored body with the
 * subscription's secret (and the previous one while it is honoured), posts
 * it through the egress guard, records the outcome in the delivery log,
 * and on failure schedules the next attempt as a delayed outbox message —
 * or, after 24 h of failures, disables the subscription and tells its owner.
 */
export default class DeliverWebhook {
  async handle(params: DeliverParams) {
    const delivery = await WebhookDelivery.query()
      .where('id', params.deliveryId)
      .preload('subscription')
      .first()
    if (!delivery) return null
    const subscription = delivery.subscription
    if (!subscription.enabled) return delivery
    if (delivery.status === 'succeeded' && !params.manual) return delivery
    const now = params.now ?? DateTime.now()

    const outcome = await this.attempt(delivery, subscription, now)
    delivery.merge({
      attempts: delivery.attempts + 1,
      responseStatus: outcome.status,
      durationMs: outcome.durationMs,
      responseSnippet: outcome.snippet,
      error: outcome.error,
      lastAttemptAt: now,
      nextAttemptAt: null,
    })
    if (outcome.ok) {
      delivery.status = 'succeeded'
      await delivery.save()
      if (subscription.failingSince) {
        subscription.failingSince = null
        await subscription.save()
      }
      return delivery
    }

    subscription.failingSince ??= now
    if (now.toMillis() - subscription.failingSince.toMillis() >= DISABLE_AFTER_MS) {
      delivery.status = 'failed'
      await delivery.save()
      await this.disable(subscription, params.outboxId)
      return delivery
    }
    await subscription.save()
    // The nth automatic attempt failed: the next one waits RETRY_DELAYS_MS[n-1].
    const delay = RETRY_DELAYS_MS[delivery.attempts - 1]
    if (params.manual || !outcome.retryable || delay === undefined) {
      delivery.status = 'failed'
      await delivery.save()
      return delivery
    }
    const next = now.plus({ milliseconds: delay })
    await db.transaction(async (trx) => {
      delivery.useTransaction(trx)
      delivery.merge({ status: 'pending', nextAttemptAt: next })
      await delivery.save()
      await scheduleDelivery(trx, delivery, next, now)
    })
    return delivery
  }

  protected async attempt(
    delivery: WebhookDelivery,
    subscription: WebhookSubscription,
    now: DateTime
  ): Promise<Outcome> {
    const secrets = [openSecret(subscription.secret)]
    if (
      subscription.previousSecret &&
      subscription.previousSecretExpiresAt &&
      subscription.previousSecretExpiresAt > now
    ) {
      secrets.push(openSecret(subscription.previousSecret))
    }
    const headers = {
      ...signedHeaders(delivery.messageId, now.toJSDate(), delivery.body, secrets),
      'content-type': 'application/json',
      'user-agent': 'Stageflow-Webhooks/1',
    }
    const started = performance.now()
    const elapsed = () => Math.round(performance.now() - started)
    try {
      const response = await egressRequest(
        subscription.url,
        {
          method: 'POST',
          headers,
          body: delivery.body,
          timeoutMs: TIMEOUT_MS,
          maxBytes: SNIPPET,
          maxRedirects: 0,
        },
        egressPolicy()
      )
      const ok = response.status >= 200 && response.status < 300
      return {
        ok,
        retryable: !ok,
        status: response.status,
        durationMs: elapsed(),
        snippet: response.text.slice(0, SNIPPET) || null,
        error: ok ? null : `The receiver answered ${response.status}.`,
      }
    } catch (error) {
      const refused = error instanceof EgressRefused
      const message = error instanceof Error ? error.message : String(error)
      return {
        ok: false,
        retryable: !refused,
        status: null,
        durationMs: elapsed(),
        snippet: null,
        error: message.slice(0, SNIPPET),
      }
    }
  }

  protected async disable(subscription: WebhookSubscription, outboxId: number) {
    subscription.merge({
      enabled: false,
      disabledReason: 'Every delivery failed for 24 hours.',
    })
    await subscription.save()
    forgetSubscribedTypes()
    if (subscription.ownerId === null) return
    await new NotifyUsers().one({
      userId: subscription.ownerId,
      outboxId,
      channel: 'in_app',
      kind: 'webhook_disabled',
      processId: null,
      title: `Webhook to ${new URL(subscription.url).host} was disabled`,
      body: `Every delivery to ${subscription.url} failed for 24 hours, so it was turned off. Fix the receiver and enable it again under Admin → Webhooks.`,
    })
  }
}

/** Queues an attempt of `delivery` at `at` (a `webhook.deliver` outbox message). */
export async function scheduleDelivery(
  client: Pick<TransactionClientContract, 'table'>,
  delivery: WebhookDelivery,
  at: DateTime,
  now: DateTime = DateTime.now(),
  manual = false
) {
  await client.table('outbox_messages').insert({
    process_id: null,
    event_id: delivery.eventId,
    topic: 'webhook.deliver',
    queue: 'notifications',
    payload: JSON.stringify({ deliveryId: delivery.id, ...(manual ? { manual: true } : {}) }),
    status: 'pending',
    attempts: 0,
    available_at: sqlTime(at),
    created_at: sqlTime(now),
  })
}
