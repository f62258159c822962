import { Link } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { StartProcessButton } from './start_process_button.tsx'
import type { Data } from '../../../../.adonisjs/client/data.js'

export type DesignerView = 'canvas' | 'form'

/**
 * The designer's top: breadcrumbs, title, which version is being edited,
 * the Canvas/Form toggle and, right after publishing, what to do next.
 */
export function DesignerHeader(props: {
  workflow: Data.Workflow | null
  /** Number of the version the editor started from. */
  versionNumber: number | null
  title: string
  hasDraft: boolean
  view: DesignerView
  onView: (view: DesignerView) => void
  justPublished: number | null
}) {
  const { t } = useI18n()
  const { workflow, view, justPublished } = props
  return (
    <>
      <nav className="wf-breadcrumbs" aria-label={t('workflows.breadcrumbs')}>
        <Link href={urlFor('workflows.index')}>{t('workflows.title')}</Link>
        {workflow && (
          <>
            <span aria-hidden="true"> / </span>
            <Link href={urlFor('workflows.show', { key: workflow.key })}>{workflow.name}</Link>
          </>
        )}
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('designer.breadcrumb')}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{props.title}</h1>
          <p>
            {!workflow
              ? t('designer.status.new')
              : props.hasDraft
                ? t('designer.status.draft', { number: workflow.draftVersion })
                : t('designer.status.fromPublished', {
                    number: workflow.publishedVersion ?? props.versionNumber ?? 1,
                  })}
          </p>
        </div>
        <div className="wf-view-toggle" role="group" aria-label={t('designer.view.label')}>
          {(['canvas', 'form'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className={`btn btn-sm${view === option ? ' btn-primary' : ''}`}
              aria-pressed={view === option}
              onClick={() => props.onView(option)}
            >
              {t(`designer.view.${option}`)}
            </button>
          ))}
        </div>
      </div>

      {justPublished !== null && workflow && (
        <div className="alert alert-success wf-published" role="status">
          <span>
            {t('designer.published.body', { number: justPublished, name: workflow.name })}
          </span>
          <div className="form-actions">
            <StartProcessButton
              workflow={workflow}
              className="btn btn-primary btn-sm"
              label={t('workflows.start.buttonLong')}
            />
            <Link className="btn btn-sm" href={urlFor('workflows.show', { key: workflow.key })}>
              {t('designer.published.view')}
            </Link>
          </div>
        </div>
      )}
    </>
  )
}
