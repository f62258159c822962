import { Head, Link, useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Field } from '../../components/ui/field.tsx'

export default function UsersCreate() {
  const { t } = useI18n()
  const form = useForm({ name: '', email: '', password: '', role: 'member' })

  return (
    <>
      <Head title={t('users.new')} />
      <div className="page-header">
        <h1>{t('users.new')}</h1>
      </div>
      <form
        className="card"
        style={{ maxWidth: 560 }}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          form.post(urlFor('users.store'))
        }}
      >
        <Field label={t('users.columns.name')} error={form.errors.name}>
          {(c) => (
            <input
              {...c}
              type="text"
              name="name"
              required
              value={form.data.name}
              onChange={(e) => form.setData('name', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('users.columns.email')} error={form.errors.email}>
          {(c) => (
            <input
              {...c}
              type="email"
              name="email"
              required
              value={form.data.email}
              onChange={(e) => form.setData('email', e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('users.initialPassword')}
          hint={t('users.passwordHint')}
          error={form.errors.password}
        >
          {(c) => (
            <input
              {...c}
              type="password"
              name="password"
              autoComplete="new-password"
              required
              value={form.data.password}
              onChange={(e) => form.setData('password', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('users.columns.role')} error={form.errors.role}>
          {(c) => (
            <select
              {...c}
              name="role"
              value={form.data.role}
              onChange={(e) => form.setData('role', e.target.value)}
            >
              <option value="member">{t('roles.member')}</option>
              <option value="manager">{t('roles.manager')}</option>
              <option value="admin">{t('roles.admin')}</option>
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={form.processing}>
            {t('users.create')}
          </button>
          <Link className="btn" href={urlFor('users.index')}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  )
}
