import { Head, Link } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import type { InertiaProps } from '../../types.ts'

type Props = InertiaProps<{
  archived: {
    processId: number
    reference: string
    title: string
    status: string
    stageKey: string
    workflowKey: string
    workflowName: string
    eventCount: number
    createdAt: string
    closedAt: string
    archivedAt: string
    bundle: string
    bundleMonth: string
  }
}>

/**
 * The page of an archived process: its stub (reference, title, outcome)
 * and the bundle that holds its history. An admin brings it back with
 * `node ace archive:restore <reference>`.
 */
export default function ArchivedProcess({ archived }: Props) {
  const { t, formatDateTime } = useI18n()
  const title = `${archived.reference} · ${archived.title}`
  return (
    <>
      <Head title={title} />
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          <p>
            <span className="badge">{t('archives.page.badge')}</span> · {archived.workflowName}
          </p>
        </div>
        <div className="form-actions">
          <Link className="btn" href={urlFor('processes.index')}>
            {t('archives.page.backToList')}
          </Link>
        </div>
      </div>
      <section className="card" aria-labelledby="archived-where">
        <h2 id="archived-where">{t('archives.page.whereTitle')}</h2>
        <p>{t('archives.page.where', { bundle: archived.bundle, month: archived.bundleMonth })}</p>
        <dl className="details">
          <dt>{t('archives.page.outcome')}</dt>
          <dd>
            {t('archives.page.outcomeValue', { status: archived.status, stage: archived.stageKey })}
          </dd>
          <dt>{t('archives.page.created')}</dt>
          <dd>{formatDateTime(archived.createdAt)}</dd>
          <dt>{t('archives.page.closed')}</dt>
          <dd>{formatDateTime(archived.closedAt)}</dd>
          <dt>{t('archives.page.archivedAt')}</dt>
          <dd>{formatDateTime(archived.archivedAt)}</dd>
          <dt>{t('archives.page.events')}</dt>
          <dd>{t('archives.page.eventCount', { count: archived.eventCount })}</dd>
          <dt>{t('archives.page.bundle')}</dt>
          <dd>
            <code>{archived.bundle}</code>
          </dd>
        </dl>
        <p className="hint">{t('archives.page.restoreHint', { reference: archived.reference })}</p>
      </section>
    </>
  )
}
