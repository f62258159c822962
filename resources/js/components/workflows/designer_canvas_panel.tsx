import { useMemo, useState, type ReactNode } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import '../../lib/canvas_messages.ts'
import { WorkflowDiagram } from '../canvas/workflow_diagram.tsx'
import type {
  CanvasEditor,
  CanvasSelection,
  WorkflowCanvasProps,
} from '../canvas/workflow_canvas.tsx'
import { focusElement } from './designer_problems.tsx'
import {
  addStageOfKind,
  connect,
  deleteStage,
  deleteTransition,
  moveStages,
  type DesignerSnapshot,
} from './canvas_editing.ts'
import { ConnectDialog, DeleteStageDialog } from './canvas_dialogs.tsx'

const KINDS = ['start', 'task', 'decision', 'end'] as const

type Selection = NonNullable<CanvasSelection>

/**
 * The designer's canvas view: a palette to add stages of a kind, commands
 * (undo, redo, connect, delete), the editable canvas (select, move,
 * connect, keyboard) and, below it, the form editor of the selected stage
 * or transition (the same editors as the form view).
 */
export function DesignerCanvasPanel(props: {
  snapshot: DesignerSnapshot
  /** One undoable step; `focus` is the id of the element to focus after it. */
  change: (change: (current: DesignerSnapshot) => DesignerSnapshot, focus?: string) => void
  history: { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean }
  diagram: WorkflowCanvasProps['definition']
  problems: readonly { path: string }[]
  check: WorkflowCanvasProps['check']
  published: { number: number; activeByStage: Record<string, number> } | null
  selected: CanvasSelection
  onSelect: (selection: CanvasSelection) => void
  announce: (message: string) => void
  /** The editor of the selected element; `requestDelete` asks before deleting a stage. */
  children: (requestDelete: (selection: Selection) => void) => ReactNode
}) {
  const { t } = useI18n()
  const { snapshot, change, selected, onSelect, announce } = props
  const doc = snapshot.doc
  const [connectFrom, setConnectFrom] = useState<number | null>(null)
  const [deleting, setDeleting] = useState<number | null>(null)
  const nameOf = (index: number) => doc.stages[index]?.name.trim() || doc.stages[index]?.key || ''

  const focusLater = (id: string) => setTimeout(() => focusElement(id), 0)
  const open = (selection: Selection) => {
    onSelect(selection)
    const row =
      selection.kind === 'stage' ? doc.stages[selection.index] : doc.transitions[selection.index]
    if (row)
      focusLater(`${selection.kind}-${row.uid}-${selection.kind === 'stage' ? 'name' : 'label'}`)
  }
  const connectStages = (from: number, to: number) => {
    const result = connect(snapshot, from, to)
    // From the "Connect to…" dialog, focus goes back to where it was opened.
    change(
      () => result.snapshot,
      connectFrom === null ? `transition-${result.uid}-label` : undefined
    )
    onSelect({ kind: 'transition', index: result.index })
    setConnectFrom(null)
    announce(t('canvas_editor.connected', { from: nameOf(from), to: nameOf(to) }))
  }
  const requestDelete = (selection: Selection) => {
    if (selection.kind === 'stage') return setDeleting(selection.index)
    const transition = doc.transitions[selection.index]
    if (!transition) return
    change((current) => deleteTransition(current, selection.index))
    onSelect(null)
    announce(t('designer.transition.removed', { name: transition.label || transition.key }))
  }
  const confirmDelete = (index: number) => {
    const name = nameOf(index)
    change((current) => deleteStage(current, index))
    setDeleting(null)
    onSelect(null)
    announce(t('canvas_editor.deleted', { name }))
  }

  // The same array while stages and positions stay (the canvas's nodes are memoized on it).
  const positions = useMemo(
    () => doc.stages.map((stage) => snapshot.layout[stage.uid]),
    [doc.stages, snapshot.layout]
  )
  const editor: CanvasEditor = {
    selected,
    onSelect,
    onConnect: connectStages,
    positions,
    onMove: (moved) => change((current) => moveStages(current, moved)),
    onAutoLayout: () => change((current) => ({ ...current, layout: {} })),
    onOpen: open,
    onDelete: requestDelete,
    onConnectFrom: setConnectFrom,
  }
  const selectedStage = selected?.kind === 'stage' ? selected.index : null

  return (
    <section className="card wf-canvas-panel" aria-labelledby="canvas-heading">
      <h2 id="canvas-heading">{t('designer.canvas.heading')}</h2>
      <div className="wf-palette" role="group" aria-label={t('designer.canvas.palette')}>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`btn btn-sm wf-palette-${kind}`}
            aria-label={t('designer.canvas.add', {
              type: t(`workflows.stageTypes.${kind}`).toLowerCase(),
            })}
            onClick={() => {
              const name = t('designer.defaults.stage', { number: doc.stages.length + 1 })
              const result = addStageOfKind(snapshot, kind, name)
              const uid = result.snapshot.doc.stages[result.index]!.uid
              change(() => result.snapshot, `stage-${uid}-name`)
              onSelect({ kind: 'stage', index: result.index })
            }}
          >
            + {t(`workflows.stageTypes.${kind}`)}
          </button>
        ))}
      </div>
      <div className="wf-canvas-commands" role="toolbar" aria-label={t('canvas_editor.commands')}>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!props.history.canUndo}
          onClick={props.history.undo}
          aria-keyshortcuts="Control+Z"
        >
          {t('canvas_editor.undo')}
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!props.history.canRedo}
          onClick={props.history.redo}
          aria-keyshortcuts="Control+Shift+Z"
        >
          {t('canvas_editor.redo')}
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={selectedStage === null}
          onClick={() => setConnectFrom(selectedStage)}
        >
          {t('canvas_editor.connect.button')}
        </button>
        <button
          type="button"
          className="btn btn-sm btn-danger"
          disabled={selected === null}
          onClick={() => selected && requestDelete(selected)}
        >
          {t('canvas_editor.deleteSelected')}
        </button>
      </div>
      <p className="hint">{t('canvas_editor.hint')}</p>
      <WorkflowDiagram
        definition={props.diagram}
        problems={props.problems}
        check={props.check}
        editor={editor}
      />
      <div className="wf-canvas-selection">
        {props.children(requestDelete) ?? (
          <p className="wf-muted">{t('designer.canvas.nothingSelected')}</p>
        )}
      </div>
      <ConnectDialog
        doc={doc}
        from={connectFrom}
        onConnect={connectStages}
        onClose={() => setConnectFrom(null)}
      />
      <DeleteStageDialog
        doc={doc}
        index={deleting}
        published={props.published}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </section>
  )
}

/** The view the designer opened in last time (canvas or form). */
export function storedDesignerView(): 'canvas' | 'form' {
  try {
    return globalThis.localStorage?.getItem('stageflow.designer.view') === 'canvas'
      ? 'canvas'
      : 'form'
  } catch {
    return 'form'
  }
}

export function storeDesignerView(view: 'canvas' | 'form') {
  try {
    globalThis.localStorage?.setItem('stageflow.designer.view', view)
  } catch {
    // Private windows may refuse; the choice just is not remembered.
  }
}
