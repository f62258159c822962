import { useState } from 'react'
import { Head, Link, router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { WorkflowDiagram } from '../../components/canvas/workflow_diagram.tsx'
import { StartProcessButton } from '../../components/workflows/start_process_button.tsx'
import { VersionComparison } from '../../components/workflows/version_comparison.tsx'
import { FlowOverlayTable } from '../../components/workflows/flow_overlay_table.tsx'
import { WorkflowHooks, type HookView } from '../../components/workflows/workflow_hooks.tsx'
import type { FlowOverlay } from '../../components/canvas/overlay.ts'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../types.ts'

type Version = Data.WorkflowVersion
/** The overlay as plain object types (page props must be JSON-shaped, which interfaces are not). */
type Plain<T> = T extends object ? { [K in keyof T]: Plain<T[K]> } : T
type Props = InertiaProps<{
  workflow: Data.Workflow
  versions: Version[]
  /** The latest published version, else the draft. */
  preview: Data.WorkflowVersion.Variants['forDefinition'] | null
  comparison: Data.WorkflowDiff | null
  canDesign: boolean
  /** Where processes of the published version went in the last `flowDays` days; null unpublished. */
  flow: Plain<FlowOverlay> | null
  flowDays: number
  /** Inbound webhooks; null when the viewer may not manage them. */
  hooks: HookView[] | null
}>

export default function WorkflowsShow({
  workflow,
  versions,
  preview,
  comparison,
  canDesign,
  flow,
  flowDays,
  hooks,
}: Props) {
  const { t, formatDateTime } = useI18n()
  const published = workflow.publishedVersion !== null

  return (
    <>
      <Head title={workflow.name} />
      <nav className="wf-breadcrumbs" aria-label={t('workflows.breadcrumbs')}>
        <Link href={urlFor('workflows.index')}>{t('workflows.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{workflow.name}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{workflow.name}</h1>
          <p className="wf-meta">
            <code>{workflow.key}</code>
            {published ? (
              <span className="badge badge-success">
                {t('workflows.publishedVersion', { number: workflow.publishedVersion })}
              </span>
            ) : (
              <span className="badge">{t('workflows.notPublished')}</span>
            )}
            {workflow.draftVersion !== null && (
              <span className="badge wf-badge-draft">
                {t('workflows.draftVersion', { number: workflow.draftVersion })}
              </span>
            )}
            <span>
              {t('workflows.processCounts', {
                active: workflow.counts.active,
                total: workflow.counts.total,
              })}
            </span>
          </p>
        </div>
        <div className="form-actions">
          {published && (
            <StartProcessButton
              workflow={workflow}
              className="btn btn-primary"
              label={t('workflows.start.buttonLong')}
            />
          )}
          {published && (
            <Link className="btn" href={urlFor('board.show', { key: workflow.key })}>
              {t('workflows.board')}
            </Link>
          )}
          {canDesign && (
            <Link className="btn" href={urlFor('workflows.edit', { key: workflow.key })}>
              {workflow.draftVersion !== null ? t('workflows.editDraft') : t('workflows.design')}
            </Link>
          )}
        </div>
      </div>

      {workflow.description && <p className="wf-description">{workflow.description}</p>}

      <section className="card" aria-labelledby="diagram-heading">
        <div className="wf-card-header">
          <h2 id="diagram-heading">{t('workflows.show.diagram')}</h2>
          {preview && (
            <span className="wf-muted">
              {preview.status === 'draft'
                ? t('workflows.show.previewDraft', { number: preview.number })
                : t('workflows.show.previewPublished', { number: preview.number })}
            </span>
          )}
        </div>
        {preview ? (
          <WorkflowDiagram
            definition={preview.definition}
            flow={preview.status === 'published' ? (flow as FlowOverlay | null) : null}
          />
        ) : (
          <p className="wf-muted">{t('workflows.show.noVersion')}</p>
        )}
      </section>

      {flow && preview?.status === 'published' && (
        <FlowOverlayTable
          workflowKey={workflow.key}
          flow={flow}
          days={flowDays}
          stages={preview.definition.stages}
          transitions={preview.definition.transitions}
        />
      )}

      <div className="wf-columns">
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">{t('workflows.show.history')}</h2>
          <div className="table-wrap">
            <table className="wf-history">
              <caption className="sr-only">{t('workflows.show.history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('workflows.show.version')}</th>
                  <th scope="col">{t('workflows.show.publishedAt')}</th>
                  <th scope="col">{t('workflows.show.export')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr key={version.id}>
                    <th scope="row">
                      <span className="wf-version-number">
                        {t('workflows.versionShort', { number: version.number })}
                      </span>{' '}
                      <span className={`badge ${STATUS_BADGE[version.status]}`}>
                        {t(`workflows.status.${version.status}`)}
                      </span>
                    </th>
                    <td>
                      {version.publishedAt ? (
                        <>
                          {formatDateTime(version.publishedAt)}
                          {version.publishedBy && (
                            <div className="wf-muted">
                              {t('workflows.show.by', { name: version.publishedBy.name })}
                            </div>
                          )}
                        </>
                      ) : (
                        <span className="wf-muted">{t('workflows.show.notYet')}</span>
                      )}
                    </td>
                    <td>
                      <ExportLinks workflowKey={workflow.key} number={version.number} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section className="card" aria-labelledby="compare-heading">
          <h2 id="compare-heading">{t('workflows.show.compare')}</h2>
          {versions.length < 2 ? (
            <p className="wf-muted">{t('workflows.show.compareNeedsTwo')}</p>
          ) : (
            <CompareForm
              workflowKey={workflow.key}
              versions={versions}
              from={comparison?.from.number}
              to={comparison?.to.number}
            />
          )}
          {comparison && versions.length >= 2 && (
            <div aria-live="polite">
              <h3 className="wf-diff-title">
                {t('workflows.diff.title', {
                  from: comparison.from.number,
                  to: comparison.to.number,
                })}
              </h3>
              <VersionComparison comparison={comparison} />
            </div>
          )}
        </section>
      </div>
      {hooks && <WorkflowHooks workflowKey={workflow.key} hooks={hooks} />}
    </>
  )
}

const STATUS_BADGE: Record<string, string> = {
  published: 'badge-success',
  draft: 'wf-badge-draft',
  archived: '',
}

function ExportLinks(props: { workflowKey: string; number: number }) {
  const { t } = useI18n()
  return (
    <span className="wf-export-links">
      {(['json', 'yaml'] as const).map((format) => (
        <a
          key={format}
          href={urlFor(
            'workflows.export',
            { key: props.workflowKey, number: props.number },
            { qs: { format } }
          )}
          download
          aria-label={t('workflows.show.exportAs', {
            format: format.toUpperCase(),
            number: props.number,
          })}
        >
          {format.toUpperCase()}
        </a>
      ))}
    </span>
  )
}

function CompareForm(props: {
  workflowKey: string
  versions: Version[]
  from?: number
  to?: number
}) {
  const { t } = useI18n()
  const [from, setFrom] = useState(String(props.from ?? props.versions[1]!.number))
  const [to, setTo] = useState(String(props.to ?? props.versions[0]!.number))

  return (
    <form
      className="inline-form wf-compare-form"
      onSubmit={(event) => {
        event.preventDefault()
        router.get(
          urlFor('workflows.show', { key: props.workflowKey }),
          { from, to },
          { preserveScroll: true, preserveState: true, only: ['comparison'], replace: true }
        )
      }}
    >
      <div className="field">
        <label htmlFor="compare-from">{t('workflows.show.compareFrom')}</label>
        <select id="compare-from" value={from} onChange={(event) => setFrom(event.target.value)}>
          {props.versions.map((version) => (
            <option key={version.id} value={version.number}>
              {t('workflows.versionOption', {
                number: version.number,
                status: t(`workflows.status.${version.status}`),
              })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="compare-to">{t('workflows.show.compareTo')}</label>
        <select id="compare-to" value={to} onChange={(event) => setTo(event.target.value)}>
          {props.versions.map((version) => (
            <option key={version.id} value={version.number}>
              {t('workflows.versionOption', {
                number: version.number,
                status: t(`workflows.status.${version.status}`),
              })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn">
        {t('workflows.show.compareSubmit')}
      </button>
    </form>
  )
}
