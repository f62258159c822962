/**
 * The event types a webhook subscription can ask for (Standard Webhooks
 * `type`), and which process events produce them.
 */
export const WEBHOOK_EVENT_TYPES = [
  'process.started',
  'process.transitioned',
  'process.completed',
  'process.cancelled',
  'process.assigned',
  'approval.decided',
  'sla.breached',
] as const
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

/**
 * Process event type (`process_events.type`) → the webhook types it can
 * produce. A `transitioned` event into an end stage whose outcome is
 * `completed` also produces `process.completed` (decided at fan-out, from
 * the definition). `approval_decided` is the event the approvals feature
 * records; until it lands no event has that type and nothing is sent.
 *
 * | process event      | webhook type(s)                                    |
 * |--------------------|----------------------------------------------------|
 * | started            | process.started                                    |
 * | transitioned       | process.transitioned (+ process.completed at end)  |
 * | cancelled          | process.cancelled                                  |
 * | assigned           | process.assigned                                   |
 * | approval_decided   | approval.decided                                   |
 * | sla_breached       | sla.breached                                       |
 */
export const WEBHOOK_TYPES_OF_EVENT: Record<string, readonly WebhookEventType[]> = {
  started: ['process.started'],
  transitioned: ['process.transitioned', 'process.completed'],
  cancelled: ['process.cancelled'],
  assigned: ['process.assigned'],
  approval_decided: ['approval.decided'],
  sla_breached: ['sla.breached'],
}
