import { Job } from '#queue/job'
import SettleChildren from '#actions/processes/children/settle_children'

type Payload = { parentId: number; childId: number }

/** A child closed: does its parent's wait end now? */
export default class SettleChildrenJob extends Job<Payload> {
  static jobName = 'settle_children'

  async handle(payload: Payload) {
    await new SettleChildren().handle({ parentId: payload.parentId })
  }
}
