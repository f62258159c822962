import type { ReactNode } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import { WorkflowDiagram } from '../canvas/workflow_diagram.tsx'
import type { CanvasEditor, WorkflowCanvasProps } from '../canvas/workflow_canvas.tsx'

const KINDS = ['start', 'task', 'decision', 'end'] as const
export type StageKind = (typeof KINDS)[number]

/**
 * The designer's canvas view: a palette to add stages of a kind, the
 * editable canvas (select, move, connect) and, below it, the form editor of
 * the selected stage or transition (the same editors as the form view).
 */
export function DesignerCanvasPanel({
  diagram,
  problems,
  editor,
  onAdd,
  children,
}: {
  diagram: WorkflowCanvasProps['definition']
  problems: readonly { path: string }[]
  editor: CanvasEditor
  onAdd: (kind: StageKind) => void
  /** The editor of the selected element, if any. */
  children: ReactNode
}) {
  const { t } = useI18n()
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
            onClick={() => onAdd(kind)}
          >
            + {t(`workflows.stageTypes.${kind}`)}
          </button>
        ))}
      </div>
      <p className="hint">{t('designer.canvas.hint')}</p>
      <WorkflowDiagram definition={diagram} problems={problems} editor={editor} />
      <div className="wf-canvas-selection">
        {children ?? <p className="wf-muted">{t('designer.canvas.nothingSelected')}</p>}
      </div>
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
