import type { SetDataAction } from '#engine/definition'
import { useI18n } from '../../../lib/i18n.ts'
import { JsonInput, type ActionScope } from './action_inputs.tsx'
import { templateVariables } from './action_model.ts'

/** A set_data step: field → template, as a JSON object. */
export function SetDataActionEditor(props: {
  scope: ActionScope
  action: SetDataAction
  onChange(action: SetDataAction): void
}) {
  const { t } = useI18n()
  const { scope, action } = props
  const list = templateVariables({ fields: scope.fields, steps: scope.steps, secrets: false })
  return (
    <JsonInput
      scope={scope}
      slot="data"
      label={t('designer.actions.data')}
      hint={`${t('designer.actions.dataHint')} ${t('designer.actions.variables', { list: list.join(' ') })}`}
      value={action.data}
      onChange={(data) =>
        props.onChange({ ...action, data: (data ?? {}) as Record<string, string> })
      }
    />
  )
}
