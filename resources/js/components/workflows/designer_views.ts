/**
 * What the designer derives from its document for other components: the
 * diagram (stages and transitions as the canvas draws them) and the data
 * fields a guard may name. Pure.
 */
import type { WorkflowCanvasProps } from '../canvas/workflow_canvas.tsx'
import type { EditorDocument } from './designer_state.ts'

export function diagramOf(doc: EditorDocument): WorkflowCanvasProps['definition'] {
  return {
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
  }
}

/** The data fields of the workflow's stages (first label per key), for the transition editor. */
export function fieldKeysOf(doc: EditorDocument): { key: string; label: string }[] {
  const seen = new Map<string, string>()
  for (const stage of doc.stages) {
    if (stage.type === 'decision') continue
    for (const field of stage.fields) {
      if (field.key && !seen.has(field.key)) seen.set(field.key, field.label)
    }
  }
  return [...seen].map(([key, label]) => ({ key, label }))
}
