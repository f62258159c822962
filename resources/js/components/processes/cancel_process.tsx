import { useState } from 'react'
import { useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { ModalDialog } from '../ui/modal_dialog.tsx'
import { Field } from '../ui/field.tsx'
import { commandOptions, useCommandKey, type CommandOutcome, type ReturnedPage } from './command.ts'

/**
 * "Cancel process" behind a confirmation that says what it means and
 * takes an optional reason (kept in the timeline).
 */
export function CancelProcess(props: {
  process: { id: number; reference: string; version: number }
  versionIn: (page: ReturnedPage) => number | undefined
  onOutcome: (outcome: CommandOutcome, page: ReturnedPage) => void
}) {
  const { t } = useI18n()
  const commandKey = useCommandKey()
  const [open, setOpen] = useState(false)
  const form = useForm({ reason: '', expectedVersion: props.process.version })

  return (
    <>
      <button type="button" className="btn btn-danger btn-sm" onClick={() => setOpen(true)}>
        {t('processes.cancel.button')}
      </button>
      <ModalDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('processes.cancel.title', { reference: props.process.reference })}
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            form.transform((values: typeof form.data) => ({
              reason: values.reason.trim() || undefined,
              expectedVersion: props.process.version,
              idempotencyKey: commandKey('cancel', props.process.id, props.process.version),
            }))
            form.post(
              urlFor('processes.cancel', { id: props.process.id }),
              commandOptions({
                expectedVersion: props.process.version,
                versionIn: props.versionIn,
                onOutcome: (outcome, page) => {
                  setOpen(false)
                  props.onOutcome(outcome, page)
                },
              })
            )
          }}
        >
          <p>{t('processes.cancel.explain')}</p>
          <Field label={t('processes.cancel.reason')} error={form.errors.reason}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={form.data.reason}
                onChange={(e) => form.setData('reason', e.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-danger" disabled={form.processing}>
              {t('processes.cancel.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              {t('processes.cancel.keep')}
            </button>
          </div>
        </form>
      </ModalDialog>
    </>
  )
}
