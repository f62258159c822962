import type { QueryClientContract } from '@adonisjs/lucid/types/database'
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

async function subscribedTypes(client: QueryClientContract): Promise<Set<string>> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.types
  const rows: { events: string }[] = await client
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
export async function webhookOutbox(
  client: QueryClientContract,
  event: ProcessEvent
): Promise<OutboxDraft[]> {
  const candidates = WEBHOOK_TYPES_OF_EVENT[event.type]
  if (!candidates) return []
  const types = await subscribedTypes(client)
  if (!candidates.some((type) => types.has(type))) return []
  return [
    {
      topic: 'webhook.event',
      queue: 'notifications',
      payload: { eventId: event.id },
    },
  ]
}
