import { useState } from 'react'
import { useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Field } from '../ui/field.tsx'
import { ModalDialog } from '../ui/modal_dialog.tsx'

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const

/**
 * "Start a process" on a published workflow: a button that opens a small
 * form (title, priority). The server starts it on the latest published
 * version and goes on to the process page.
 */
export function StartProcessButton(props: {
  workflow: { key: string; name: string }
  className?: string
  /** Visible text of the button; the accessible name always names the workflow. */
  label?: string
}) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const form = useForm({ title: '', priority: 'normal' as (typeof PRIORITIES)[number] })
  const { key, name } = props.workflow

  return (
    <>
      <button
        type="button"
        className={props.className ?? 'btn btn-sm'}
        aria-label={t('workflows.start.buttonFor', { name })}
        onClick={() => setOpen(true)}
      >
        {props.label ?? t('workflows.start.button')}
      </button>
      <ModalDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('workflows.start.title', { name })}
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            form.post(urlFor('workflows.processes.store', { key }), {
              preserveScroll: true,
              preserveState: true,
            })
          }}
        >
          <p className="wf-muted">{t('workflows.start.intro')}</p>
          <Field label={t('workflows.start.titleLabel')} error={form.errors.title}>
            {(control) => (
              <input
                {...control}
                type="text"
                name="title"
                required
                // The dialog opens on purpose; its first field should have focus.
                autoFocus
                maxLength={200}
                value={form.data.title}
                onChange={(event) => form.setData('title', event.target.value)}
              />
            )}
          </Field>
          <Field label={t('workflows.start.priority')} error={form.errors.priority}>
            {(control) => (
              <select
                {...control}
                name="priority"
                value={form.data.priority}
                onChange={(event) =>
                  form.setData('priority', event.target.value as (typeof PRIORITIES)[number])
                }
              >
                {PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {t(`workflows.priorities.${priority}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={form.processing}>
              {t('workflows.start.submit')}
            </button>
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </ModalDialog>
    </>
  )
}
