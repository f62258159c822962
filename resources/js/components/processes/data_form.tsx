import { useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import {
  changedValues,
  DataField,
  displayValue,
  toFormValue,
  type FieldDef,
  type PersonOption,
} from './data_field.tsx'
import { commandOptions, useCommandKey, type CommandOutcome, type ReturnedPage } from './command.ts'

export type FieldGroup = { stage: { key: string; name: string }; fields: FieldDef[] }

/**
 * The process data, generated from the definition's fields and grouped by
 * the stage that declares them (the current stage first). Saves only what
 * changed, with the version shown; a refused value keeps what was typed
 * and says why next to the field. Read-only for people who may not edit.
 */
export function DataForm(props: {
  process: { id: number; version: number; data: Record<string, unknown>; stageKey: string }
  groups: FieldGroup[]
  people: PersonOption[]
  editable: boolean
  versionIn: (page: ReturnedPage) => number | undefined
  onOutcome: (outcome: CommandOutcome, page: ReturnedPage) => void
}) {
  const { t } = useI18n()
  const commandKey = useCommandKey()
  const fields = props.groups.flatMap((g) => g.fields)
  const form = useForm({
    data: Object.fromEntries(fields.map((f) => [f.key, toFormValue(props.process.data[f.key])])),
    expectedVersion: props.process.version,
  })
  // Request validation and the engine's field errors, keyed like "data.carrier".
  const errors = form.errors as Record<string, string | undefined>
  const patch = changedValues(fields, form.data.data, props.process.data)
  const dirty = Object.keys(patch).length > 0

  if (!fields.length) return <p className="muted">{t('processes.data.none')}</p>

  const groups = [...props.groups].sort(
    (a, b) =>
      Number(b.stage.key === props.process.stageKey) -
      Number(a.stage.key === props.process.stageKey)
  )

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
                  <dd>{displayValue(field, props.process.data[field.key], props.people, t)}</dd>
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
          data: changedValues(fields, values.data, props.process.data),
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
              <DataField
                key={field.key}
                field={field}
                value={form.data.data[field.key] ?? ''}
                onChange={(value) =>
                  form.setData('data', { ...form.data.data, [field.key]: value })
                }
                error={errors[`data.${field.key}`]}
                people={props.people}
              />
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
