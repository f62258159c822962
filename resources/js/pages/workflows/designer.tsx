import { useEffect, useMemo, useRef, useState } from 'react'
import { Head, Link, router } from '@inertiajs/react'
import { verifyDefinition } from '#engine/verifier'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { ModalDialog } from '../../components/ui/modal_dialog.tsx'
import { WorkflowDiagram } from '../../components/canvas/workflow_diagram.tsx'
import { StartProcessButton } from '../../components/workflows/start_process_button.tsx'
import { StageEditor } from '../../components/workflows/stage_editor.tsx'
import { TransitionEditor } from '../../components/workflows/transition_editor.tsx'
import { ProblemSummary } from '../../components/workflows/problem_summary.tsx'
import { DraftCheckPanel } from '../../components/workflows/draft_check_panel.tsx'
import {
  AccessPanel,
  type WorkflowAccessSettings,
} from '../../components/workflows/access_panel.tsx'
import { DesignerControl, DesignerSection } from '../../components/workflows/designer_control.tsx'
import { DesignerProviders } from '../../components/workflows/designer_providers.tsx'
import {
  DesignerCanvasPanel,
  storeDesignerView,
  storedDesignerView,
} from '../../components/workflows/designer_canvas_panel.tsx'
import { useHistory } from '../../components/workflows/designer_history.ts'
import {
  layoutFromSaved,
  layoutToSave,
  type DesignerSnapshot,
} from '../../components/workflows/canvas_editing.ts'
import { draftCheckOverlay } from '../../components/workflows/draft_check_overlay.ts'
import type { DraftCheckOverlay } from '../../components/canvas/overlay.ts'
import type { CanvasSelection } from '../../components/canvas/workflow_canvas.tsx'
import { expressionFieldsOf } from '../../components/workflows/designer_fields.ts'
import {
  InlineProblems,
  focusElement,
  type DesignerProblem,
} from '../../components/workflows/designer_problems.tsx'
import { indexProblems } from '../../components/workflows/problem_index.ts'
import {
  addField,
  addStage,
  addTransition,
  clearStagePart,
  fromDefinition,
  moveStage,
  removeField,
  removeStage,
  removeTransition,
  setWorkflow,
  starterDocument,
  toDocument,
  updateField,
  updateStage,
  updateTransition,
  type EditorDocument,
} from '../../components/workflows/designer_state.ts'
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

export default function WorkflowsDesigner(props: Props) {
  const { workflow, version, serverProblems, justPublished, access } = props
  const { t } = useI18n()
  const creating = workflow === null

  // The whole editing session (document and canvas positions) is one undo history.
  const history = useHistory<DesignerSnapshot>(() => {
    const initial = version
      ? fromDefinition(version.definition)
      : starterDocument({
          start: t('designer.defaults.start'),
          end: t('designer.defaults.end'),
          transition: t('designer.defaults.transition'),
        })
    return { doc: initial, layout: layoutFromSaved(version?.layout, initial) }
  })
  const doc = history.present.doc
  const document = useMemo(() => toDocument(doc), [doc])
  const layout = useMemo(
    () => layoutToSave(history.present.layout, doc),
    [history.present.layout, doc]
  )
  const serialized = useMemo(() => JSON.stringify([document, layout]), [document, layout])
  const [savedAs, setSavedAs] = useState(serialized)
  const dirty = serialized !== savedAs

  // The engine's own verifier, on every edit: the same rules as the server.
  const verification = useMemo(() => verifyDefinition(document), [document])

  // Server problems are shown until the next edit (after it, the live ones are current).
  const [staleFor, setStaleFor] = useState<object | null>(null)
  const serverList = useMemo<DesignerProblem[]>(() => {
    if (staleFor === serverProblems) return []
    const livePaths = new Set(verification.problems.map((problem) => problem.path))
    const merged = { ...serverProblems, ...(props.errors as Record<string, string> | undefined) }
    return Object.entries(merged)
      .map(([field, message]) => ({
        path: field.startsWith('$') ? field : '$',
        message: String(message),
        fromServer: true,
      }))
      .filter((problem) => !livePaths.has(problem.path))
  }, [serverProblems, props.errors, staleFor, verification.problems])
  const problems = useMemo<DesignerProblem[]>(
    () => [...verification.problems, ...serverList],
    [verification.problems, serverList]
  )
  const problemIndex = useMemo(() => indexProblems(problems), [problems])

  const [announcement, setAnnouncement] = useState('')
  const pendingFocus = useRef<string | null>(null)
  useEffect(() => {
    if (pendingFocus.current) {
      focusElement(pendingFocus.current)
      pendingFocus.current = null
    }
  }, [doc])

  const edit = (change: (current: EditorDocument) => EditorDocument, focus?: string) => {
    if (focus) pendingFocus.current = focus
    history.update((current) => ({ ...current, doc: change(current.doc) }))
    setStaleFor(serverProblems)
  }
  const canvasChange = (
    change: (current: DesignerSnapshot) => DesignerSnapshot,
    focus?: string
  ) => {
    if (focus) pendingFocus.current = focus
    history.update(change, true)
    setStaleFor(serverProblems)
  }
  const [check, setCheck] = useState<DraftCheckOverlay | null>(null)

  /* ----- saving, publishing, leaving ----- */
  const submitting = useRef(false)
  const [processing, setProcessing] = useState(false)
  const [confirmPublish, setConfirmPublish] = useState(false)

  const save = () => {
    const sent = serialized
    submitting.current = true
    setProcessing(true)
    const options = {
      preserveScroll: true,
      preserveState: true,
      onSuccess: (page: { props: Record<string, unknown> }) => {
        const refused = Object.keys((page.props.serverProblems as object) ?? {}).length > 0
        if (refused) {
          focusElement('problems-heading')
        } else {
          setSavedAs(sent)
        }
      },
      onFinish: () => {
        submitting.current = false
        setProcessing(false)
      },
    }
    const payload = { definition: document, layout }
    if (creating) router.post(urlFor('workflows.store'), payload, options)
    else router.put(urlFor('workflows.draft', { key: workflow.key }), payload, options)
  }

  const publish = () => {
    if (!workflow) return
    submitting.current = true
    setProcessing(true)
    router.post(
      urlFor('workflows.publish', { key: workflow.key }),
      {},
      {
        preserveScroll: true,
        preserveState: true,
        onFinish: () => {
          submitting.current = false
          setProcessing(false)
          setConfirmPublish(false)
        },
      }
    )
  }

  const leaveMessage = t('designer.unsaved.confirm')
  useEffect(() => {
    if (!dirty) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    const stopListening = router.on('before', (event: { preventDefault(): void }) => {
      if (submitting.current) return
      if (!window.confirm(leaveMessage)) event.preventDefault()
    })
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
      stopListening()
    }
  }, [dirty, leaveMessage])

  /* ----- derived views ----- */
  const diagram = useMemo(
    () => ({
      name: doc.name,
      stages: doc.stages.map((stage) => ({
        key: stage.key,
        name: stage.name,
        type: stage.type,
        outcome: stage.outcome || undefined,
        sla: ['end', 'decision'].includes(stage.type) ? undefined : stage.sla.trim() || undefined,
        routes: stage.type === 'decision' ? stage.routes : undefined,
        otherwise: stage.type === 'decision' ? stage.otherwise : undefined,
      })),
      transitions: doc.transitions.map((transition) => ({
        key: transition.key,
        from: transition.from,
        to: transition.to,
        label: transition.label,
      })),
    }),
    [doc]
  )
  const expressionFields = useMemo(() => expressionFieldsOf(doc), [doc])
  const fieldKeys = useMemo(() => {
    const seen = new Map<string, string>()
    for (const stage of doc.stages) {
      if (stage.type === 'decision') continue
      for (const field of stage.fields) {
        if (field.key && !seen.has(field.key)) seen.set(field.key, field.label)
      }
    }
    return [...seen].map(([key, label]) => ({ key, label }))
  }, [doc])

  const hasDraft = workflow?.draftVersion !== null && workflow?.draftVersion !== undefined
  const publishBlocker = creating
    ? t('designer.publish.saveFirst')
    : dirty
      ? t('designer.publish.unsaved')
      : problems.length > 0
        ? t('designer.publish.problems')
        : !hasDraft
          ? t('designer.publish.nothing')
          : null

  const renderStage = (
    stage: EditorDocument['stages'][number],
    index: number,
    /** The canvas asks before removing a stage. */
    onRemove?: () => void
  ) => (
    <StageEditor
      key={stage.uid}
      stage={stage}
      index={index}
      count={doc.stages.length}
      transitions={doc.transitions}
      onChange={(patch) => edit((d) => updateStage(d, index, patch))}
      onMove={(delta) => {
        const target = index + delta
        const edge = target === 0 || target === doc.stages.length - 1
        const keep = delta === -1 ? (edge ? 'down' : 'up') : edge ? 'up' : 'down'
        edit((d) => moveStage(d, index, delta), `stage-${stage.uid}-${keep}`)
        setAnnouncement(
          t('designer.stage.moved', {
            name: stage.name || stage.key,
            position: target + 1,
            count: doc.stages.length,
          })
        )
      }}
      onRemove={() => {
        if (onRemove) return onRemove()
        const result = removeStage(doc, index)
        const previous = doc.stages[index - 1]
        edit(() => result.doc, previous ? `stage-${previous.uid}-heading` : 'add-stage')
        setAnnouncement(
          t('designer.stage.removed', {
            name: stage.name || stage.key,
            transitions: result.removedTransitions,
          })
        )
      }}
      onAddField={() => {
        const result = addField(doc, index)
        edit(() => result.doc, `field-${result.uid}-label`)
      }}
      onFieldChange={(fieldIndex, patch) => edit((d) => updateField(d, index, fieldIndex, patch))}
      onFieldRemove={(fieldIndex) =>
        edit((d) => removeField(d, index, fieldIndex), `stage-${stage.uid}-add-field`)
      }
      onClearPart={(part) => edit((d) => clearStagePart(d, index, part))}
    />
  )
  const renderTransition = (transition: EditorDocument['transitions'][number], index: number) => (
    <TransitionEditor
      key={transition.uid}
      transition={transition}
      index={index}
      stages={doc.stages}
      transitions={doc.transitions}
      fieldKeys={fieldKeys}
      onChange={(patch) => edit((d) => updateTransition(d, index, patch))}
      onRemove={() => {
        const previous = doc.transitions[index - 1]
        edit(
          (d) => removeTransition(d, index),
          previous ? `transition-${previous.uid}-heading` : 'add-transition'
        )
        setAnnouncement(
          t('designer.transition.removed', { name: transition.label || transition.key })
        )
      }}
    />
  )

  const [view, setView] = useState<'canvas' | 'form'>(storedDesignerView)
  const [selected, setSelected] = useState<CanvasSelection>(null)
  const chooseView = (next: 'canvas' | 'form') => {
    setView(next)
    storeDesignerView(next)
  }
  const selectedEditor = (requestDelete: (selection: NonNullable<CanvasSelection>) => void) =>
    selected?.kind === 'stage' && doc.stages[selected.index]
      ? renderStage(doc.stages[selected.index]!, selected.index, () =>
          requestDelete({ kind: 'stage', index: selected.index })
        )
      : selected?.kind === 'transition' && doc.transitions[selected.index]
        ? renderTransition(doc.transitions[selected.index]!, selected.index)
        : null

  const workflowProblems = (slot: string) => problemIndex.workflow.get(slot) ?? []
  const title = creating ? t('designer.titleNew') : t('designer.titleEdit', { name: workflow.name })

  return (
    <DesignerProviders problems={problemIndex} fields={expressionFields}>
      <Head title={title} />
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
          <h1>{title}</h1>
          <p>
            {creating
              ? t('designer.status.new')
              : hasDraft
                ? t('designer.status.draft', { number: workflow.draftVersion })
                : t('designer.status.fromPublished', {
                    number: workflow.publishedVersion ?? version?.number ?? 1,
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
              onClick={() => chooseView(option)}
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
              dirty={dirty}
              onResult={(result) => setCheck(result ? draftCheckOverlay(result) : null)}
            />
          )}
          {workflow && access && (
            <AccessPanel workflowKey={workflow.key} initial={access} canManage={access.canManage} />
          )}
        </div>

        <div className="wf-designer-main">
          <section className="card" aria-labelledby="details-heading">
            <h2 id="details-heading">{t('designer.details')}</h2>
            <InlineProblems id="wf-general-problems" problems={workflowProblems('')} />
            <div className="wf-grid">
              <DesignerControl
                id="wf-name"
                label={t('designer.workflow.name')}
                problems={workflowProblems('name')}
              >
                {(control) => (
                  <input
                    {...control}
                    type="text"
                    value={doc.name}
                    maxLength={200}
                    onChange={(event) =>
                      edit((d) =>
                        setWorkflow(d, { name: event.target.value }, { keyEditable: creating })
                      )
                    }
                  />
                )}
              </DesignerControl>
              <DesignerControl
                id="wf-key"
                label={t('designer.workflow.key')}
                problems={workflowProblems('key')}
                hint={creating ? t('designer.workflow.keyHint') : t('designer.workflow.keyFixed')}
              >
                {(control) => (
                  <input
                    {...control}
                    type="text"
                    className="wf-mono"
                    spellCheck={false}
                    autoCapitalize="off"
                    readOnly={!creating}
                    value={doc.key}
                    maxLength={64}
                    onChange={(event) =>
                      edit((d) =>
                        setWorkflow(d, { key: event.target.value }, { keyEditable: creating })
                      )
                    }
                  />
                )}
              </DesignerControl>
            </div>
            <DesignerControl
              id="wf-description"
              label={t('designer.workflow.description')}
              problems={workflowProblems('description')}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  value={doc.description}
                  onChange={(event) =>
                    edit((d) =>
                      setWorkflow(d, { description: event.target.value }, { keyEditable: creating })
                    )
                  }
                />
              )}
            </DesignerControl>
          </section>

          {view === 'canvas' ? (
            <DesignerCanvasPanel
              snapshot={history.present}
              change={canvasChange}
              history={history}
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
            <>
              <DesignerSection
                id="stages"
                heading={t('designer.stages', { count: doc.stages.length })}
                problems={problemIndex.stages}
                addLabel={t('designer.stage.add')}
                onAdd={() => {
                  const result = addStage(
                    doc,
                    t('designer.defaults.stage', { number: doc.stages.length + 1 })
                  )
                  edit(() => result.doc, `stage-${result.uid}-name`)
                }}
              >
                {doc.stages.map((stage, index) => renderStage(stage, index))}
              </DesignerSection>

              <DesignerSection
                id="transitions"
                heading={t('designer.transitions', { count: doc.transitions.length })}
                problems={problemIndex.transitions}
                addLabel={t('designer.transition.add')}
                addDisabled={doc.stages.length === 0}
                onAdd={() => {
                  const result = addTransition(doc)
                  edit(() => result.doc, `transition-${result.uid}-label`)
                }}
              >
                {doc.transitions.map(renderTransition)}
              </DesignerSection>
            </>
          )}
        </div>
      </div>

      <div className="wf-savebar" role="region" aria-label={t('designer.savebar')}>
        <span className={`wf-save-state${dirty ? ' is-dirty' : ''}`}>
          {dirty
            ? t('designer.unsaved.label')
            : creating
              ? t('designer.notSaved')
              : t('designer.saved')}
          {problems.length > 0 && (
            <>
              {' · '}
              <a
                href="#problems-heading"
                onClick={(event) => {
                  event.preventDefault()
                  focusElement('problems-heading')
                }}
              >
                {t('designer.summary.title', { count: problems.length })}
              </a>
            </>
          )}
        </span>
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            // Saving an unchanged workflow would only open an identical draft.
            disabled={processing || (!creating && !dirty)}
            onClick={save}
          >
            {t('designer.save')}
          </button>
          <button
            type="button"
            className="btn"
            disabled={processing || publishBlocker !== null}
            aria-describedby={publishBlocker ? 'publish-blocker' : undefined}
            onClick={() => setConfirmPublish(true)}
          >
            {t('designer.publish.button')}
          </button>
          {publishBlocker && (
            <span id="publish-blocker" className="hint">
              {publishBlocker}
            </span>
          )}
        </div>
      </div>

      <p id="designer-announcer" className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>

      {workflow && (
        <ModalDialog
          open={confirmPublish}
          onClose={() => setConfirmPublish(false)}
          title={t('designer.publish.confirmTitle', {
            number: workflow.draftVersion ?? '',
            name: workflow.name,
          })}
        >
          <p>{t('designer.publish.confirmBody')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={processing}
              onClick={publish}
            >
              {t('designer.publish.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirmPublish(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </ModalDialog>
      )}
    </DesignerProviders>
  )
}
