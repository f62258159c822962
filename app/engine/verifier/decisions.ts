/**
 * Decision stages: a process passes through one in the same step as the
 * command that entered it, taking the first route whose condition holds
 * (else `otherwise`). Their shape is read with the stage; what needs the
 * whole document (field types, transitions, the graph) is checked after.
 */
import type { DecisionRoute, StageType, TransitionDefinition } from '#engine/definition'
import { MAX_DECISION_CHAIN } from '#engine/decisions'
import { compileExpression } from '#engine/expressions'
import { type JsonObject, at, child, isAbsent } from '#engine/verifier/rules'
import type { Verification } from '#engine/verifier/verification'

const ROUTE_PROPERTIES = ['when', 'transition']

/**
 * What a process never uses in a decision stage, and why: it never rests
 * there, so nothing can be filled in, assigned, timed or run.
 */
const NOT_ON_DECISION: Record<string, string> = {
  fields: 'nobody can fill in fields there',
  sla: 'no time is spent there',
  assignee: 'nobody works on it there',
  automatic: 'it is routed on at once, never later',
  escalation: 'no time is spent there, so nothing can be overdue',
  approval: 'nobody can vote there',
  actions: 'actions run on the stage the process comes to rest in',
}

/** One route (or `otherwise`) as written, kept for the checks that need the whole document. */
export interface RouteReference {
  /** Index of the route, or null for `otherwise`. */
  index: number | null
  when?: string
  transition?: string
  /** Where the route is: `…routes[j]`, or the stage for `otherwise`. */
  path: string
}

/** A decision stage with a usable key, and the routes read from it. */
export interface DecisionNode {
  stageIndex: number
  stageKey: string
  routes: RouteReference[]
}

/**
 * `routes` and `otherwise` of one stage: allowed only on decision stages,
 * where `otherwise` is required and each route is `{ when, transition }`.
 * Also refuses what a decision stage cannot have.
 */
export function verifyDecision(
  run: Verification,
  raw: JsonObject,
  path: string,
  subject: string,
  stageIndex: number,
  stageKey: string | undefined,
  type: StageType | undefined
): { routes?: DecisionRoute[]; otherwise?: string } {
  if (type !== 'decision') {
    for (const property of ['routes', 'otherwise']) {
      if (isAbsent(raw[property])) continue
      run.report(
        child(path, property),
        'decision_only_property',
        type === undefined
          ? `${subject} has "${property}", which only decision stages have; give it "type": "decision".`
          : `${subject} is a ${type} stage, but only decision stages have "${property}".`
      )
    }
    return {}
  }

  for (const [property, why] of Object.entries(NOT_ON_DECISION)) {
    if (isAbsent(raw[property])) continue
    run.report(
      child(path, property),
      'not_allowed_on_decision_stage',
      `${subject} is a decision stage, so it cannot have "${property}": a process never rests in a decision stage (${why}).`
    )
  }

  const references: RouteReference[] = []
  const routes: DecisionRoute[] = []
  const list = run.readList(raw, 'routes', path, subject, true)
  if (list?.length === 0) {
    run.report(
      child(path, 'routes'),
      'blank_value',
      `${subject} has no routes; give it at least one { "when", "transition" }.`
    )
  }
  list?.forEach((item, index) => {
    const routePath = at(child(path, 'routes'), index)
    const routeSubject = `Route #${index + 1} of ${subject.replace(/^S/, 's')}`
    if (!run.expectObject(item, routePath, routeSubject)) return
    run.checkUnknownProperties(item, ROUTE_PROPERTIES, routePath, routeSubject)
    const when = run.readString(item, 'when', routePath, routeSubject, { required: true })
    const transition = run.readString(item, 'transition', routePath, routeSubject, {
      required: true,
    })
    references.push({ index, when, transition, path: routePath })
    if (when !== undefined && transition !== undefined) routes.push({ when, transition })
  })

  let otherwise: string | undefined
  if (isAbsent(raw.otherwise)) {
    run.report(
      child(path, 'otherwise'),
      'missing_otherwise',
      `${subject} is a decision stage without "otherwise": name the transition to take when no route applies, so that every process can leave it.`
    )
  } else {
    otherwise = run.readString(raw, 'otherwise', path, subject, { required: true })
    if (otherwise !== undefined) {
      references.push({ index: null, transition: otherwise, path })
    }
  }

  if (stageKey !== undefined) run.decisions.push({ stageIndex, stageKey, routes: references })
  return { ...(list ? { routes } : {}), ...(otherwise === undefined ? {} : { otherwise }) }
}

/**
 * The checks that need every stage and transition: each route's condition
 * (against all the workflow's fields), each route's transition (exists,
 * leaves this decision stage), transitions leaving a decision stage that
 * no route takes or that carry what only people's transitions have,
 * actions on transitions into a decision stage, and chains of decision
 * stages (no loops, at most MAX_DECISION_CHAIN in a row).
 */
export function verifyDecisions(
  run: Verification,
  transitions: (TransitionDefinition | null)[]
): void {
  const env = { fields: Object.fromEntries(run.fieldTypes) }
  const decisionKeys = new Set(run.decisions.map((decision) => decision.stageKey))

  for (const decision of run.decisions) {
    const stageText = `decision stage "${decision.stageKey}"`
    const routed = new Set<string>()
    for (const route of decision.routes) {
      const what =
        route.index === null
          ? `"otherwise" of the ${stageText}`
          : `route #${route.index + 1} of the ${stageText}`
      if (route.when !== undefined) {
        const compiled = compileExpression(route.when, env)
        if (!compiled.ok) {
          run.report(
            child(route.path, 'when'),
            'invalid_expression',
            `The condition of ${what} is not usable: ${compiled.message}`
          )
        }
      }
      if (route.transition === undefined) continue
      const transitionPath = child(route.path, route.index === null ? 'otherwise' : 'transition')
      const target = run.transitionsByKey.get(route.transition)
      if (target === undefined) {
        run.report(
          transitionPath,
          'unknown_transition',
          `The ${what} names the transition "${route.transition}", which does not exist.`
        )
      } else if (target.from !== undefined && target.from !== decision.stageKey) {
        run.report(
          transitionPath,
          'route_not_from_stage',
          `The ${what} names the transition "${route.transition}", which leaves stage "${target.from}", not the decision stage; a route must take a transition from "${decision.stageKey}" to the next stage.`
        )
      } else {
        routed.add(route.transition)
      }
    }
    run.routedTransitions.set(decision.stageKey, routed)

    for (const transition of transitions) {
      if (!transition || transition.from !== decision.stageKey) continue
      const path = at('$.transitions', run.transitionsByKey.get(transition.key)!.index)
      if (!routed.has(transition.key)) {
        run.report(
          path,
          'unrouted_transition',
          `Transition "${transition.key}" leaves the ${stageText}, but no route and not "otherwise" takes it, so it could never run; name it in a route or remove it.`
        )
      }
      for (const property of ['when', 'roles', 'requires'] as const) {
        if (transition[property] === undefined) continue
        run.report(
          child(path, property),
          'not_allowed_from_decision_stage',
          `Transition "${transition.key}" leaves the ${stageText}, so it cannot have "${property}": the system takes it when its route applies (put the condition in the route's "when").`
        )
      }
    }
  }

  for (const transition of transitions) {
    if (!transition?.actions || !decisionKeys.has(transition.to)) continue
    const index = run.transitionsByKey.get(transition.key)!.index
    run.report(
      child(at('$.transitions', index), 'actions'),
      'not_allowed_into_decision_stage',
      `Transition "${transition.key}" enters the decision stage "${transition.to}", so it cannot have "actions": the process is routed on at once; put them on the route's transition or on the stage it leads to.`
    )
  }

  verifyChains(run)
}

/** Decision stages leading to decision stages: no loop, and no chain longer than the engine follows. */
function verifyChains(run: Verification): void {
  const next = new Map<string, string[]>()
  for (const decision of run.decisions) {
    const routed = run.routedTransitions.get(decision.stageKey) ?? new Set()
    next.set(
      decision.stageKey,
      run.edges
        .filter((edge) => edge.from === decision.stageKey && edge.key && routed.has(edge.key))
        .map((edge) => edge.to)
        .filter((to) => run.decisions.some((d) => d.stageKey === to))
    )
  }

  // Longest chain of decision stages starting at each one (depth-first, with loop detection).
  const depth = new Map<string, number>()
  const onPath: string[] = []
  const reportedLoops = new Set<string>()
  const visit = (key: string): number => {
    const known = depth.get(key)
    if (known !== undefined) return known
    const loopStart = onPath.indexOf(key)
    if (loopStart >= 0) {
      const loop = [...onPath.slice(loopStart), key]
      const signature = [...new Set(loop)].sort().join(' ')
      if (!reportedLoops.has(signature)) {
        reportedLoops.add(signature)
        const node = run.decisions.find((d) => d.stageKey === key)!
        run.report(
          at('$.stages', node.stageIndex),
          'decision_cycle',
          `The decision stages ${loop.map((k) => `"${k}"`).join(' → ')} form a loop: a process could be routed round them forever; let one of their routes lead to a stage where it rests.`
        )
      }
      return Number.POSITIVE_INFINITY
    }
    onPath.push(key)
    let longest = 0
    for (const to of next.get(key) ?? []) longest = Math.max(longest, visit(to))
    onPath.pop()
    depth.set(key, longest + 1)
    return longest + 1
  }
  for (const decision of run.decisions) {
    const length = visit(decision.stageKey)
    if (Number.isFinite(length) && length > MAX_DECISION_CHAIN) {
      run.report(
        at('$.stages', decision.stageIndex),
        'decision_chain_too_long',
        `From decision stage "${decision.stageKey}" a process can pass through ${length} decision stages in a row; at most ${MAX_DECISION_CHAIN} are allowed.`
      )
    }
  }
}
