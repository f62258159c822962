import type { ActionDefinition, ActionType } from '#engine/definition'
import { useI18n } from '../../../lib/i18n.ts'
import { ChoiceControl } from '../designer_control.tsx'
import { InlineProblems } from '../designer_problems.tsx'
import { TextInput, TransitionInput, type ActionScope } from './action_inputs.tsx'
import { ACTION_TYPE_ORDER, changeType, patchObject } from './action_model.ts'
import { HttpActionEditor } from './http_action_editor.tsx'
import { NotifyActionEditor } from './notify_action_editor.tsx'
import { RetryInputs } from './retry_inputs.tsx'
import { SetDataActionEditor } from './set_data_action_editor.tsx'
import { TransitionActionEditor } from './transition_action_editor.tsx'

/** The inputs of one type's own properties. */
function TypeInputs(props: {
  scope: ActionScope
  action: ActionDefinition
  onChange(action: ActionDefinition): void
}) {
  const { scope, action, onChange } = props
  switch (action.type) {
    case 'http':
      return <HttpActionEditor scope={scope} action={action} onChange={onChange} />
    case 'set_data':
      return <SetDataActionEditor scope={scope} action={action} onChange={onChange} />
    case 'notify':
      return <NotifyActionEditor scope={scope} action={action} onChange={onChange} />
    case 'transition':
      return <TransitionActionEditor scope={scope} action={action} onChange={onChange} />
    default:
      return null
  }
}

/**
 * One step: key, name and type; its type's inputs; then what every step
 * has: retries, deadline and the transitions taken on success or failure.
 */
export function ActionEditor(props: {
  scope: ActionScope
  action: ActionDefinition
  onChange(action: ActionDefinition): void
}) {
  const { t } = useI18n()
  const { scope, action } = props
  const set = (patch: Record<string, unknown>) => props.onChange(patchObject(action, patch))
  return (
    <>
      <InlineProblems id={scope.id('problems')} problems={scope.problems('')} />
      <div className="wf-grid">
        <TextInput
          scope={scope}
          slot="key"
          label={t('designer.actions.key')}
          mono
          value={action.key}
          onChange={(key) => props.onChange({ ...action, key })}
        />
        <TextInput
          scope={scope}
          slot="name"
          label={t('designer.actions.name')}
          value={action.name}
          onChange={(name) => set({ name })}
        />
        <ChoiceControl
          id={scope.id('type')}
          label={t('designer.actions.type')}
          problems={scope.problems('type')}
          values={ACTION_TYPE_ORDER}
          labelOf={(type) => t(`designer.actions.types.${type}`)}
          value={action.type}
          onChange={(type) => props.onChange(changeType(action, type as ActionType))}
        />
      </div>
      <TypeInputs scope={scope} action={action} onChange={props.onChange} />
      <div className="wf-grid">
        {action.type !== 'http' && (
          <RetryInputs scope={scope} prefix="" value={action} onChange={set} />
        )}
        <TextInput
          scope={scope}
          slot="deadline"
          label={t('designer.actions.deadline')}
          hint={t('designer.actions.deadlineHint')}
          mono
          placeholder="30m"
          value={action.deadline}
          onChange={(deadline) => set({ deadline })}
        />
        <TransitionInput
          scope={scope}
          slot="onSuccess"
          label={t('designer.actions.onSuccess')}
          value={action.onSuccess}
          onChange={(onSuccess) => set({ onSuccess })}
        />
        <TransitionInput
          scope={scope}
          slot="onFailure"
          label={t('designer.actions.onFailure')}
          value={action.onFailure}
          onChange={(onFailure) => set({ onFailure })}
        />
      </div>
    </>
  )
}
