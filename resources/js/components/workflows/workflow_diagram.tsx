import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import {
  edgeLabel,
  layoutDiagram,
  truncate,
  stageIndexByKey,
  type DiagramGraph,
  type DiagramStage,
  type Layout,
} from './diagram_layout.ts'
import { problemIndexes } from './problem_paths.ts'
import { withRouteLabels, type RoutedStage } from './diagram_routes.ts'
import '../../css/designer_language.css'

export type WorkflowDiagramProps = {
  /** A workflow definition (or the designer's work in progress). */
  definition: DiagramGraph & { name?: string; stages: readonly (RoutedStage & { sla?: string })[] }
  /** Key of the stage to highlight, e.g. where a process is now. */
  currentStage?: string | null
  /** Verifier problems; stages and transitions they concern are marked. */
  problems?: readonly { path: string }[]
}

const NAME_LIMIT = 22
const MIN_SCALE = 0.8

/**
 * SVG diagram of a workflow: stages as boxes (decision stages as diamonds)
 * laid out in layers from the start stage, transitions as labelled arrows
 * (loops curve back; a decision's arrows carry their route conditions). Screen
 * readers get the same information as lists of stages and transitions.
 * Switches to a top-to-bottom layout when the horizontal one would not fit.
 */
export function WorkflowDiagram({ currentStage, problems = [], ...props }: WorkflowDiagramProps) {
  const { t } = useI18n()
  const otherwise = t('workflows.diagram.otherwise')
  const { graph: definition, routeLabels } = useMemo(
    () => withRouteLabels(props.definition, otherwise),
    [props.definition, otherwise]
  )
  const id = useId()
  const container = useRef<HTMLDivElement>(null)
  const [available, setAvailable] = useState<number | null>(null)

  useEffect(() => {
    const element = container.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => setAvailable(entry!.contentRect.width))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const layouts = useMemo(
    () => ({
      horizontal: layoutDiagram(definition, 'horizontal'),
      vertical: layoutDiagram(definition, 'vertical'),
      compact: layoutDiagram(definition, 'vertical', { compact: true }),
    }),
    [definition]
  )
  // Left to right reads best; it may shrink a little to fit, but a graph
  // that would have to shrink more than that is drawn top to bottom.
  // Narrow places (a sidebar, a phone) get smaller boxes before scrolling.
  const candidates = [layouts.horizontal, layouts.vertical, layouts.compact]
  const layout: Layout =
    candidates.find((c) => available === null || c.width * MIN_SCALE <= available) ??
    candidates.reduce((narrowest, c) => (c.width < narrowest.width ? c : narrowest))
  const compact = layout === layouts.compact

  const marked = useMemo(() => problemIndexes(problems), [problems])
  const byKey = useMemo(() => stageIndexByKey(definition), [definition])
  const currentIndex = currentStage ? byKey.get(currentStage) : undefined

  const stageName = (stage: DiagramStage, index: number) =>
    stage.name?.trim() ||
    stage.key?.trim() ||
    t('workflows.diagram.untitledStage', { number: index + 1 })
  const stageType = (stage: DiagramStage) =>
    stage.type === 'end' && stage.outcome
      ? t(`workflows.outcomes.${stage.outcome}`)
      : stage.type
        ? t(`workflows.stageTypes.${stage.type}`)
        : ''
  const endpointName = (key: string) => {
    const index = byKey.get(key)
    return index === undefined
      ? t('workflows.diagram.unknownStage', { key: key || '?' })
      : stageName(definition.stages[index]!, index)
  }

  const titleId = `${id}-title`
  const descriptionId = `${id}-description`
  const arrowId = `${id}-arrow`
  const arrowProblemId = `${id}-arrow-problem`
  const title = definition.name?.trim()
    ? t('workflows.diagram.title', { name: definition.name.trim() })
    : t('workflows.diagram.untitled')

  return (
    <figure className="wf-diagram">
      <div className="wf-diagram-scroll" ref={container}>
        {definition.stages.length === 0 ? (
          <p className="wf-diagram-empty">{t('workflows.diagram.empty')}</p>
        ) : (
          <svg
            role="img"
            className={compact ? 'wf-compact' : undefined}
            aria-labelledby={titleId}
            aria-describedby={descriptionId}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            width={layout.width}
            height={layout.height}
            style={{ minWidth: Math.round(layout.width * MIN_SCALE) }}
          >
            <title id={titleId}>{title}</title>
            <defs>
              <marker
                id={arrowId}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M 0 0 L 10 5 L 0 10 z" className="wf-arrow" />
              </marker>
              <marker
                id={arrowProblemId}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M 0 0 L 10 5 L 0 10 z" className="wf-arrow wf-arrow-problem" />
              </marker>
            </defs>

            <g className="wf-edges">
              {layout.edges.map((edge) => {
                const transition = definition.transitions[edge.index]!
                const problem = marked.transitions.has(edge.index)
                const label = edgeLabel(transition)
                return (
                  <g
                    key={edge.index}
                    className={`wf-edge wf-edge-${edge.kind}${problem ? ' has-problem' : ''}`}
                    data-transition={transition.key}
                  >
                    {routeLabels.has(edge.index) && <title>{routeLabels.get(edge.index)}</title>}
                    <path d={edge.path} markerEnd={`url(#${problem ? arrowProblemId : arrowId})`} />
                    {label && (
                      <text x={edge.labelAt.x} y={edge.labelAt.y} dy="0.35em" textAnchor="middle">
                        {problem ? '⚠ ' : ''}
                        {label}
                      </text>
                    )}
                  </g>
                )
              })}
            </g>

            <g className="wf-nodes">
              {layout.nodes.map((node) => {
                const stage = definition.stages[node.index]!
                const current = node.index === currentIndex
                const problem = marked.stages.has(node.index)
                const classes = [
                  'wf-node',
                  `wf-node-${stage.type || 'task'}`,
                  stage.outcome ? `wf-outcome-${stage.outcome}` : '',
                  current ? 'is-current' : '',
                  problem ? 'has-problem' : '',
                ]
                  .filter(Boolean)
                  .join(' ')
                const detail = [
                  stageType(stage),
                  stage.sla ? t('workflows.diagram.sla', { sla: stage.sla }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')
                return (
                  <g
                    key={node.index}
                    className={classes}
                    transform={`translate(${node.x} ${node.y})`}
                    data-stage={stage.key}
                  >
                    {stage.type === 'decision' ? (
                      <polygon
                        points={`${node.width / 2},0 ${node.width},${node.height / 2} ${node.width / 2},${node.height} 0,${node.height / 2}`}
                      />
                    ) : (
                      <rect
                        width={node.width}
                        height={node.height}
                        rx={stage.type === 'end' ? 26 : 10}
                      />
                    )}
                    {stage.type === 'end' && (
                      <rect
                        className="wf-node-inner"
                        x={4}
                        y={4}
                        width={node.width - 8}
                        height={node.height - 8}
                        rx={22}
                      />
                    )}
                    <text
                      className="wf-node-name"
                      x={node.width / 2}
                      y={node.height * 0.41}
                      textAnchor="middle"
                    >
                      {truncate(
                        stageName(stage, node.index),
                        stage.type === 'decision' ? (compact ? 12 : 16) : compact ? 16 : NAME_LIMIT
                      )}
                    </text>
                    <text
                      className="wf-node-detail"
                      x={node.width / 2}
                      y={node.height * 0.72}
                      textAnchor="middle"
                    >
                      {detail}
                    </text>
                    {current && (
                      <g className="wf-badge" transform={`translate(${node.width / 2 - 30} -11)`}>
                        <rect width={60} height={18} rx={9} />
                        <text x={30} y={13} textAnchor="middle">
                          {t('workflows.diagram.currentBadge')}
                        </text>
                      </g>
                    )}
                    {problem && (
                      <g className="wf-problem-mark" transform={`translate(${node.width - 8} -6)`}>
                        <circle r={9} cx={0} cy={6} />
                        <text x={0} y={10.5} textAnchor="middle">
                          !
                        </text>
                      </g>
                    )}
                  </g>
                )
              })}
            </g>
          </svg>
        )}
      </div>

      <div id={descriptionId} className="sr-only">
        <p>
          {t('workflows.diagram.summary', {
            stages: definition.stages.length,
            transitions: definition.transitions.length,
          })}
        </p>
        <h3>{t('workflows.diagram.stages')}</h3>
        <ol>
          {definition.stages.map((stage, index) => (
            <li key={index}>
              {stage.type === 'end' && stage.outcome
                ? t('workflows.diagram.endStage', {
                    name: stageName(stage, index),
                    outcome: t(`workflows.outcomes.${stage.outcome}`),
                  })
                : t('workflows.diagram.stage', {
                    name: stageName(stage, index),
                    type: stageType(stage) || '—',
                  })}
              {index === currentIndex && `; ${t('workflows.diagram.current')}`}
              {marked.stages.has(index) && `; ${t('workflows.diagram.problem')}`}
            </li>
          ))}
        </ol>
        <h3>{t('workflows.diagram.transitions')}</h3>
        {definition.transitions.length === 0 ? (
          <p>{t('workflows.diagram.noTransitions')}</p>
        ) : (
          <ul>
            {definition.transitions.map((transition, index) => (
              <li key={index}>
                {routeLabels.has(index)
                  ? t('workflows.diagram.route', {
                      label:
                        props.definition.transitions[index]?.label?.trim() || transition.key || '?',
                      from: endpointName(transition.from),
                      to: endpointName(transition.to),
                      condition: routeLabels.get(index),
                    })
                  : t('workflows.diagram.transition', {
                      label: transition.label?.trim() || transition.key || '?',
                      from: endpointName(transition.from),
                      to: endpointName(transition.to),
                    })}
                {marked.transitions.has(index) && `; ${t('workflows.diagram.problem')}`}
              </li>
            ))}
          </ul>
        )}
      </div>
    </figure>
  )
}
