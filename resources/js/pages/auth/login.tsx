import { Head, useForm, usePage } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Field } from '../../components/ui/field.tsx'
import type { InertiaProps } from '../../types.ts'

type Props = InertiaProps<{
  retryAfter?: number
  throttle?: 'account' | 'address' | 'everyone'
  sso?: { label: string } | null
}>

const THROTTLE_MESSAGES = {
  account: 'auth.throttled',
  address: 'auth.throttledAddress',
  everyone: 'auth.throttledEveryone',
} as const

export default function Login({ retryAfter, throttle, sso }: Props) {
  const { t } = useI18n()
  const pageErrors = usePage<Props>().props.errors as Record<string, string>
  const form = useForm({ email: '', password: '', remember: false })

  const credentialsError = pageErrors.E_INVALID_CREDENTIALS ? t('auth.invalidCredentials') : null
  const throttled = retryAfter
    ? t(THROTTLE_MESSAGES[throttle ?? 'account'], {
        minutes: Math.max(1, Math.ceil(retryAfter / 60)),
      })
    : null

  return (
    <>
      <Head title={t('auth.title')} />
      <div className="card">
        <h1>{t('auth.title')}</h1>
        <p className="hint">{t('auth.subtitle')}</p>

        {(credentialsError || throttled) && (
          <div className="alert alert-error" role="alert">
            {throttled ?? credentialsError}
          </div>
        )}

        {sso && (
          <>
            {/* A plain link, not an Inertia visit: the provider's page is another site. */}
            <a className="btn btn-primary" style={{ width: '100%' }} href={urlFor('sso.redirect')}>
              {t('auth.sso.signInWith', { label: sso.label })}
            </a>
            <p className="hint" style={{ textAlign: 'center' }}>
              {t('auth.sso.or')}
            </p>
          </>
        )}

        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            form.post(urlFor('session.store'), { onFinish: () => form.reset('password') })
          }}
        >
          <Field label={t('auth.email')} error={form.errors.email}>
            {(control) => (
              <input
                {...control}
                type="email"
                name="email"
                autoComplete="username"
                autoFocus
                required
                value={form.data.email}
                onChange={(e) => form.setData('email', e.target.value)}
              />
            )}
          </Field>
          <Field label={t('auth.password')} error={form.errors.password}>
            {(control) => (
              <input
                {...control}
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={form.data.password}
                onChange={(e) => form.setData('password', e.target.value)}
              />
            )}
          </Field>
          <label className="checkbox">
            <input
              type="checkbox"
              name="remember"
              checked={form.data.remember}
              onChange={(e) => form.setData('remember', e.target.checked)}
            />
            {t('auth.remember')}
          </label>
          <button
            type="submit"
            className="btn btn-primary"
            style={{ width: '100%' }}
            disabled={form.processing}
          >
            {form.processing ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </form>
      </div>
    </>
  )
}
