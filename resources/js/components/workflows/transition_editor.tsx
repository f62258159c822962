import { ROLES } from '#engine/definition'
import { useI18n } from '../../lib/i18n.ts'
import type { EditorStage, EditorTransition } from './designer_state.ts'
import { DesignerControl, DesignerRowCard, RowIdentity } from './designer_control.tsx'
import { InlineProblems, TRANSITION_SLOTS, rowLevel, useProblems } from './designer_problems.tsx'
import { ExpressionFieldsContext, ExpressionInput } from './expression_input.tsx'
import { use } from 'react'
import { ActionsEditor } from './actions/actions_editor.tsx'
import { isActionSlot } from './actions/action_slots.ts'
import { TeamChecklist, splitKeys } from './designer_pickers.tsx'
import { useDesignerChoices } from './designer_choices.ts'

export type TransitionEditorProps = {
  transition: EditorTransition
  index: number
  stages: EditorStage[]
  /** Field keys declared by any stage, for "required fields". */
  fieldKeys: { key: string; label: string }[]
  onChange: (patch: Partial<Omit<EditorTransition, 'uid'>>) => void
  onRemove: () => void
  /** All transitions: when given, an action's onSuccess/onFailure are chosen from a list. */
  transitions?: readonly EditorTransition[]
}

/**
 * One transition of the designer: label and key, from/to stages, who may
 * run it, which fields must be filled first and its condition (guard).
 */
export function TransitionEditor(props: TransitionEditorProps) {
  const { t } = useI18n()
  const problems = useProblems()
  const { transition, index } = props
  const slots = problems.transition.get(index)
  const at = (slot: string) => slots?.get(slot) ?? []
  const general = rowLevel(slots, (slot) => TRANSITION_SLOTS.includes(slot) || isActionSlot(slot))
  const fieldKeys = use(ExpressionFieldsContext).map((field) => field.key)
  const { teams } = useDesignerChoices()
  const id = (slot: string) => `transition-${transition.uid}-${slot}`
  const title =
    transition.label.trim() || transition.key.trim() || t('designer.transition.untitled')

  const stageOptions = (current: string) => {
    const keyed = props.stages.filter((stage) => stage.key !== '')
    const known = keyed.some((stage) => stage.key === current)
    return (
      <>
        <option value="">{t('designer.transition.chooseStage')}</option>
        {keyed.map((stage, i) => (
          <option key={`${stage.uid}-${i}`} value={stage.key}>
            {stage.name.trim() ? `${stage.name} (${stage.key})` : stage.key}
          </option>
        ))}
        {current !== '' && !known && (
          <option value={current}>{t('designer.transition.unknownStage', { key: current })}</option>
        )}
      </>
    )
  }

  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value)

  const rolesProblems = at('roles')
  const requiresProblems = at('requires')
  const unknownRequired = transition.requires.filter(
    (key) => !props.fieldKeys.some((field) => field.key === key)
  )

  return (
    <DesignerRowCard
      className="wf-transition"
      headingId={id('heading')}
      index={index}
      title={title}
      tools={
        <button
          type="button"
          className="btn btn-sm btn-danger"
          aria-label={t('designer.transition.remove', { name: title })}
          onClick={props.onRemove}
        >
          {t('designer.remove')}
        </button>
      }
      general={general}
      generalId={id('general-problems')}
      hasProblems={Boolean(slots?.size)}
    >
      <div className="wf-grid">
        <RowIdentity
          id={id}
          problems={at}
          prefix="designer.transition"
          nameSlot="label"
          row={transition}
          onChange={props.onChange}
        />
        <DesignerControl
          id={id('from')}
          label={t('designer.transition.from')}
          problems={at('from')}
        >
          {(control) => (
            <select
              {...control}
              value={transition.from}
              onChange={(event) => props.onChange({ from: event.target.value })}
            >
              {stageOptions(transition.from)}
            </select>
          )}
        </DesignerControl>
        <DesignerControl id={id('to')} label={t('designer.transition.to')} problems={at('to')}>
          {(control) => (
            <select
              {...control}
              value={transition.to}
              onChange={(event) => props.onChange({ to: event.target.value })}
            >
              {stageOptions(transition.to)}
            </select>
          )}
        </DesignerControl>
      </div>

      <div className="wf-grid">
        <fieldset
          className="wf-choices"
          aria-describedby={[id('roles-hint'), rolesProblems.length ? id('roles-problems') : '']
            .filter(Boolean)
            .join(' ')}
        >
          <legend>{t('designer.transition.roles')}</legend>
          {ROLES.map((role, roleIndex) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                id={roleIndex === 0 ? id('roles') : undefined}
                checked={transition.roles.includes(role)}
                onChange={(event) =>
                  props.onChange({ roles: toggle(transition.roles, role, event.target.checked) })
                }
              />
              {t(`roles.${role}`)}
            </label>
          ))}
          <span className="hint" id={id('roles-hint')}>
            {t('designer.transition.rolesHint')}
          </span>
          <InlineProblems id={id('roles-problems')} problems={rolesProblems} />
        </fieldset>
        <TeamChecklist
          id={id('teams')}
          legend={t('designer.transition.teams')}
          hint={t('designer_people.transitionTeamsHint')}
          problems={at('teams')}
          teams={teams}
          value={splitKeys(transition.teams)}
          onChange={(keys) => props.onChange({ teams: keys.join(', ') })}
        />

        <fieldset
          className="wf-choices"
          aria-describedby={requiresProblems.length ? id('requires-problems') : undefined}
        >
          <legend>{t('designer.transition.requires')}</legend>
          {props.fieldKeys.length === 0 && unknownRequired.length === 0 && (
            <span className="hint" id={id('requires')} tabIndex={-1}>
              {t('designer.transition.noFields')}
            </span>
          )}
          {[...props.fieldKeys, ...unknownRequired.map((key) => ({ key, label: key }))].map(
            (field, fieldIndex) => (
              <label key={field.key} className="checkbox">
                <input
                  type="checkbox"
                  id={fieldIndex === 0 ? id('requires') : undefined}
                  checked={transition.requires.includes(field.key)}
                  onChange={(event) =>
                    props.onChange({
                      requires: toggle(transition.requires, field.key, event.target.checked),
                    })
                  }
                />
                {field.label && field.label !== field.key
                  ? `${field.label} (${field.key})`
                  : field.key}
              </label>
            )
          )}
          <InlineProblems id={id('requires-problems')} problems={requiresProblems} />
        </fieldset>
      </div>

      <div className="wf-guard">
        <ExpressionInput
          id={id('when')}
          label={t('designer.transition.when')}
          hint={t('designer.transition.whenHint')}
          problems={at('when')}
          value={transition.when}
          onChange={(when) => props.onChange({ when })}
        />
        <DesignerControl
          id={id('whenMessage')}
          label={t('designer.transition.whenMessage')}
          hint={t('designer.transition.whenMessageHint')}
          problems={at('whenMessage')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={200}
              value={transition.whenMessage}
              onChange={(event) => props.onChange({ whenMessage: event.target.value })}
            />
          )}
        </DesignerControl>
      </div>

      <ActionsEditor
        idPrefix={id('')}
        owner={title}
        actions={transition.actions}
        problems={at}
        transitionKeys={props.transitions
          ?.filter((other) => other.from === transition.to && other.key !== '')
          .map((other) => other.key)}
        fields={fieldKeys}
        takenKeys={[...(props.transitions ?? [transition]), ...props.stages].flatMap((row) =>
          (row.actions ?? []).map((action) => action.key)
        )}
        onChange={(actions) => props.onChange({ actions })}
      />
    </DesignerRowCard>
  )
}
