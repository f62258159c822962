import { Head, Link } from '@inertiajs/react'
import { urlFor } from '../client.ts'
import { useI18n } from '../lib/i18n.ts'
import { EmptyState } from '../components/ui/empty_state.tsx'
import { DueDate, PriorityBadge } from '../components/processes/badges.tsx'
import type { Data } from '../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../types.ts'

type CountName = 'myOpen' | 'myOverdue' | 'myDueSoon'

type Props = InertiaProps<{
  myTasks: Data.Process[]
  counts: Record<CountName, number>
  /** Counts that reached the list's cap: shown as "10,000+". */
  countsCapped: Record<CountName, boolean>
  countFilters: Record<CountName, Record<string, string>>
  workflows: Data.WorkflowStanding[]
  activity: Data.ProcessActivity[]
}>

const list = (qs: Record<string, string>) => urlFor('processes.index', {}, { qs })

export default function Dashboard({
  user,
  myTasks,
  counts,
  countsCapped,
  countFilters,
  workflows,
  activity,
}: Props) {
  const { t } = useI18n()
  const figure = useFigure()

  const stats: { name: CountName; tone?: string }[] = [
    { name: 'myOpen' },
    { name: 'myOverdue', tone: counts.myOverdue > 0 ? 'stat-danger' : undefined },
    { name: 'myDueSoon', tone: counts.myDueSoon > 0 ? 'stat-warning' : undefined },
  ]

  return (
    <>
      <Head title={t('nav.dashboard')} />
      <div className="page-header">
        <div>
          <h1>{t('dashboard.greeting', { name: user?.name ?? '' })}</h1>
          <p>{t('dashboard.subtitle')}</p>
        </div>
        <Link className="btn btn-primary" href={urlFor('processes.create')}>
          {t('processes.list.start')}
        </Link>
      </div>

      <ul className="grid stats" aria-label={t('dashboard.stats.label')}>
        {stats.map(({ name, tone }) => (
          <li key={name}>
            <Link className={`card stat ${tone ?? ''}`} href={list(countFilters[name])}>
              <span className="value">{figure(counts[name], countsCapped[name])}</span>
              <span className="label">{t(`dashboard.stats.${name}`, { count: counts[name] })}</span>
            </Link>
          </li>
        ))}
      </ul>

      <div className="dashboard-layout">
        <section className="card" aria-labelledby="my-tasks">
          <div className="section-header">
            <h2 id="my-tasks">{t('dashboard.myTasks')}</h2>
            {counts.myOpen > myTasks.length && (
              <Link href={list({ ...countFilters.myOpen, sort: 'due_at', direction: 'asc' })}>
                {countsCapped.myOpen
                  ? t('dashboard.allTasksCapped', { count: counts.myOpen })
                  : t('dashboard.allTasks', { count: counts.myOpen })}
              </Link>
            )}
          </div>
          {myTasks.length === 0 ? (
            <EmptyState
              title={t('dashboard.noTasks.title')}
              action={
                <Link className="btn" href={list({ assignee: 'none', status: 'active' })}>
                  {t('dashboard.noTasks.action')}
                </Link>
              }
            >
              {t('dashboard.noTasks.body')}
            </EmptyState>
          ) : (
            <ul className="task-list">
              {myTasks.map((task) => (
                <li key={task.id} className={task.overdue ? 'task is-overdue' : 'task'}>
                  <Link href={urlFor('processes.show', { id: task.id })} className="task-link">
                    <span className="task-ref">{task.reference}</span>
                    <span className="task-title">{task.title}</span>
                  </Link>
                  <span className="task-meta">
                    <span>
                      {task.workflow.name} · {task.stage.name}
                    </span>
                    <PriorityBadge priority={task.priority} />
                    <DueDate dueAt={task.dueAt} overdue={task.overdue} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="recent-activity">
          <h2 id="recent-activity">{t('dashboard.activity.title')}</h2>
          {activity.length === 0 ? (
            <EmptyState title={t('dashboard.activity.empty.title')}>
              {t('dashboard.activity.empty.body')}
            </EmptyState>
          ) : (
            <ActivityFeed events={activity} />
          )}
        </section>
      </div>

      <section aria-labelledby="my-workflows" className="workflow-standings">
        <h2 id="my-workflows">{t('dashboard.workflows.title')}</h2>
        {workflows.length === 0 ? (
          <div className="card">
            <EmptyState
              title={t('dashboard.workflows.empty.title')}
              action={
                <Link className="btn" href={urlFor('workflows.index')}>
                  {t('dashboard.workflows.empty.action')}
                </Link>
              }
            >
              {t('dashboard.workflows.empty.body')}
            </EmptyState>
          </div>
        ) : (
          <div className="standing-grid">
            {workflows.map((workflow) => (
              <WorkflowStanding key={workflow.key} workflow={workflow} />
            ))}
          </div>
        )}
      </section>
    </>
  )
}

/** A count as a person reads it: "10,000+" when it reached the cap. */
function useFigure() {
  const { t } = useI18n()
  return (count: number, capped: boolean) =>
    t(capped ? 'dashboard.countCapped' : 'dashboard.count', { count })
}

function WorkflowStanding({ workflow }: { workflow: Data.WorkflowStanding }) {
  const { t } = useI18n()
  const figure = useFigure()
  const headingId = `standing-${workflow.key}`
  const statuses = ['active', 'completed', 'cancelled', 'failed'] as const
  return (
    <article className="card standing" aria-labelledby={headingId}>
      <div className="section-header">
        <h3 id={headingId}>{workflow.name}</h3>
        <Link href={urlFor('board.show', { key: workflow.key })} className="btn btn-sm">
          {t('dashboard.workflows.board')}
        </Link>
      </div>
      <h4 className="standing-label">{t('dashboard.workflows.byStatus')}</h4>
      <ul className="count-chips">
        {statuses.map((status) => (
          <li key={status}>
            <Link href={list({ workflow: workflow.key, status })} className={`chip chip-${status}`}>
              <span className="chip-count">
                {figure(workflow.byStatus[status], workflow.statusCapped[status])}
              </span>{' '}
              {t(`processes.status.${status}`)}
              <span className="sr-only">
                {' '}
                {t('dashboard.workflows.statusLink', { workflow: workflow.name })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <h4 className="standing-label">{t('dashboard.workflows.byStage')}</h4>
      <ol className="stage-counts">
        {workflow.byStage.map((stage) => (
          <li key={stage.key}>
            <Link href={list({ workflow: workflow.key, stage: stage.key, status: 'active' })}>
              <span className="stage-name">{stage.name}</span>{' '}
              <span className="stage-count">{figure(stage.count, stage.capped)}</span>
              <span className="sr-only">
                {' '}
                {t('dashboard.workflows.stageLink', { workflow: workflow.name })}
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </article>
  )
}

function ActivityFeed({ events }: { events: Data.ProcessActivity[] }) {
  const { t, formatDateTime } = useI18n()
  const sentence = (e: Data.ProcessActivity) => {
    const who = e.actor?.name ?? t('processes.timeline.system')
    switch (e.type) {
      case 'started':
        return t('dashboard.activity.started', { who })
      case 'transitioned':
        if (e.route) return t('dashboard.activity.routed', { to: e.toStageName ?? '' })
        return t('dashboard.activity.transitioned', {
          who,
          from: e.fromStageName ?? '',
          to: e.toStageName ?? '',
        })
      case 'assigned':
        return e.assignee
          ? t('dashboard.activity.assigned', { who, name: e.assignee.name })
          : t('dashboard.activity.unassigned', { who })
      case 'commented':
        return t('dashboard.activity.commented', { who })
      case 'data_updated':
        return t('dashboard.activity.dataUpdated', { who })
      case 'cancelled':
        return t('dashboard.activity.cancelled', { who })
      case 'sla_breached':
        return t('dashboard.activity.slaBreached', { stage: e.payloadStageName ?? '' })
      default:
        return t('processes.timeline.other', { who, type: e.type })
    }
  }
  return (
    <ol className="activity-feed">
      {events.map((event) => (
        <li key={event.id}>
          <span>
            {event.process ? (
              <Link href={urlFor('processes.show', { id: event.process.id })}>
                {event.process.reference}
              </Link>
            ) : null}{' '}
            {sentence(event)}
          </span>
          <time dateTime={event.occurredAt} className="muted">
            {formatDateTime(event.occurredAt)}
          </time>
        </li>
      ))}
    </ol>
  )
}
