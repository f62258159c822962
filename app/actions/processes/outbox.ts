import type { DateTime } from 'luxon'
import type ProcessEvent from '#models/process_event'

/**
 * A side effect to record next to an event: which queue handles it and
 * an id-only payload (job data is stored in clear text).
 */
export type OutboxDraft = {
  topic: string
  queue: 'notifications' | 'automation' | 'timers' | 'reports' | 'default'
  payload: Record<string, unknown>
  availableAt?: DateTime
}

/**
 * The side effects every event has: its notification fan-out.
 */
export function outboxFor(event: ProcessEvent): OutboxDraft[] {
  return [
    {
      topic: `process.${event.type}`,
      queue: 'notifications',
      payload: { processId: event.processId, eventId: event.id, sequence: event.sequence },
    },
  ]
}
