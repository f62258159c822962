import { FIELD_TYPES } from '#engine/definition'
import { useI18n } from '../../lib/i18n.ts'
import type { EditorField } from './designer_state.ts'
import { newColumn, updateColumn } from './designer_state.ts'
import { ChoiceControl, DesignerControl } from './designer_control.tsx'
import { InlineProblems, type DesignerProblem } from './designer_problems.tsx'
import { hasOptions, shownRules } from './field_settings.ts'
import { RuleInput } from './field_editor.tsx'

/** Column types: any field type but a list (lists do not nest). */
const COLUMN_TYPES = FIELD_TYPES.filter((type) => type !== 'list')

/** Slots of a list field row that this editor shows (`fields`, `fields.<n>.<property>`). */
export const isColumnSlot = (slot: string) => slot === 'fields' || /^fields\.\d+(\.|$)/.test(slot)

/**
 * The columns of a list field (`fields` in the definition): each with a
 * label, key, type, "required" and, for choices, its options. Rows of the
 * list are then edited as a table in forms, validated per cell.
 */
export function ListColumnsEditor(props: {
  /** Id prefix of the list field's row. */
  id: (slot: string) => string
  fieldName: string
  columns: readonly EditorField[]
  problems: (slot: string) => readonly DesignerProblem[]
  onChange: (columns: EditorField[]) => void
}) {
  const { t } = useI18n()
  const { id, columns, problems } = props
  const change = (index: number, patch: Partial<Omit<EditorField, 'uid'>>) =>
    props.onChange(updateColumn(columns, index, patch))

  return (
    <fieldset className="wf-list-columns" aria-describedby={id('columns-hint')}>
      <legend>{t('designer_people.columns.title', { name: props.fieldName })}</legend>
      <span className="hint" id={id('columns-hint')}>
        {t('designer_people.columns.hint')}
      </span>
      <InlineProblems id={id('columns-problems')} problems={problems('fields')} />
      {columns.length === 0 && <p className="wf-muted">{t('designer_people.columns.none')}</p>}
      {columns.map((column, index) => {
        const slot = (property: string) => problems(`fields.${index}.${property}`)
        const cid = (part: string) => id(`column-${index}-${part}`)
        const name = column.label.trim() || column.key.trim() || String(index + 1)
        return (
          <div
            key={column.uid}
            className="wf-field-grid wf-list-column"
            role="group"
            aria-label={t('designer_people.columns.column', { name, number: index + 1 })}
          >
            <InlineProblems id={cid('problems')} problems={problems(`fields.${index}`)} />
            <DesignerControl
              id={cid('label')}
              label={t('designer_people.columns.label')}
              problems={slot('label')}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  maxLength={200}
                  value={column.label}
                  onChange={(event) => change(index, { label: event.target.value })}
                />
              )}
            </DesignerControl>
            <DesignerControl
              id={cid('key')}
              label={t('designer_people.columns.key')}
              problems={slot('key')}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  className="wf-mono"
                  spellCheck={false}
                  autoCapitalize="off"
                  maxLength={64}
                  value={column.key}
                  onChange={(event) => change(index, { key: event.target.value })}
                />
              )}
            </DesignerControl>
            <ChoiceControl
              id={cid('type')}
              label={t('designer_people.columns.type')}
              problems={slot('type')}
              values={COLUMN_TYPES}
              labelOf={(type) => t(`designer.fieldTypes.${type}`)}
              value={column.type}
              onChange={(type) => change(index, { type })}
            />
            <div className="field wf-field-required">
              <label className="checkbox" htmlFor={cid('required')}>
                <input
                  id={cid('required')}
                  type="checkbox"
                  checked={column.required}
                  onChange={(event) => change(index, { required: event.target.checked })}
                />
                {t('designer.fields.required')}
              </label>
            </div>
            {(hasOptions(column.type) || slot('options').length > 0) && (
              <DesignerControl
                id={cid('options')}
                label={t('designer.fields.options')}
                hint={t('designer.fields.optionsHint')}
                problems={slot('options')}
              >
                {(control) => (
                  <textarea
                    {...control}
                    rows={2}
                    value={column.options}
                    onChange={(event) => change(index, { options: event.target.value })}
                  />
                )}
              </DesignerControl>
            )}
            {shownRules(column).map((rule) => (
              <RuleInput
                key={rule}
                id={cid(`rules-${rule}`)}
                rule={rule}
                type={column.type}
                value={column.rules[rule]}
                problems={rule === shownRules(column)[0] ? slot('rules') : []}
                onChange={(value) => change(index, { rules: { ...column.rules, [rule]: value } })}
              />
            ))}
            <div className="wf-field-remove">
              <button
                type="button"
                className="btn btn-sm btn-danger"
                aria-label={t('designer_people.columns.remove', { name })}
                onClick={() => props.onChange(columns.filter((_, i) => i !== index))}
              >
                {t('designer.remove')}
              </button>
            </div>
          </div>
        )
      })}
      <button
        type="button"
        className="btn btn-sm"
        id={id('column-add')}
        onClick={() => props.onChange([...columns, newColumn(columns)])}
      >
        {t('designer_people.columns.add', { name: props.fieldName })}
      </button>
    </fieldset>
  )
}
