import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  type Edge,
  type EdgeProps,
} from '@xyflow/react'

export type TransitionEdgeData = {
  index: number
  key: string
  /** What the arrow says: the label, or a decision's route conditions. */
  label: string
  /** The full text of a decision's route conditions (tooltip). */
  route?: string
  problems: number
  /** Flow overlay: processes that took it, and the line width. */
  count?: number
  width?: number
  /** Draft check overlay: histories that would go differently here, or be refused here. */
  differ?: number
  blocked?: number
}

export type TransitionEdge = Edge<TransitionEdgeData, 'transition'>

/** A transition: a curved arrow with its label (and the overlays' numbers). */
export function TransitionEdgeView(props: EdgeProps<TransitionEdge>) {
  const { data, markerEnd, selected } = props
  const [path, labelX, labelY] = getBezierPath(props)
  if (!data) return null
  const classes = [
    'wf-edge',
    data.problems > 0 ? 'has-problem' : '',
    data.differ || data.blocked ? 'is-different' : '',
    selected ? 'is-selected' : '',
  ]
    .filter(Boolean)
    .join(' ')
  const text = [
    data.problems > 0 ? `⚠ ${data.label}` : data.label,
    data.count !== undefined ? `(${data.count})` : '',
    data.differ ? `≠ ${data.differ}` : '',
    data.blocked ? `✕ ${data.blocked}` : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <g className={classes} data-transition={data.key}>
      {data.route && <title>{data.route}</title>}
      <BaseEdge
        path={path}
        markerEnd={markerEnd}
        style={data.width ? { strokeWidth: data.width } : undefined}
      />
      {text && (
        <EdgeLabelRenderer>
          <div
            className={`wf-edge-label ${classes}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={data.route}
          >
            {text}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  )
}
