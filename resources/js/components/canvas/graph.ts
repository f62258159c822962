/**
 * The shape of a workflow the canvas draws: a definition, or the designer's
 * half-written draft (blank or duplicate keys, transitions to stages that do
 * not exist). Stages are identified by index, not key, for that reason.
 */

export type DiagramStage = {
  key: string
  name: string
  type?: string
  outcome?: string
  sla?: string
}

export type DiagramTransition = {
  key: string
  from: string
  to: string
  label?: string
}

export type DiagramGraph = {
  stages: readonly DiagramStage[]
  transitions: readonly DiagramTransition[]
}

/** Node id of the stage at `index` (keys may be blank or repeated while editing). */
export const stageNodeId = (index: number) => `s${index}`
/** Edge id of the transition at `index`. */
export const transitionEdgeId = (index: number) => `t${index}`

/** First stage with each key, by key. */
export function stageIndexByKey(graph: DiagramGraph): Map<string, number> {
  const byKey = new Map<string, number>()
  graph.stages.forEach((stage, index) => {
    if (stage.key && !byKey.has(stage.key)) byKey.set(stage.key, index)
  })
  return byKey
}

/** Box sizes by stage type; decisions are diamonds and need more room. */
export function nodeSize(type: string | undefined): { width: number; height: number } {
  return type === 'decision' ? { width: 176, height: 88 } : { width: 176, height: 58 }
}

/** The text shortened to `limit` characters with an ellipsis. */
export function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`
}
