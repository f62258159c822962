import { Job } from '#queue/job'
import CancelChildren from '#actions/processes/children/cancel_children'

type Payload = { processId: number }

/** A parent was cancelled in a children stage: cancel its running children. */
export default class CancelChildrenJob extends Job<Payload> {
  static jobName = 'cancel_children'

  async handle(payload: Payload) {
    await new CancelChildren().handle(payload)
  }
}
