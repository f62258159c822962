import { Job } from '#queue/job'
import { evaluateWatches } from '#actions/views/view_watches'

type Payload = { processId: number; outboxId: number }

/** A process changed while some view is watched: notify watchers it newly matches. */
export default class EvaluateViewWatches extends Job<Payload> {
  static jobName = 'evaluate_view_watches'

  async handle(payload: Payload) {
    await evaluateWatches(payload.processId, payload.outboxId)
  }
}
