import { Job } from '#queue/job'
import type { StepPayload } from '#engine/actions/steps'
import { runStep } from '#automation/executor'

/**
 * One step of a stage's (or transition's) actions. Idempotent: its
 * execution row, keyed by process + entering event + action, records what
 * was done; a retried or duplicated job never performs the step twice.
 */
export default class RunAction extends Job<StepPayload> {
  static jobName = 'run_action'

  async handle(payload: StepPayload) {
    await runStep(payload)
  }
}
