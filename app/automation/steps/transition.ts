/** A `transition` step: the process takes the named transition as the system (after the step succeeds). */
import { finishExecution } from '#automation/executions'
import type { StepHandler } from '#automation/steps/step_handler'

export const transitionStep: StepHandler<'transition'> = {
  type: 'transition',
  successTransition: (action) => action.transition,
  async run(_action, { exec }) {
    await finishExecution(exec.id, 'succeeded', { attempts: 1 })
    return 'succeeded'
  },
}
