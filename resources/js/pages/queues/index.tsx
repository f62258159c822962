import { Head, Link, router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../types.ts'
import { EmptyState } from '../../components/ui/empty_state.tsx'
import { DueDate, PriorityBadge } from '../../components/processes/badges.tsx'

type Props = InertiaProps<{
  teams: { key: string; name: string }[]
  processes: Data.Process[]
  /** Process id → the team whose queue it is in. */
  queueOf: Record<string, string>
}>

/**
 * My work → Team queues: per team of mine, the open processes nobody has
 * claimed yet (oldest first), each with a Claim button.
 */
export default function TeamQueues({ teams, processes, queueOf }: Props) {
  const { t } = useI18n()
  const claim = (id: number) => router.post(urlFor('processes.claim', { id }), {})

  return (
    <>
      <Head title={t('queues.title')} />
      <div className="page-header">
        <div>
          <p className="muted">{t('queues.breadcrumb')}</p>
          <h1>{t('queues.title')}</h1>
          <p>{t('queues.body')}</p>
        </div>
      </div>
      {teams.length === 0 && (
        <EmptyState title={t('queues.noTeams.title')}>{t('queues.noTeams.body')}</EmptyState>
      )}
      {teams
        .map((team) => ({
          ...team,
          processes: processes.filter((p) => queueOf[String(p.id)] === team.key),
        }))
        .map((team) => (
          <section key={team.key} className="card" aria-labelledby={`queue-${team.key}`}>
            <h2 id={`queue-${team.key}`}>{team.name}</h2>
            <p className="muted">{t('queues.count', { count: team.processes.length })}</p>
            {team.processes.length === 0 ? (
              <p className="muted">{t('queues.empty')}</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('processes.columns.reference')}</th>
                    <th scope="col">{t('processes.columns.title')}</th>
                    <th scope="col">{t('processes.columns.stage')}</th>
                    <th scope="col">{t('processes.columns.priority')}</th>
                    <th scope="col">{t('processes.columns.due')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('queues.claim')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {team.processes.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link href={urlFor('processes.show', { id: p.id })}>{p.reference}</Link>
                      </td>
                      <td>{p.title}</td>
                      <td>{p.stage.name}</td>
                      <td>
                        <PriorityBadge priority={p.priority} />
                      </td>
                      <td>
                        <DueDate dueAt={p.dueAt} overdue={p.overdue} />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="btn btn-sm"
                          aria-label={t('queues.claimFor', { reference: p.reference })}
                          onClick={() => claim(p.id)}
                        >
                          {t('queues.claim')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
    </>
  )
}
