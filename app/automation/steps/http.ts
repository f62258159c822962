/** An `http` step: a call with retries, undone by its compensation call when a later step fails. */
import automationConfig from '#config/automation'
import { schedule, stripRelay } from '#automation/executions'
import { attemptCall, retrySpec } from '#automation/retry'
import type { StepHandler } from '#automation/steps/step_handler'

export const httpStep: StepHandler<'http'> = {
  type: 'http',
  maxAttempts: (action) => action.attempts ?? automationConfig.defaults.attempts,
  compensation: (action) => action.compensation,
  run(action, { exec, scope, payload }) {
    return attemptCall(exec, retrySpec(action, action.deadline), scope, (at) =>
      schedule('action.run', stripRelay(payload), at)
    )
  },
}
