import { useState } from 'react'
import { useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Field } from '../ui/field.tsx'
import { Markdown } from './markdown.tsx'
import { commandOptions, useCommandKey, type CommandOutcome, type ReturnedPage } from './command.ts'

/**
 * A Markdown comment with a preview. The text stays in the box if the
 * post is refused (or conflicts), and clears once it is saved.
 */
export function CommentForm(props: {
  process: { id: number; version: number }
  versionIn: (page: ReturnedPage) => number | undefined
  onOutcome: (outcome: CommandOutcome, page: ReturnedPage) => void
}) {
  const { t } = useI18n()
  const commandKey = useCommandKey()
  const [preview, setPreview] = useState(false)
  const form = useForm({ body: '', expectedVersion: props.process.version })

  return (
    <form
      className="comment-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        form.transform((values: typeof form.data) => ({
          ...values,
          expectedVersion: props.process.version,
          idempotencyKey: commandKey('comment', props.process.id, props.process.version),
        }))
        form.post(
          urlFor('processes.comment', { id: props.process.id }),
          commandOptions({
            expectedVersion: props.process.version,
            versionIn: props.versionIn,
            onOutcome: (outcome, page) => {
              if (outcome === 'done') {
                form.reset('body')
                setPreview(false)
              }
              props.onOutcome(outcome, page)
            },
          })
        )
      }}
    >
      <Field
        label={t('processes.comments.label')}
        hint={t('processes.comments.hint')}
        error={form.errors.body}
      >
        {(control) =>
          preview ? (
            <div className="comment-preview" id={control.id} tabIndex={-1}>
              {form.data.body.trim() ? (
                <Markdown text={form.data.body} />
              ) : (
                <p className="muted">{t('processes.comments.nothingToPreview')}</p>
              )}
            </div>
          ) : (
            <textarea
              {...control}
              name="body"
              rows={4}
              value={form.data.body}
              onChange={(e) => form.setData('body', e.target.value)}
            />
          )
        }
      </Field>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={form.processing || !form.data.body.trim()}
        >
          {t('processes.comments.submit')}
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={preview}
          onClick={() => setPreview((p) => !p)}
        >
          {preview ? t('processes.comments.edit') : t('processes.comments.preview')}
        </button>
      </div>
    </form>
  )
}
