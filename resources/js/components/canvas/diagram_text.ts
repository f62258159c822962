/**
 * Names and descriptions of stages and transitions shared by the canvas
 * nodes and the screen-reader description.
 */
import type { DiagramStage } from './graph.ts'

type T = (key: string, values?: Record<string, unknown>) => string

export function stageName(t: T, stage: DiagramStage, index: number): string {
  return (
    stage.name?.trim() ||
    stage.key?.trim() ||
    t('workflows.diagram.untitledStage', { number: index + 1 })
  )
}

export function stageTypeName(t: T, stage: DiagramStage): string {
  if (stage.type === 'end' && stage.outcome) return t(`workflows.outcomes.${stage.outcome}`)
  return stage.type ? t(`workflows.stageTypes.${stage.type}`) : ''
}
