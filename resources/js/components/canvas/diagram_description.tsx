import { useI18n } from '../../lib/i18n.ts'
import type { DiagramGraph } from './graph.ts'
import { stageIndexByKey } from './graph.ts'
import { stageName, stageTypeName } from './diagram_text.ts'
import type { DraftCheckOverlay, FlowOverlay } from './overlay.ts'
import { shortDuration } from './flow_scale.ts'

/**
 * The canvas in words for screen readers: every stage and transition, the
 * current stage, problems and the overlays' numbers.
 */
export function DiagramDescription({
  graph,
  original,
  routeLabels,
  currentStage,
  counts,
  flow,
  check,
}: {
  graph: DiagramGraph
  /** The definition before route conditions replaced the labels. */
  original: DiagramGraph
  routeLabels: Map<number, string>
  currentStage?: string | null
  counts: { stages: Map<number, number>; transitions: Map<number, number> }
  flow?: FlowOverlay | null
  check?: DraftCheckOverlay | null
}) {
  const { t } = useI18n()
  const byKey = stageIndexByKey(graph)
  const endpointName = (key: string) => {
    const index = byKey.get(key)
    return index === undefined
      ? t('workflows.diagram.unknownStage', { key: key || '?' })
      : stageName(t, graph.stages[index]!, index)
  }
  return (
    <span className="wf-diagram-description">
      <span>
        {t('workflows.diagram.summary', {
          stages: graph.stages.length,
          transitions: graph.transitions.length,
        })}
      </span>
      <span>{t('workflows.diagram.stages')}:</span>
      <span role="list">
        {graph.stages.map((stage, index) => {
          const stageFlow = flow?.stages[stage.key]
          const problems = counts.stages.get(index) ?? 0
          const stuck = check?.stages[stage.key]?.stuck
          return (
            <span role="listitem" key={index}>
              {stage.type === 'end' && stage.outcome
                ? t('workflows.diagram.endStage', {
                    name: stageName(t, stage, index),
                    outcome: t(`workflows.outcomes.${stage.outcome}`),
                  })
                : t('workflows.diagram.stage', {
                    name: stageName(t, stage, index),
                    type: stageTypeName(t, stage) || '—',
                  })}
              {stage.key === currentStage && currentStage && `; ${t('workflows.diagram.current')}`}
              {problems > 0 && `; ${t('workflows.canvas.problems', { count: problems })}`}
              {stageFlow &&
                `; ${t('workflows.canvas.inStage', { current: stageFlow.current })}, ${t('workflows.canvas.overdue', { count: stageFlow.overdue })}` +
                  (stageFlow.medianSeconds !== null
                    ? `, ${t('workflows.canvas.median', { time: shortDuration(stageFlow.medianSeconds) })}`
                    : '')}
              {stuck ? `; ${t('workflows.canvas.stuck', { count: stuck })}` : ''}
            </span>
          )
        })}
      </span>
      <span>{t('workflows.diagram.transitions')}:</span>
      {graph.transitions.length === 0 ? (
        <span>{t('workflows.diagram.noTransitions')}</span>
      ) : (
        <span role="list">
          {graph.transitions.map((transition, index) => {
            const problems = counts.transitions.get(index) ?? 0
            const count = flow?.transitions[transition.key]?.count
            const differ = check?.transitions[transition.key]?.differ
            return (
              <span role="listitem" key={index}>
                {routeLabels.has(index)
                  ? t('workflows.diagram.route', {
                      label: original.transitions[index]?.label?.trim() || transition.key || '?',
                      from: endpointName(transition.from),
                      to: endpointName(transition.to),
                      condition: routeLabels.get(index),
                    })
                  : t('workflows.diagram.transition', {
                      label: transition.label?.trim() || transition.key || '?',
                      from: endpointName(transition.from),
                      to: endpointName(transition.to),
                    })}
                {problems > 0 && `; ${t('workflows.canvas.problems', { count: problems })}`}
                {flow && `; ${t('workflows.canvas.taken', { count: count ?? 0 })}`}
                {differ ? `; ${t('workflows.canvas.differ', { count: differ })}` : ''}
              </span>
            )
          })}
        </span>
      )}
    </span>
  )
}
