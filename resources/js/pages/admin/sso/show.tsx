import { Head, useForm } from '@inertiajs/react'
import { urlFor } from '../../../client.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { AdminNav } from '../../../components/admin/admin_nav.tsx'
import { Field } from '../../../components/ui/field.tsx'
import type { InertiaProps } from '../../../types.ts'

type Props = InertiaProps<{
  configured: boolean
  issuer: string | null
  buttonLabel: string
  roleClaim: string
  teamsClaim: string | null
  settings: { required: boolean; breakGlassEmails: string[] }
}>

export default function SsoSettings(props: Props) {
  const { t } = useI18n()
  const form = useForm({
    required: props.settings.required,
    breakGlassEmails: props.settings.breakGlassEmails.join('\n'),
  })

  return (
    <>
      <Head title={t('audit.sso.title')} />
      <AdminNav />
      <div className="page-header">
        <h1>{t('audit.sso.title')}</h1>
      </div>
      <section className="card">
        {!props.configured ? (
          <p className="alert alert-warning">{t('audit.sso.notConfigured')}</p>
        ) : (
          <dl className="queue-counts">
            <div>
              <dt>{t('audit.sso.issuer')}</dt>
              <dd>{props.issuer}</dd>
            </div>
            <div>
              <dt>{t('audit.sso.button')}</dt>
              <dd>{props.buttonLabel}</dd>
            </div>
            <div>
              <dt>{t('audit.sso.roleClaim')}</dt>
              <dd>{props.roleClaim}</dd>
            </div>
            <div>
              <dt>{t('audit.sso.teamsClaim')}</dt>
              <dd>{props.teamsClaim ?? t('audit.sso.none')}</dd>
            </div>
          </dl>
        )}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            form.put(urlFor('admin.sso.update'))
          }}
        >
          <label className="checkbox">
            <input
              type="checkbox"
              name="required"
              checked={form.data.required}
              onChange={(e) => form.setData('required', e.target.checked)}
            />
            {t('audit.sso.required')}
          </label>
          {form.errors.required && (
            <p className="error" role="alert">
              {form.errors.required}
            </p>
          )}
          <Field
            label={t('audit.sso.breakGlass')}
            hint={t('audit.sso.breakGlassHint')}
            error={form.errors.breakGlassEmails}
          >
            {(control) => (
              <textarea
                {...control}
                name="breakGlassEmails"
                rows={3}
                value={form.data.breakGlassEmails}
                onChange={(e) => form.setData('breakGlassEmails', e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary" disabled={form.processing}>
            {t('audit.sso.save')}
          </button>
        </form>
      </section>
    </>
  )
}
