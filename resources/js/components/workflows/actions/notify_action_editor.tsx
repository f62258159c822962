import { ROLES, type NotifyAction } from '#engine/definition'
import { useI18n } from '../../../lib/i18n.ts'
import { ChoiceControl } from '../designer_control.tsx'
import { TextInput, type ActionScope } from './action_inputs.tsx'
import { patchObject, templateVariables } from './action_model.ts'

/** A notify step: who (a role or a user) and the message. */
export function NotifyActionEditor(props: {
  scope: ActionScope
  action: NotifyAction
  onChange(action: NotifyAction): void
}) {
  const { t } = useI18n()
  const { scope, action } = props
  const set = (patch: Record<string, unknown>) =>
    props.onChange({ ...action, notify: patchObject(action.notify, patch) })
  const list = templateVariables({ fields: scope.fields, steps: scope.steps, secrets: false })
  return (
    <div className="wf-grid">
      <ChoiceControl
        id={scope.id('notify.role')}
        label={t('designer.actions.notifyRole')}
        problems={[...scope.problems('notify'), ...scope.problems('notify.role')]}
        values={ROLES}
        labelOf={(role) => t(`roles.${role}`)}
        none={t('designer.actions.noRole')}
        value={action.notify.role ?? ''}
        onChange={(role) => set({ role })}
      />
      <TextInput
        scope={scope}
        slot="notify.user"
        label={t('designer.actions.notifyUser')}
        type="email"
        value={action.notify.user}
        onChange={(user) => set({ user })}
      />
      <TextInput
        scope={scope}
        slot="notify.message"
        label={t('designer.actions.message')}
        hint={t('designer.actions.variables', { list: list.join(' ') })}
        value={action.notify.message}
        onChange={(message) => props.onChange({ ...action, notify: { ...action.notify, message } })}
      />
    </div>
  )
}
