import { useI18n } from '../../lib/i18n.ts'

export type MyTeam = { key: string; name: string; lead: boolean }

/** The profile's "Teams": the teams the user belongs to (what `user.teams` holds in guards). */
export function MyTeams(props: { teams: MyTeam[] }) {
  const { t } = useI18n()
  return (
    <section className="card" aria-labelledby="teams-title">
      <h2 id="teams-title">{t('teams.profile.title')}</h2>
      {props.teams.length === 0 ? (
        <p className="hint">{t('teams.profile.none')}</p>
      ) : (
        <ul>
          {props.teams.map((team) => (
            <li key={team.key}>
              {team.name} <code className="wf-mono">{team.key}</code>
              {team.lead && <span className="badge badge-primary">{t('teams.profile.lead')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
