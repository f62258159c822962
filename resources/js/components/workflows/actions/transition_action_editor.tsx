import type { TransitionAction } from '#engine/definition'
import { useI18n } from '../../../lib/i18n.ts'
import { TransitionInput, type ActionScope } from './action_inputs.tsx'

/** A transition step: which transition the system takes. */
export function TransitionActionEditor(props: {
  scope: ActionScope
  action: TransitionAction
  onChange(action: TransitionAction): void
}) {
  const { t } = useI18n()
  return (
    <TransitionInput
      scope={props.scope}
      slot="transition"
      label={t('designer.actions.transition')}
      value={props.action.transition}
      onChange={(transition) => props.onChange({ ...props.action, transition })}
    />
  )
}
