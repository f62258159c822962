import db from '@adonisjs/lucid/services/db'
import type ProcessEvent from '#models/process_event'
import type { OutboxDraft } from '#actions/processes/outbox'
import { WEBHOOK_TYPES_OF_EVENT } from '#enums/webhook_event'

/**
 * The webhook types some enabled subscription asks for, cached per
 * process so the write path gains no query per event: at most one read
 * every TTL_MS (and after a local change, see `forgetSubscribedTypes`). A
 * subscription created in another process is seen within TTL_MS.
 */
const TTL_MS = 10_000
let cached: { types: Set<string>; at: number } | null = null

/**
 * Read before the event's transaction opens (on SQLite the transaction
 * holds the only connection).
 */
export async function subscribedWebhookTypes(): Promise<Set<string>> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.types
  const rows: { events: string }[] = await db
    .from('webhook_subscriptions')
    .where('enabled', true)
    .select('events')
  const types = new Set<string>()
  for (const row of rows) for (const type of JSON.parse(row.events) as string[]) types.add(type)
  cached = { types, at: Date.now() }
  return types
}

/** Called after any change to subscriptions in this process. */
export function forgetSubscribedTypes() {
  cached = null
}

/**
 * The event's webhook fan-out: one outbox row (written in the event's
 * transaction) when some subscription may want it. Which subscriptions
 * exactly (workflow filter, end stage) is decided by the fan-out job.
 */
export function webhookOutbox(
  types: ReadonlySet<string>,
  event: Pick<ProcessEvent, 'id' | 'type'>
): OutboxDraft[] {
  const candidates = WEBHOOK_TYPES_OF_EVENT[event.type]
  if (!candidates) return []
  if (!candidates.some((type) => types.has(type))) return []
  return [
    {
      topic: 'webhook.event',
      queue: 'notifications',
      payload: { eventId: event.id },
    },
  ]
}
