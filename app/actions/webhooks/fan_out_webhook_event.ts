import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import ProcessEvent from '#models/process_event'
import Process from '#models/process'
import WebhookSubscription from '#models/webhook_subscription'
import { WEBHOOK_TYPES_OF_EVENT, type WebhookEventType } from '#enums/webhook_event'
import { definitionOf } from '#support/definitions'
import { stageOf, statusForStage } from '#engine/state_machine'
import { sqlTime } from '#support/sql_time'

/** The `webhook-id` of one event for one subscription: stable, so receivers deduplicate. */
export function messageIdOf(eventId: number, subscriptionId: number, type: string) {
  return `msg_${eventId}_${subscriptionId}_${type.replace('.', '_')}`
}

/**
 * Turns one process event into deliveries: for each webhook type it
 * produces and each enabled subscription that asks for it (and for its
 * workflow), one `webhook_deliveries` row and a `webhook.deliver` outbox
 * message, in one transaction. Running it again adds nothing.
 */
export default class FanOutWebhookEvent {
  async handle(eventId: number) {
    const event = await ProcessEvent.find(eventId)
    if (!event) return 0
    const process = await Process.query().where('id', event.processId).preload('workflow').first()
    if (!process) return 0
    const types = await this.typesOf(event, process)
    if (!types.length) return 0
    const enabled = await WebhookSubscription.query()
      .where('enabled', true)
      .where((q) => q.whereNull('workflow_id').orWhere('workflow_id', process.workflowId))
    const subscriptions = enabled.filter((s) => types.some((type) => s.events.includes(type)))
    if (!subscriptions.length) return 0

    const now = DateTime.now()
    return db.transaction(async (trx) => {
      const logged: { message_id: string }[] = await trx
        .from('webhook_deliveries')
        .where('event_id', eventId)
        .whereIn(
          'subscription_id',
          subscriptions.map((s) => s.id)
        )
        .select('message_id')
      const existing = new Set(logged.map((row) => row.message_id))
      let added = 0
      for (const subscription of subscriptions) {
        for (const type of types.filter((t) => subscription.events.includes(t))) {
          const messageId = messageIdOf(eventId, subscription.id, type)
          if (existing.has(messageId)) continue
          const body = JSON.stringify({
            type,
            timestamp: event.occurredAt.toUTC().toISO(),
            data: this.dataOf(event, process),
          })
          const [id] = await trx.table('webhook_deliveries').insert({
            subscription_id: subscription.id,
            message_id: messageId,
            event_id: eventId,
            type,
            body,
            status: 'pending',
            attempts: 0,
            created_at: sqlTime(now),
          })
          await trx.table('outbox_messages').insert({
            process_id: null,
            event_id: eventId,
            topic: 'webhook.deliver',
            queue: 'notifications',
            payload: JSON.stringify({ deliveryId: Number(id) }),
            status: 'pending',
            attempts: 0,
            available_at: sqlTime(now),
            created_at: sqlTime(now),
          })
          added++
        }
      }
      return added
    })
  }

  /** The webhook types this event produces (`process.completed` only into a completed end stage). */
  protected async typesOf(event: ProcessEvent, process: Process): Promise<WebhookEventType[]> {
    const candidates = WEBHOOK_TYPES_OF_EVENT[event.type] ?? []
    if (!candidates.includes('process.completed')) return [...candidates]
    const definition = await definitionOf(process.workflowVersionId)
    const to = event.toStage ? stageOf(definition, event.toStage) : undefined
    const completed = to !== undefined && statusForStage(to) === 'completed'
    return candidates.filter((type) => type !== 'process.completed' || completed)
  }

  /** The message's `data`: the event, and the process as it is now. */
  protected dataOf(event: ProcessEvent, process: Process) {
    return {
      event: {
        id: event.id,
        sequence: event.sequence,
        type: event.type,
        fromStage: event.fromStage,
        toStage: event.toStage,
        actorId: event.actorId,
        payload: event.payload,
        occurredAt: event.occurredAt.toUTC().toISO(),
      },
      process: {
        id: process.id,
        reference: process.reference,
        workflow: process.workflow.key,
        title: process.title,
        stage: process.stageKey,
        status: process.status,
        priority: process.priority,
        assigneeId: process.assigneeId,
        version: process.version,
        data: process.data,
      },
    }
  }
}
