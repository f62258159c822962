import { Head } from '@inertiajs/react'
import { useI18n } from '../../lib/i18n.ts'
import { EmptyState } from '../../components/ui/empty_state.tsx'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../types.ts'

type Props = InertiaProps<{ teams: Data.Team[] }>

/** The teams a manager leads, with their members (read-only; admins change teams). */
export default function LedTeams({ teams }: Props) {
  const { t } = useI18n()
  return (
    <>
      <Head title={t('teams.led.title')} />
      <div className="page-header">
        <div>
          <h1>{t('teams.led.title')}</h1>
          <p>{t('teams.led.subtitle')}</p>
        </div>
      </div>
      {teams.length === 0 ? (
        <EmptyState title={t('teams.led.empty')} />
      ) : (
        teams.map((team) => (
          <section className="card" key={team.key} aria-labelledby={`led-${team.key}`}>
            <h2 id={`led-${team.key}`}>
              {team.name} <code className="wf-mono">{team.key}</code>
            </h2>
            <ul>
              {team.members.map((member) => (
                <li key={member.id}>
                  {member.name} <span className="hint">{member.email}</span>
                  {member.lead && <span className="badge badge-primary">{t('teams.lead')}</span>}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  )
}
