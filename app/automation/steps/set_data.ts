/** A `set_data` step: writes process fields from templates (a `data_updated` event). */
import { renderString } from '#engine/actions/templates'
import { finishExecution } from '#automation/executions'
import { recordOnProcess } from '#automation/process_changes'
import type { StepHandler } from '#automation/steps/step_handler'

export const setDataStep: StepHandler<'set_data'> = {
  type: 'set_data',
  async run(action, { process, exec, key, scope }) {
    const patch = Object.fromEntries(
      Object.entries(action.data).map(([field, template]) => [
        field,
        renderString(template, scope) ?? null,
      ])
    )
    await recordOnProcess(process.id, 'data_updated', { patch, action: action.key }, `${key}:data`)
    await finishExecution(exec.id, 'succeeded', { attempts: 1 })
    return 'succeeded'
  },
}
