import { useState } from 'react'
import { Head, Link, useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { EmptyState } from '../../components/ui/empty_state.tsx'
import { ModalDialog } from '../../components/ui/modal_dialog.tsx'
import { StartProcessButton } from '../../components/workflows/start_process_button.tsx'
import { ProblemLocation } from '../../components/workflows/problem_location.tsx'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../types.ts'

type Props = InertiaProps<{
  workflows: Data.Workflow[]
  canDesign: boolean
  /** Problems of the last import, by JSON path (or "file"). */
  importProblems: Record<string, string>
}>

export default function WorkflowsIndex({ workflows, canDesign, importProblems }: Props) {
  const { t } = useI18n()
  const [importing, setImporting] = useState(false)
  const problems = Object.entries(importProblems).filter(([path]) => path.startsWith('$'))
  const fileProblem = importProblems.file

  const actions = canDesign && (
    <div className="form-actions">
      <button type="button" className="btn" onClick={() => setImporting(true)}>
        {t('workflows.import.button')}
      </button>
      <Link className="btn btn-primary" href={urlFor('workflows.create')}>
        {t('workflows.new')}
      </Link>
    </div>
  )

  return (
    <>
      <Head title={t('workflows.title')} />
      <div className="page-header">
        <div>
          <h1>{t('workflows.title')}</h1>
          <p>{t('workflows.subtitle')}</p>
        </div>
        {/* An empty list offers the same actions in its empty state. */}
        {workflows.length > 0 && actions}
      </div>

      {fileProblem && (
        <div className="alert alert-error" role="alert">
          <strong>{t('workflows.import.unreadable')}</strong> {fileProblem}
        </div>
      )}

      {problems.length > 0 && (
        <section className="alert alert-error wf-import-problems" aria-labelledby="import-problems">
          <h2 id="import-problems">
            {t('workflows.import.problemsTitle', { count: problems.length })}
          </h2>
          <p>{t('workflows.import.problemsBody')}</p>
          <ul>
            {problems.map(([path, message]) => (
              <li key={path}>
                <ProblemLocation path={path} />
                <span>{message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="card">
        {workflows.length === 0 ? (
          <EmptyState title={t('workflows.empty.title')} action={actions || undefined}>
            {canDesign ? t('workflows.empty.body') : t('workflows.empty.bodyMember')}
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="wf-table">
              <caption className="sr-only">{t('workflows.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('workflows.columns.name')}</th>
                  <th scope="col" className="hide-sm">
                    {t('workflows.columns.key')}
                  </th>
                  <th scope="col">{t('workflows.columns.published')}</th>
                  <th scope="col" className="hide-sm">
                    {t('workflows.columns.draft')}
                  </th>
                  <th scope="col" className="hide-sm">
                    {t('workflows.columns.processes')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {workflows.map((workflow) => (
                  <tr key={workflow.id}>
                    <td>
                      <Link href={urlFor('workflows.show', { key: workflow.key })}>
                        <strong>{workflow.name}</strong>
                      </Link>
                      {workflow.description && (
                        <div className="wf-muted wf-clamp">{workflow.description}</div>
                      )}
                    </td>
                    <td className="hide-sm">
                      <code>{workflow.key}</code>
                    </td>
                    <td>
                      {workflow.publishedVersion === null ? (
                        <span className="badge">{t('workflows.notPublished')}</span>
                      ) : (
                        <span className="badge badge-success">
                          {t('workflows.versionShort', { number: workflow.publishedVersion })}
                        </span>
                      )}
                    </td>
                    <td className="hide-sm">
                      {workflow.draftVersion === null ? (
                        <span aria-label={t('workflows.noDraft')}>—</span>
                      ) : (
                        <span className="badge wf-badge-draft">
                          {t('workflows.draftShort', { number: workflow.draftVersion })}
                        </span>
                      )}
                    </td>
                    <td className="hide-sm">
                      {t('workflows.processCounts', {
                        active: workflow.counts.active,
                        total: workflow.counts.total,
                      })}
                    </td>
                    <td>
                      <div className="wf-row-actions">
                        {workflow.publishedVersion !== null && (
                          <StartProcessButton workflow={workflow} />
                        )}
                        {workflow.publishedVersion !== null && (
                          <Link
                            className="btn btn-sm"
                            href={urlFor('board.show', { key: workflow.key })}
                            aria-label={t('workflows.boardFor', { name: workflow.name })}
                          >
                            {t('workflows.board')}
                          </Link>
                        )}
                        {canDesign && (
                          <Link
                            className="btn btn-sm"
                            href={urlFor('workflows.edit', { key: workflow.key })}
                            aria-label={t('workflows.designFor', { name: workflow.name })}
                          >
                            {t('workflows.design')}
                          </Link>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

      {canDesign && <ImportDialog open={importing} onClose={() => setImporting(false)} />}
    </>
  )
}

/**
 * Upload of a JSON or YAML definition. It becomes a draft (of a new
 * workflow, or of the one with the same key); problems come back to the
 * list above.
 */
function ImportDialog(props: { open: boolean; onClose: () => void }) {
  const { t } = useI18n()
  const form = useForm<{ file: File | null }>({ file: null })
  const error = form.errors.file

  return (
    <ModalDialog open={props.open} onClose={props.onClose} title={t('workflows.import.title')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          form.post(urlFor('workflows.import'), {
            forceFormData: true,
            preserveScroll: true,
            // Problems in the file come back to the page, not to this dialog.
            onSuccess: () => props.onClose(),
          })
        }}
      >
        <p className="wf-muted">{t('workflows.import.intro')}</p>
        <div className="field">
          <label htmlFor="definition-file">{t('workflows.import.file')}</label>
          <input
            id="definition-file"
            type="file"
            name="file"
            accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
            required
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'definition-file-error' : 'definition-file-hint'}
            onChange={(event) => form.setData('file', event.target.files?.[0] ?? null)}
          />
          <span className="hint" id="definition-file-hint">
            {t('workflows.import.hint')}
          </span>
          {error && (
            <span className="error" id="definition-file-error" role="alert">
              {error}
            </span>
          )}
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={form.processing || !form.data.file}
          >
            {t('workflows.import.submit')}
          </button>
          <button type="button" className="btn" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
