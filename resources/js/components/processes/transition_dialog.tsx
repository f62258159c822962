import { useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { ModalDialog } from '../ui/modal_dialog.tsx'
import { Field } from '../ui/field.tsx'
import { DataField } from './data_field.tsx'
import {
  isBlank,
  toFormValue,
  toSent,
  type FieldDef,
  type FormValue,
  type PersonOption,
} from './field_values.ts'
import { commandOptions, useCommandKey, type CommandOutcome, type ReturnedPage } from './command.ts'

export type TransitionChoice = {
  key: string
  label: string
  toName: string
  /** Fields the form asks for: the transition's required ones and those blocking the stage. */
  fieldKeys: string[]
}

/**
 * Runs one transition after asking for exactly the fields it requires
 * (pre-filled with what the process holds) and an optional comment. Used
 * by the process page and by the board when a move needs data.
 */
export function TransitionDialog(props: {
  process: { id: number; reference: string; version: number; data?: Record<string, unknown> }
  transition: TransitionChoice | null
  fields: FieldDef[]
  people: PersonOption[]
  onClose: () => void
  versionIn: (page: ReturnedPage) => number | undefined
  onOutcome: (outcome: CommandOutcome, page: ReturnedPage) => void
}) {
  const { transition } = props
  const { t } = useI18n()
  return (
    <ModalDialog
      open={transition !== null}
      onClose={props.onClose}
      title={
        transition
          ? t('processes.transition.dialogTitle', {
              label: transition.label,
              reference: props.process.reference,
            })
          : ''
      }
    >
      {transition && (
        <TransitionForm
          key={`${transition.key}-${props.process.version}`}
          {...props}
          transition={transition}
        />
      )}
    </ModalDialog>
  )
}

function TransitionForm(
  props: Parameters<typeof TransitionDialog>[0] & { transition: TransitionChoice }
) {
  const { t } = useI18n()
  const { transition, process } = props
  const fields = transition.fieldKeys
    .map((key) => props.fields.find((f) => f.key === key) ?? { key, label: key, type: 'text' })
    .filter(Boolean) as FieldDef[]

  const commandKey = useCommandKey()
  const form = useForm({
    transition: transition.key,
    expectedVersion: process.version,
    data: Object.fromEntries(
      fields.map((f) => [f.key, toFormValue(f, process.data?.[f.key])])
    ) as Record<string, FormValue>,
    comment: '',
  })
  // Request validation and the engine's field errors, keyed like "data.carrier".
  const errors = form.errors as Record<string, string | undefined>

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        form.transform((values: typeof form.data) => ({
          ...values,
          // Only what is filled in: the engine names each required field left empty.
          data: Object.fromEntries(
            Object.entries(values.data as Record<string, FormValue>)
              .filter(([, value]) => !isBlank(value))
              .map(([key, value]) => [key, toSent(value)])
          ),
          comment: values.comment.trim() || undefined,
          idempotencyKey: commandKey(`transition-${transition.key}`, process.id, process.version),
        }))
        form.post(
          urlFor('processes.transition', { id: process.id }),
          commandOptions({
            expectedVersion: process.version,
            versionIn: props.versionIn,
            onOutcome: (outcome, returned) => {
              if (outcome !== 'refused') props.onClose()
              props.onOutcome(outcome, returned)
            },
          })
        )
      }}
    >
      <p className="muted">
        {t('processes.transition.moves', { stage: transition.toName })}
        {fields.length > 0 && <> {t('processes.transition.needsFields')}</>}
      </p>
      {fields.map((field) => (
        <DataField
          key={field.key}
          field={field}
          required
          value={form.data.data[field.key] ?? toFormValue(field, undefined)}
          onChange={(value) => form.setData('data', { ...form.data.data, [field.key]: value })}
          error={errors[`data.${field.key}`]}
          people={props.people}
        />
      ))}
      <Field label={t('processes.transition.comment')} error={errors.comment}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={form.data.comment}
            onChange={(e) => form.setData('comment', e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={form.processing}>
          {transition.label}
        </button>
        <button type="button" className="btn" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
