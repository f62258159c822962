import { Job } from '#queue/job'
import DeliverWebhook from '#actions/webhooks/deliver_webhook'

type Payload = { deliveryId: number; outboxId: number; manual?: boolean }

/**
 * One attempt of one webhook delivery. Failures are recorded and retried
 * by the action itself (delayed outbox messages), so the job only fails
 * for our own errors.
 */
export default class DeliverWebhookJob extends Job<Payload> {
  static jobName = 'deliver_webhook'

  async handle(payload: Payload) {
    await new DeliverWebhook().handle({
      deliveryId: payload.deliveryId,
      outboxId: payload.outboxId,
      manual: payload.manual === true,
    })
  }
}
