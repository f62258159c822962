import { Head, router, useForm, usePage } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Field, PasswordField } from '../../components/ui/field.tsx'
import { EmptyState } from '../../components/ui/empty_state.tsx'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../types.ts'
import { MyTeams, type MyTeam } from '../../components/profile/my_teams.tsx'
import { AbsenceForm, type Absence } from '../../components/profile/absence_form.tsx'

type Token = {
  id: string
  name: string
  lastUsedAt: string | null
  expiresAt: string | null
  createdAt: string
}
type Props = InertiaProps<{
  profile: Data.User
  tokens: Token[]
  teams: MyTeam[]
  absence: Absence
}>

export default function ProfileShow({ profile, tokens, teams, absence }: Props) {
  const { t, formatDateTime } = useI18n()
  const newToken = (usePage() as unknown as { flash?: { newToken?: string } }).flash?.newToken

  const nameForm = useForm({ name: profile.name })
  const passwordForm = useForm({ currentPassword: '', password: '', passwordConfirmation: '' })
  const tokenForm = useForm({ name: '' })

  return (
    <>
      <Head title={t('profile.title')} />
      <div className="page-header">
        <div>
          <h1>{t('profile.title')}</h1>
          <p>
            {profile.email} · {t(`roles.${profile.role}`)}
          </p>
        </div>
      </div>

      <form
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          nameForm.put(urlFor('profile.update'), { preserveScroll: true })
        }}
      >
        <h2>{t('profile.details')}</h2>
        <Field label={t('users.columns.name')} error={nameForm.errors.name}>
          {(c) => (
            <input
              {...c}
              type="text"
              name="name"
              value={nameForm.data.name}
              onChange={(e) => nameForm.setData('name', e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="btn btn-primary" disabled={nameForm.processing}>
          {t('common.save')}
        </button>
      </form>

      <AbsenceForm absence={absence} />

      <form
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          passwordForm.put(urlFor('profile.password'), {
            preserveScroll: true,
            onSuccess: () => passwordForm.reset(),
          })
        }}
      >
        <h2>{t('profile.changePassword')}</h2>
        <PasswordField
          label={t('profile.currentPassword')}
          error={passwordForm.errors.currentPassword}
          autoComplete="current-password"
          value={passwordForm.data.currentPassword}
          onChange={(value) => passwordForm.setData('currentPassword', value)}
        />
        <PasswordField
          label={t('profile.newPassword')}
          hint={t('users.passwordHint')}
          error={passwordForm.errors.password}
          autoComplete="new-password"
          value={passwordForm.data.password}
          onChange={(value) => passwordForm.setData('password', value)}
        />
        <PasswordField
          label={t('profile.confirmPassword')}
          error={passwordForm.errors.passwordConfirmation}
          autoComplete="new-password"
          value={passwordForm.data.passwordConfirmation}
          onChange={(value) => passwordForm.setData('passwordConfirmation', value)}
        />
        <button type="submit" className="btn btn-primary" disabled={passwordForm.processing}>
          {t('profile.changePassword')}
        </button>
      </form>

      <MyTeams teams={teams} />

      <section className="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t('profile.tokens.title')}</h2>
        <p className="hint">{t('profile.tokens.body')}</p>
        {newToken && (
          <div className="alert alert-success" role="status">
            <p>{t('profile.tokens.copyNow')}</p>
            <div className="secret" data-testid="new-token">
              {newToken}
            </div>
          </div>
        )}
        <form
          className="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            tokenForm.post(urlFor('profile.tokens.store'), {
              preserveScroll: true,
              onSuccess: () => tokenForm.reset(),
            })
          }}
        >
          <Field label={t('profile.tokens.name')} error={tokenForm.errors.name}>
            {(c) => (
              <input
                {...c}
                type="text"
                value={tokenForm.data.name}
                onChange={(e) => tokenForm.setData('name', e.target.value)}
                placeholder={t('profile.tokens.namePlaceholder')}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary" disabled={tokenForm.processing}>
            {t('profile.tokens.create')}
          </button>
        </form>
        {tokens.length === 0 ? (
          <EmptyState title={t('profile.tokens.empty.title')}>
            {t('profile.tokens.empty.body')}
          </EmptyState>
        ) : (
          <div className="table-wrap" style={{ marginTop: '1rem' }}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('profile.tokens.name')}</th>
                  <th scope="col" className="hide-sm">
                    {t('profile.tokens.created')}
                  </th>
                  <th scope="col">{t('profile.tokens.lastUsed')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <td>{token.name}</td>
                    <td className="hide-sm">{formatDateTime(token.createdAt)}</td>
                    <td>
                      {token.lastUsedAt
                        ? formatDateTime(token.lastUsedAt)
                        : t('profile.tokens.never')}
                    </td>
                    <td style={{ textAlign: 'right' }}>
                      <button
                        type="button"
                        className="btn btn-danger btn-sm"
                        onClick={() =>
                          window.confirm(t('profile.tokens.confirmRevoke', { name: token.name })) &&
                          router.delete(urlFor('profile.tokens.destroy', { id: token.id }), {
                            preserveScroll: true,
                          })
                        }
                      >
                        {t('profile.tokens.revoke')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}
