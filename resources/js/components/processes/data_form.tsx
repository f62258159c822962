import { useForm } from '@inertiajs/react'
import type { WorkflowDefinition } from '#engine/definition'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { DataField } from './data_field.tsx'
import { ListTable } from './list_field.tsx'
import {
  changedValues,
  displayValue,
  draftData,
  fieldState,
  toFormValue,
  type FieldDef,
  type FormValue,
  type PersonOption,
} from './field_values.ts'
import { commandOptions, useCommandKey, type CommandOutcome, type ReturnedPage } from './command.ts'

export type FieldGroup = { stage: { key: string; name: string }; fields: FieldDef[] }

/**
 * The process data, generated from the definition's fields and grouped by
 * the stage that declares them (the current stage first). A field with a
 * `visibleWhen` shows only while it holds for what the form holds now
 * (evaluated by the engine, as the server does); one required now is
 * marked. Saves only what changed, with the version shown; a refused value
 * keeps what was typed and says why next to the field. Read-only for
 * people who may not edit.
 */
export function DataForm(props: {
  process: { id: number; version: number; data: Record<string, unknown>; stageKey: string }
  groups: FieldGroup[]
  definition?: WorkflowDefinition | null
  people: PersonOption[]
  editable: boolean
  versionIn: (page: ReturnedPage) => number | undefined
  onOutcome: (outcome: CommandOutcome, page: ReturnedPage) => void
}) {
  const { t, locale } = useI18n()
  const commandKey = useCommandKey()
  const fields = props.groups.flatMap((g) => g.fields)
  const form = useForm({
    data: Object.fromEntries(
      fields.map((f) => [f.key, toFormValue(f, props.process.data[f.key])])
    ) as Record<string, FormValue>,
    expectedVersion: props.process.version,
  })
  // Request validation and the engine's field errors, keyed like "data.carrier".
  const errors = form.errors as Record<string, string | undefined>
  const draft = draftData(fields, form.data.data, props.process.data)
  const stateOf = (field: FieldDef) => fieldState(props.definition, field, draft)
  const shown = fields.filter((field) => stateOf(field).visible)
  const patch = changedValues(shown, form.data.data, props.process.data)
  const dirty = Object.keys(patch).length > 0

  if (!fields.length) return <p className="muted">{t('processes.data.none')}</p>

  const groups = [...props.groups]
    .sort(
      (a, b) =>
        Number(b.stage.key === props.process.stageKey) -
        Number(a.stage.key === props.process.stageKey)
    )
    .map((group) => ({ ...group, fields: group.fields.filter((f) => shown.includes(f)) }))
    .filter((group) => group.fields.length > 0)

  if (!props.editable) {
    return (
      <>
        {groups.map((group) => (
          <div key={group.stage.key} className="data-group">
            <h3>{group.stage.name}</h3>
            <dl className="data-list">
              {group.fields.map((field) => (
                <div key={field.key}>
                  <dt>{field.label}</dt>
                  <dd>
                    {field.type === 'list' ? (
                      <ListTable
                        field={field}
                        value={props.process.data[field.key]}
                        people={props.people}
                      />
                    ) : (
                      displayValue(field, props.process.data[field.key], props.people, t, locale)
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </>
    )
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        form.transform((values: typeof form.data) => ({
          ...values,
          data: changedValues(shown, values.data, props.process.data),
          idempotencyKey: commandKey('data', props.process.id, props.process.version),
        }))
        form.put(
          urlFor('processes.data', { id: props.process.id }),
          commandOptions({
            expectedVersion: props.process.version,
            versionIn: props.versionIn,
            onOutcome: props.onOutcome,
          })
        )
      }}
    >
      {groups.map((group) => (
        <fieldset key={group.stage.key} className="data-group">
          <legend>
            {group.stage.name}
            {group.stage.key === props.process.stageKey && (
              <span className="badge badge-primary">{t('processes.data.currentStage')}</span>
            )}
          </legend>
          <div className="data-grid">
            {group.fields.map((field) => (
              <div
                key={field.key}
                className={
                  field.type === 'long_text' ||
                  field.type === 'multiselect' ||
                  field.type === 'list'
                    ? 'field-long'
                    : undefined
                }
              >
                <DataField
                  field={field}
                  required={stateOf(field).required}
                  value={form.data.data[field.key] ?? toFormValue(field, undefined)}
                  onChange={(value) =>
                    form.setData('data', { ...form.data.data, [field.key]: value })
                  }
                  error={errors[`data.${field.key}`]}
                  errors={field.type === 'list' ? errors : undefined}
                  people={props.people}
                />
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!dirty || form.processing}>
          {t('processes.data.save')}
        </button>
        {dirty && (
          <button type="button" className="btn" onClick={() => form.reset()}>
            {t('processes.data.discard')}
          </button>
        )}
        {dirty && <span className="muted">{t('processes.data.unsaved')}</span>}
      </div>
    </form>
  )
}
