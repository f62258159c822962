import { Job } from '#queue/job'
import FanOutWebhookEvent from '#actions/webhooks/fan_out_webhook_event'

type Payload = { eventId: number; outboxId: number }

/** A process event some webhook may want: one delivery per matching subscription and type. */
export default class FanOutWebhook extends Job<Payload> {
  static jobName = 'fan_out_webhook'

  async handle(payload: Payload) {
    await new FanOutWebhookEvent().handle(payload.eventId)
  }
}
