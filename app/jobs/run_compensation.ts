import { Job } from '#queue/job'
import { runCompensation } from '#automation/saga'

/** The next compensation of a compensating saga (newest completed step first). */
export default class RunCompensation extends Job<{ processId: number }> {
  static jobName = 'run_compensation'

  async handle(payload: { processId: number }) {
    await runCompensation(payload.processId)
  }
}
