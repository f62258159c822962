import { Handle, Position, type Node, type NodeProps } from '@xyflow/react'
import { Link } from '@inertiajs/react'
import { useI18n } from '../../lib/i18n.ts'
import { truncate } from './graph.ts'
import type { StageFlow } from './overlay.ts'

export type StageNodeData = {
  index: number
  key: string
  type: string
  outcome?: string
  name: string
  detail: string
  current: boolean
  problems: number
  /** Flow overlay: where processes are, and a colour class by median time. */
  flow?: StageFlow & { heat: 'fast' | 'medium' | 'slow' | 'none' }
  /** Draft check overlay: processes that would be stuck here. */
  stuck?: number
}

export type StageNode = Node<StageNodeData, 'stage'>

/**
 * A stage: a box (start and end stages drawn differently) or, for a
 * decision, a diamond. Marks the current stage, verifier problems (red
 * outline and count) and the overlays' numbers.
 */
export function StageNodeView({ data, selected }: NodeProps<StageNode>) {
  const { t } = useI18n()
  const classes = [
    'wf-node',
    `wf-node-${data.type || 'task'}`,
    data.outcome ? `wf-outcome-${data.outcome}` : '',
    data.current ? 'is-current' : '',
    data.problems > 0 ? 'has-problem' : '',
    data.flow ? `wf-heat-${data.flow.heat}` : '',
    data.stuck ? 'is-stuck' : '',
    selected ? 'is-selected' : '',
  ]
    .filter(Boolean)
    .join(' ')
  const decision = data.type === 'decision'
  return (
    <div className={classes} data-stage={data.key}>
      <Handle type="target" position={Position.Left} />
      {decision && (
        <svg
          className="wf-diamond"
          viewBox="0 0 176 88"
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          <polygon points="88,2 174,44 88,86 2,44" />
        </svg>
      )}
      <div className="wf-node-body">
        <span className="wf-node-name" title={data.name}>
          {truncate(data.name, decision ? 18 : 24)}
        </span>
        {data.detail && <span className="wf-node-detail">{data.detail}</span>}
      </div>
      {data.current && <span className="wf-badge">{t('workflows.diagram.currentBadge')}</span>}
      {data.problems > 0 && (
        <span
          className="wf-problem-mark"
          title={t('workflows.canvas.problems', { count: data.problems })}
        >
          {data.problems}
          <span className="sr-only">
            {' '}
            {t('workflows.canvas.problems', { count: data.problems })}
          </span>
        </span>
      )}
      {data.flow && (
        <Link href={data.flow.listUrl} className="wf-flow-badge nodrag">
          {t('workflows.canvas.inStage', { current: data.flow.current })}
          {data.flow.overdue > 0 && (
            <strong className="wf-overdue">
              {' · '}
              {t('workflows.canvas.overdue', { count: data.flow.overdue })}
            </strong>
          )}
          <span className="sr-only"> {t('workflows.canvas.listOf', { name: data.name })}</span>
        </Link>
      )}
      {data.stuck ? (
        <span className="wf-stuck-badge">{t('workflows.canvas.stuck', { count: data.stuck })}</span>
      ) : null}
      <Handle type="source" position={Position.Right} />
    </div>
  )
}
