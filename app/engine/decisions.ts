/**
 * Decision stages: a process never rests in one. When it enters, the engine
 * takes the first route whose condition holds, else `otherwise` — decided
 * here, recorded as a system `transitioned` event whose payload says which
 * route matched, so replay never evaluates a route again.
 */
import type { DecisionRoute, StageDefinition, WorkflowDefinition } from '#engine/definition'
import { type GuardBindings, compiledFor, evaluateGuard } from '#engine/expressions'

/**
 * How many decision stages one command may pass through in a row. The
 * verifier refuses cycles of decision stages, so this only guards against
 * a definition that slipped past it.
 */
export const MAX_DECISION_CHAIN = 16

/** Which route a decision took, as recorded in the event's `route` payload. */
export interface RouteChoice {
  /** Key of the transition taken. */
  transition: string
  /** Index of the route that held, or null when none did (`otherwise`). */
  index: number | null
  /** The condition that held; null for `otherwise`. */
  when: string | null
}

export function isDecisionStage(stage: StageDefinition | undefined): boolean {
  return stage?.type === 'decision'
}

/**
 * The route `stage` takes for `bindings`: the first whose condition holds,
 * else `otherwise`. A condition that fails to evaluate does not hold.
 */
export function chooseRoute(
  definition: WorkflowDefinition,
  stage: StageDefinition,
  bindings: GuardBindings
): RouteChoice {
  const routes: DecisionRoute[] = stage.routes ?? []
  for (const [index, route] of routes.entries()) {
    const compiled = compiledFor(definition, route.when)
    if (compiled.ok && evaluateGuard(compiled, bindings)) {
      return { transition: route.transition, index, when: route.when }
    }
  }
  if (stage.otherwise === undefined) {
    throw new Error(`Decision stage "${stage.key}" has no "otherwise" transition`)
  }
  return { transition: stage.otherwise, index: null, when: null }
}

/** The `route` of a system `transitioned` event: which decision, which route (null = otherwise). */
export interface RoutePayload {
  stage: string
  index: number | null
  when: string | null
}

/** The route an event records, or null when it is not a decision's route event. */
export function routeOf(event: {
  type: string
  payload: Record<string, unknown>
}): RoutePayload | null {
  if (event.type !== 'transitioned') return null
  const route = event.payload.route
  if (typeof route !== 'object' || route === null || Array.isArray(route)) return null
  const { stage, index, when } = route as Record<string, unknown>
  if (typeof stage !== 'string') return null
  if (index !== null && !(typeof index === 'number' && Number.isSafeInteger(index) && index >= 0)) {
    return null
  }
  if (when !== null && typeof when !== 'string') return null
  return { stage, index, when }
}
