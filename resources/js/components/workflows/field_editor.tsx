import { useState } from 'react'
import { FIELD_TYPES, type FieldType } from '#engine/definition'
import { SEARCHABLE_TYPES } from '#engine/search_fields'
import { useI18n } from '../../lib/i18n.ts'
import type { EditorField, RuleName } from './designer_state.ts'
import { DesignerControl, RowIdentity } from './designer_control.tsx'
import {
  FIELD_SLOTS,
  InlineProblems,
  rowLevel,
  useProblems,
  type DesignerProblem,
} from './designer_problems.tsx'
import { ExpressionInput } from './expression_input.tsx'
import { hasOptions, shownRules } from './field_settings.ts'
import { DefaultValueInput } from './field_default_input.tsx'
import { ListColumnsEditor, isColumnSlot } from './list_columns_editor.tsx'

/** Slots of the "rules and conditions" part (open whenever one has a problem). */
const SETTING_SLOTS = [
  'currency',
  'default',
  'visibleWhen',
  'requiredWhen',
  'rules',
  'rules.min',
  'rules.max',
  'rules.minLength',
  'rules.maxLength',
  'rules.pattern',
]

/**
 * One field of a stage: label, key, type, required, options, and (behind
 * a disclosure) its rules, default value and the conditions under which it
 * is shown or required.
 */
export function FieldEditor(props: {
  field: EditorField
  stageIndex: number
  index: number
  stageTitle: string
  onChange: (patch: Partial<Omit<EditorField, 'uid'>>) => void
  onRemove: () => void
}) {
  const { t } = useI18n()
  const problems = useProblems()
  const { field } = props
  const slots = problems.field.get(`${props.stageIndex}.${props.index}`)
  const at = (slot: string) => slots?.get(slot) ?? []
  const general = rowLevel(
    slots,
    (slot) => [...FIELD_SLOTS, 'rules'].includes(slot) || isColumnSlot(slot)
  )
  const id = (slot: string) => `field-${field.uid}-${slot}`
  const name = field.label.trim() || field.key.trim() || t('designer.fields.untitled')

  const configured =
    field.visibleWhen !== '' ||
    field.requiredWhen !== '' ||
    field.default !== undefined ||
    Object.values(field.rules).some((value) => value !== '')
  const [settingsOpen, setSettingsOpen] = useState(configured)
  const settingsProblems = SETTING_SLOTS.some((slot) => at(slot).length > 0)
  const showSettings = settingsOpen || settingsProblems
  const rules = shownRules(field)
  const setRule = (rule: RuleName, value: string) =>
    props.onChange({ rules: { ...field.rules, [rule]: value } })

  return (
    <fieldset className={`wf-field-row${slots?.size ? ' has-problem' : ''}`}>
      <legend className="sr-only">
        {t('designer.fields.legend', { name, stage: props.stageTitle })}
      </legend>
      {general.length > 0 && <InlineProblems id={id('general')} problems={general} />}
      <div className="wf-field-grid">
        <RowIdentity
          id={id}
          problems={at}
          prefix="designer.fields"
          nameSlot="label"
          row={field}
          types={{ values: FIELD_TYPES, labelOf: (type) => t(`designer.fieldTypes.${type}`) }}
          onChange={props.onChange}
        />
        <div className="field wf-field-required">
          <label className="checkbox" htmlFor={id('required')}>
            <input
              id={id('required')}
              type="checkbox"
              checked={field.required}
              aria-invalid={at('required').length > 0}
              onChange={(event) => props.onChange({ required: event.target.checked })}
            />
            {t('designer.fields.required')}
          </label>
          <InlineProblems id={id('required-problems')} problems={at('required')} />
        </div>
        {(field.searchable || SEARCHABLE_TYPES.includes(field.type as FieldType)) && (
          <div className="field wf-field-searchable">
            <label className="checkbox" htmlFor={id('searchable')}>
              <input
                id={id('searchable')}
                type="checkbox"
                checked={field.searchable}
                aria-invalid={at('searchable').length > 0}
                aria-describedby={id('searchable-hint')}
                onChange={(event) => props.onChange({ searchable: event.target.checked })}
              />
              {t('search.designer.searchable')}
            </label>
            <span className="hint" id={id('searchable-hint')}>
              {t('search.designer.searchableHint')}
            </span>
            <InlineProblems id={id('searchable-problems')} problems={at('searchable')} />
          </div>
        )}
        <div className="wf-field-remove">
          <button
            type="button"
            className="btn btn-sm btn-danger"
            aria-label={t('designer.fields.remove', { name, stage: props.stageTitle })}
            onClick={props.onRemove}
          >
            {t('designer.remove')}
          </button>
        </div>
      </div>
      {(hasOptions(field.type) || at('options').length > 0) && (
        <DesignerControl
          id={id('options')}
          label={t('designer.fields.options')}
          hint={t('designer.fields.optionsHint')}
          problems={at('options')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={field.options}
              onChange={(event) => props.onChange({ options: event.target.value })}
            />
          )}
        </DesignerControl>
      )}
      {(field.type === 'list' || at('fields').length > 0) && (
        <ListColumnsEditor
          id={id}
          fieldName={name}
          columns={field.columns ?? []}
          problems={at}
          onChange={(columns) => props.onChange({ columns })}
        />
      )}

      <button
        type="button"
        className="btn btn-sm wf-settings-toggle"
        id={id('settings-toggle')}
        aria-expanded={showSettings}
        aria-controls={id('settings')}
        onClick={() => setSettingsOpen((open) => !open)}
      >
        {t('designer.fields.settings', { name })}
      </button>
      <div id={id('settings')} className="wf-field-settings" hidden={!showSettings}>
        {showSettings && (
          <>
            <InlineProblems id={id('rules-problems')} problems={at('rules')} />
            <div className="wf-grid">
              {(field.type === 'money' || field.currency !== '' || at('currency').length > 0) && (
                <DesignerControl
                  id={id('currency')}
                  label={t('designer.fields.currency')}
                  hint={t('designer.fields.currencyHint')}
                  problems={at('currency')}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      className="wf-mono"
                      maxLength={3}
                      autoCapitalize="characters"
                      spellCheck={false}
                      placeholder="EUR"
                      value={field.currency}
                      onChange={(event) =>
                        props.onChange({ currency: event.target.value.toUpperCase() })
                      }
                    />
                  )}
                </DesignerControl>
              )}
              {rules.map((rule) => (
                <RuleInput
                  key={rule}
                  id={id(`rules-${rule}`)}
                  rule={rule}
                  type={field.type}
                  value={field.rules[rule]}
                  problems={at(`rules.${rule}`)}
                  onChange={(value) => setRule(rule, value)}
                />
              ))}
              <DefaultValueInput
                id={id('default')}
                field={field}
                problems={at('default')}
                onChange={(value) => props.onChange({ default: value })}
              />
            </div>
            <div className="wf-grid wf-grid-wide">
              <ExpressionInput
                id={id('visibleWhen')}
                label={t('designer.fields.visibleWhen')}
                hint={t('designer.fields.visibleWhenHint')}
                problems={at('visibleWhen')}
                value={field.visibleWhen}
                onChange={(visibleWhen) => props.onChange({ visibleWhen })}
              />
              <ExpressionInput
                id={id('requiredWhen')}
                label={t('designer.fields.requiredWhen')}
                hint={t('designer.fields.requiredWhenHint')}
                problems={at('requiredWhen')}
                value={field.requiredWhen}
                onChange={(requiredWhen) => props.onChange({ requiredWhen })}
              />
            </div>
          </>
        )}
      </div>
    </fieldset>
  )
}

/** One rule: bounds as numbers (dates for date fields), lengths as whole numbers, a pattern as text. */
export function RuleInput(props: {
  id: string
  rule: RuleName
  type: string
  value: string
  problems: readonly DesignerProblem[]
  onChange(value: string): void
}) {
  const { t } = useI18n()
  const { rule, type } = props
  const bound = rule === 'min' || rule === 'max'
  const label =
    type === 'multiselect' && !bound && rule !== 'pattern'
      ? t(`designer.rules.${rule}Choices`)
      : t(`designer.rules.${rule}`)
  const inputType = rule === 'pattern' ? 'text' : bound && type === 'date' ? 'date' : 'number'
  return (
    <DesignerControl
      id={props.id}
      label={label}
      problems={props.problems}
      hint={rule === 'pattern' ? t('designer.rules.patternHint') : undefined}
    >
      {(control) => (
        <input
          {...control}
          type={inputType}
          className={rule === 'pattern' ? 'wf-mono' : undefined}
          spellCheck={rule === 'pattern' ? false : undefined}
          step={inputType === 'number' ? (bound ? 'any' : 1) : undefined}
          min={inputType === 'number' && !bound ? 0 : undefined}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </DesignerControl>
  )
}
