import { useMemo, useState } from 'react'
import { Head } from '@inertiajs/react'
import { useI18n } from '../../lib/i18n.ts'
import { WorkflowDiagram } from '../../components/canvas/workflow_diagram.tsx'
import { ProblemSummary } from '../../components/workflows/problem_summary.tsx'
import { DraftCheckPanel } from '../../components/workflows/draft_check_panel.tsx'
import {
  AccessPanel,
  type WorkflowAccessSettings,
} from '../../components/workflows/access_panel.tsx'
import { DesignerProviders } from '../../components/workflows/designer_providers.tsx'
import {
  DesignerCanvasPanel,
  storeDesignerView,
  storedDesignerView,
} from '../../components/workflows/designer_canvas_panel.tsx'
import { draftCheckOverlay } from '../../components/workflows/draft_check_overlay.ts'
import type { DraftCheckOverlay } from '../../components/canvas/overlay.ts'
import type { CanvasSelection } from '../../components/canvas/workflow_canvas.tsx'
import { expressionFieldsOf } from '../../components/workflows/designer_fields.ts'
import { useDesignerSession } from '../../components/workflows/use_designer_session.ts'
import { useRowEditors } from '../../components/workflows/designer_row_editors.tsx'
import { diagramOf } from '../../components/workflows/designer_views.ts'
import { DesignerHeader, type DesignerView } from '../../components/workflows/designer_header.tsx'
import { DesignerDetails } from '../../components/workflows/designer_details.tsx'
import { DesignerFormView } from '../../components/workflows/designer_form_view.tsx'
import { DesignerSavebar } from '../../components/workflows/designer_savebar.tsx'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../types.ts'

type Props = InertiaProps<{
  /** Null while creating a new workflow. */
  workflow: Data.Workflow | null
  /** The version the editor starts from: the draft, else the published one. */
  version: Data.WorkflowVersion.Variants['forDefinition'] | null
  /** Problems the server found in the last save, by JSON path. */
  serverProblems: Record<string, string>
  /** The version number just published (right after publishing). */
  justPublished: number | null
  /** Who may start, see and work on its processes (null while creating). */
  access: (WorkflowAccessSettings & { canManage: boolean }) | null
  /** The published version and its active processes per stage (for deleting stages). */
  publishedVersion: { number: number; activeByStage: Record<string, number> } | null
}>

/**
 * The workflow designer: the workflow's details, then its stages and
 * transitions on a canvas or as a form (the same state, see
 * use_designer_session.ts), the live verifier's problems, a draft check
 * against history, access, and the save bar.
 */
export default function WorkflowsDesigner(props: Props) {
  const { workflow, version, justPublished, access } = props
  const { t } = useI18n()
  const creating = workflow === null
  const session = useDesignerSession({
    workflow,
    version,
    serverProblems: props.serverProblems,
    errors: props.errors,
  })
  const { doc, problems, problemIndex, edit } = session

  const [announcement, setAnnouncement] = useState('')
  const [check, setCheck] = useState<DraftCheckOverlay | null>(null)
  const diagram = useMemo(() => diagramOf(doc), [doc])
  const expressionFields = useMemo(() => expressionFieldsOf(doc), [doc])
  const editors = useRowEditors({ doc, edit, announce: setAnnouncement })

  const [view, setView] = useState<DesignerView>(storedDesignerView)
  const [selected, setSelected] = useState<CanvasSelection>(null)
  const chooseView = (next: DesignerView) => {
    setView(next)
    storeDesignerView(next)
  }
  const selectedEditor = (requestDelete: (selection: NonNullable<CanvasSelection>) => void) =>
    selected?.kind === 'stage' && doc.stages[selected.index]
      ? editors.renderStage(doc.stages[selected.index]!, selected.index, () =>
          requestDelete({ kind: 'stage', index: selected.index })
        )
      : selected?.kind === 'transition' && doc.transitions[selected.index]
        ? editors.renderTransition(doc.transitions[selected.index]!, selected.index)
        : null

  const hasDraft = workflow?.draftVersion !== null && workflow?.draftVersion !== undefined
  const title = creating ? t('designer.titleNew') : t('designer.titleEdit', { name: workflow.name })

  return (
    <DesignerProviders problems={problemIndex} fields={expressionFields}>
      <Head title={title} />
      <DesignerHeader
        workflow={workflow}
        versionNumber={version?.number ?? null}
        title={title}
        hasDraft={hasDraft}
        view={view}
        onView={chooseView}
        justPublished={justPublished}
      />

      <div className="wf-designer">
        <div className="wf-designer-side">
          <ProblemSummary problems={problems} doc={doc} headingId="problems-heading" />
          {view === 'form' && (
            <section className="card" aria-labelledby="diagram-heading">
              <h2 id="diagram-heading">{t('designer.diagram')}</h2>
              <WorkflowDiagram definition={diagram} problems={problems} check={check} />
            </section>
          )}
          {workflow && (
            <DraftCheckPanel
              workflowKey={workflow.key}
              hasDraft={hasDraft}
              dirty={session.dirty}
              onResult={(result) => setCheck(result ? draftCheckOverlay(result) : null)}
            />
          )}
          {workflow && access && (
            <AccessPanel workflowKey={workflow.key} initial={access} canManage={access.canManage} />
          )}
        </div>

        <div className="wf-designer-main">
          <DesignerDetails doc={doc} creating={creating} problemIndex={problemIndex} edit={edit} />
          {view === 'canvas' ? (
            <DesignerCanvasPanel
              snapshot={session.history.present}
              change={session.canvasChange}
              history={session.history}
              diagram={diagram}
              problems={problems}
              check={check}
              published={props.publishedVersion}
              selected={selected}
              onSelect={setSelected}
              announce={setAnnouncement}
            >
              {selectedEditor}
            </DesignerCanvasPanel>
          ) : (
            <DesignerFormView doc={doc} problemIndex={problemIndex} edit={edit} editors={editors} />
          )}
        </div>
      </div>

      <DesignerSavebar workflow={workflow} session={session} />
      <p id="designer-announcer" className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </DesignerProviders>
  )
}
