/**
 * Labels of the arrows leaving decision stages: the condition of the
 * route that takes the transition (several joined by "|"), or "otherwise".
 */
import type { DiagramGraph, DiagramStage, DiagramTransition } from '../canvas/graph.ts'

/** A diagram stage that may be a decision stage with routes. */
export type RoutedStage = DiagramStage & {
  routes?: readonly { when: string; transition: string }[]
  otherwise?: string
}

/**
 * The graph with each transition leaving a decision stage labelled by its
 * route conditions; `full` keeps the untruncated text (for tooltips and
 * screen readers), by transition index.
 */
export function withRouteLabels<G extends DiagramGraph & { stages: readonly RoutedStage[] }>(
  graph: G,
  otherwise: string
): { graph: G; routeLabels: Map<number, string> } {
  const decisions = new Map<string, RoutedStage>()
  for (const stage of graph.stages) {
    if (stage.type === 'decision' && stage.key && !decisions.has(stage.key)) {
      decisions.set(stage.key, stage)
    }
  }
  if (decisions.size === 0) return { graph, routeLabels: new Map() }
  const routeLabels = new Map<number, string>()
  const transitions = graph.transitions.map((transition, index): DiagramTransition => {
    const stage = decisions.get(transition.from)
    if (!stage) return transition
    const conditions = (stage.routes ?? [])
      .filter((route) => route.transition === transition.key && route.when.trim() !== '')
      .map((route) => route.when.trim())
    if (stage.otherwise === transition.key) conditions.push(otherwise)
    if (conditions.length === 0) return transition
    const label = conditions.join(' | ')
    routeLabels.set(index, label)
    return { ...transition, label }
  })
  return { graph: { ...graph, transitions }, routeLabels }
}
