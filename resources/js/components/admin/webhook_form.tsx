import { useForm } from '@inertiajs/react'
import { Field } from '../ui/field.tsx'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'

export type WebhookView = {
  id: number
  url: string
  events: string[]
  workflow: string | null
  description: string | null
  enabled: boolean
  disabledReason: string | null
  failingSince: string | null
  previousSecretExpiresAt: string | null
  createdAt: string
  updatedAt: string
}

type FormData = { url: string; description: string; workflow: string; events: string[] }

/**
 * Creates a subscription, or edits one (URL, description, workflow
 * filter, event types). Field errors come back from the server.
 */
export function WebhookForm(props: {
  webhook?: WebhookView
  eventTypes: string[]
  workflows: { key: string; name: string }[]
  onDone?: () => void
}) {
  const { t } = useI18n()
  const { webhook } = props
  const form = useForm<FormData>({
    url: webhook?.url ?? '',
    description: webhook?.description ?? '',
    workflow: webhook?.workflow ?? '',
    events: webhook?.events ?? [],
  })
  const errors = form.errors as Record<string, string | undefined>
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.transform((data: FormData) => ({
      ...data,
      description: data.description.trim() || null,
      workflow: data.workflow || null,
    }))
    const options = {
      preserveScroll: true,
      onSuccess: () => (webhook ? props.onDone?.() : form.reset()),
    }
    if (webhook) form.put(urlFor('admin.webhooks.update', { id: webhook.id }), options)
    else form.post(urlFor('admin.webhooks.store'), options)
  }
  const prefix = webhook ? `webhook-${webhook.id}` : 'webhook-new'

  return (
    <form className="narrow-form" noValidate onSubmit={submit}>
      <Field label={t('webhooks.form.url')} error={errors.url} hint={t('webhooks.form.urlHint')}>
        {(c) => (
          <input
            {...c}
            type="url"
            name="url"
            required
            maxLength={2048}
            value={form.data.url}
            onChange={(e) => form.setData('url', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('webhooks.form.description')} error={errors.description}>
        {(c) => (
          <input
            {...c}
            type="text"
            name="description"
            maxLength={500}
            value={form.data.description}
            onChange={(e) => form.setData('description', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('webhooks.form.workflow')} error={errors.workflow}>
        {(c) => (
          <select
            {...c}
            name="workflow"
            value={form.data.workflow}
            onChange={(e) => form.setData('workflow', e.target.value)}
          >
            <option value="">{t('webhooks.form.allWorkflows')}</option>
            {props.workflows.map((w) => (
              <option key={w.key} value={w.key}>
                {w.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset aria-describedby={errors.events ? `${prefix}-events-error` : undefined}>
        <legend>{t('webhooks.form.events')}</legend>
        {props.eventTypes.map((type) => (
          <label key={type} className="checkbox">
            <input
              type="checkbox"
              name="events"
              value={type}
              checked={form.data.events.includes(type)}
              onChange={(e) =>
                form.setData(
                  'events',
                  e.target.checked
                    ? [...form.data.events, type]
                    : form.data.events.filter((x: string) => x !== type)
                )
              }
            />{' '}
            <code>{type}</code>
          </label>
        ))}
        {errors.events && (
          <span className="error" id={`${prefix}-events-error`} role="alert">
            {errors.events}
          </span>
        )}
      </fieldset>
      <div className="toolbar">
        <button type="submit" className="btn btn-primary" disabled={form.processing}>
          {t(webhook ? 'webhooks.form.save' : 'webhooks.form.create')}
        </button>
        {webhook && (
          <button type="button" className="btn" onClick={props.onDone}>
            {t('webhooks.form.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
