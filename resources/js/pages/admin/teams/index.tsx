import { Head, useForm } from '@inertiajs/react'
import { urlFor } from '../../../client.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { EmptyState } from '../../../components/ui/empty_state.tsx'
import { Field } from '../../../components/ui/field.tsx'
import { AdminNav } from '../../../components/admin/admin_nav.tsx'
import { TeamCard } from '../../../components/admin/team_card.tsx'
import type { Data } from '../../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../../types.ts'

type Props = InertiaProps<{ teams: Data.Team[]; people: Data.Person[] }>

/** Admin → Teams: every team with its members and leads, and a form for a new one. */
export default function TeamsIndex({ teams, people }: Props) {
  const { t } = useI18n()
  const form = useForm({ key: '', name: '' })

  return (
    <>
      <Head title={t('teams.title')} />
      <AdminNav />
      <div className="page-header">
        <div>
          <h1>{t('teams.title')}</h1>
          <p>{t('teams.subtitle', { count: teams.length })}</p>
        </div>
      </div>

      <form
        className="card inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          form.post(urlFor('admin.teams.store'), { onSuccess: () => form.reset() })
        }}
      >
        <Field label={t('teams.name')} error={form.errors.name}>
          {(c) => (
            <input
              {...c}
              value={form.data.name}
              onChange={(e) => form.setData('name', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('teams.key')} hint={t('teams.keyHint')} error={form.errors.key}>
          {(c) => (
            <input
              {...c}
              className="wf-mono"
              value={form.data.key}
              onChange={(e) => form.setData('key', e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="btn btn-primary" disabled={form.processing}>
          {t('teams.create')}
        </button>
      </form>

      {teams.length === 0 ? (
        <EmptyState title={t('teams.empty.title')}>{t('teams.empty.body')}</EmptyState>
      ) : (
        teams.map((team) => <TeamCard key={team.key} team={team} people={people} />)
      )}
    </>
  )
}
