import { DateTime } from 'luxon'
import type { ProcessEvent as EngineEvent } from '#engine/replay'
import ProcessEvent from '#models/process_event'
import { sqlTime } from '#support/sql_time'
import { persistedInstance } from '#support/persisted_instance'
import type { LeanTransaction } from '#support/database/lean_transaction'
import { outboxFor, type OutboxDraft } from '#actions/processes/outbox'
import { webhookOutbox } from '#actions/webhooks/webhook_outbox'
import { currentTraceparent } from '#support/observability/tracing'
import { armTimers, isTimerDraft } from '#actions/processes/process_timers'

/** An `outbox_messages` row as the write path inserts it. */
export type OutboxRow = {
  process_id: number
  event_id: number
  topic: string
  queue: string
  payload: string
  status: 'pending'
  attempts: number
  available_at: string | null
  created_at: string | null
  traceparent: string | null
}

/**
 * Appends an event and its outbox messages inside the caller's transaction.
 * Used by the write path above and by "start", which inserts the process
 * row instead of updating it.
 */
export async function recordEvent(
  trx: LeanTransaction,
  processId: number,
  engineEvent: EngineEvent,
  idempotencyKey: string | null,
  extraOutbox: OutboxDraft[],
  webhookTypes: ReadonlySet<string>,
  /** Collects the outbox rows for the caller to insert with other events' (else inserted here). */
  collect?: OutboxRow[]
) {
  const at = DateTime.fromJSDate(engineEvent.occurredAt)
  // A plain insert (the model adds nothing here and costs a lot on the hot path).
  const { insertId: id } = await trx.insert('process_events', [
    {
      process_id: processId,
      sequence: engineEvent.sequence,
      type: engineEvent.type,
      from_stage: engineEvent.fromStage,
      to_stage: engineEvent.toStage,
      actor_id: engineEvent.actorId,
      payload: JSON.stringify(engineEvent.payload),
      idempotency_key: idempotencyKey,
      occurred_at: sqlTime(at),
    },
  ])
  const event = persistedInstance(ProcessEvent, {
    id,
    processId,
    sequence: engineEvent.sequence,
    type: engineEvent.type,
    fromStage: engineEvent.fromStage,
    toStage: engineEvent.toStage,
    actorId: engineEvent.actorId,
    payload: engineEvent.payload,
    idempotencyKey,
    occurredAt: at,
  })
  const drafts = [...outboxFor(event), ...webhookOutbox(webhookTypes, event)]
  // Timers are rows of their own, indexed by due time: one upsert, not outbox rows.
  const timers: OutboxDraft[] = []
  for (const draft of extraOutbox) (isTimerDraft(draft) ? timers : drafts).push(draft)
  const traceparent = drafts.length > 0 ? currentTraceparent() : null
  const rows: OutboxRow[] = drafts.map((draft) => ({
    process_id: processId,
    event_id: event.id,
    topic: draft.topic,
    queue: draft.queue,
    payload: JSON.stringify(draft.payload),
    status: 'pending',
    attempts: 0,
    available_at: sqlTime(draft.availableAt ?? at),
    created_at: sqlTime(at),
    traceparent,
  }))
  if (collect) collect.push(...rows)
  else if (rows.length > 0) await trx.insert('outbox_messages', rows)
  await armTimers(trx, processId, timers, at)
  return event
}
