/**
 * The workflow diagram every page uses. The canvas (React Flow and ELK) is
 * a separate chunk loaded when a diagram is first shown, so pages without
 * one keep their initial JavaScript small.
 */
import { lazy, Suspense } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import type { WorkflowCanvasProps } from './workflow_canvas.tsx'

const WorkflowCanvas = lazy(() => {
  // ELK's worker starts compiling while the canvas's chunk loads.
  void import('./elk_worker_layout.ts').then((elk) => elk.prepareLayout())
  return import('./workflow_canvas.tsx')
})

export function WorkflowDiagram(props: WorkflowCanvasProps) {
  const { t } = useI18n()
  return (
    <Suspense
      fallback={
        <div className="wf-diagram-loading" role="status">
          {t('workflows.canvas.loading')}
        </div>
      }
    >
      <WorkflowCanvas {...props} />
    </Suspense>
  )
}
