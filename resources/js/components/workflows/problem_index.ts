/**
 * Verifier problems grouped by the designer row and control that show
 * them (pure: the designer and its tests share it).
 */
import { problemTarget, type ProblemLike } from './problem_paths.ts'
import { actionSlot } from './actions/action_slots.ts'

/** A problem from the live verifier (with a code) or from the server (message only). */
export type DesignerProblem = ProblemLike & { fromServer?: boolean }

/**
 * Problems grouped by the row and the control they concern. Slots are the
 * property names the editors render ("name", "assignee.user", …); "" holds
 * problems about the element as a whole.
 */
export type ProblemIndex = {
  workflow: Map<string, DesignerProblem[]>
  stages: DesignerProblem[]
  transitions: DesignerProblem[]
  stage: Map<number, Map<string, DesignerProblem[]>>
  field: Map<string, Map<string, DesignerProblem[]>>
  transition: Map<number, Map<string, DesignerProblem[]>>
}

const push = <K>(
  map: Map<K, Map<string, DesignerProblem[]>>,
  key: K,
  slot: string,
  problem: DesignerProblem
) => {
  if (!map.has(key)) map.set(key, new Map())
  const slots = map.get(key)!
  slots.set(slot, [...(slots.get(slot) ?? []), problem])
}

/**
 * Which control of a stage row shows a problem about `property`: decision
 * routes get `routes.<n>.when` / `routes.<n>.transition` (`routes.<n>` for
 * the route as a whole).
 */
export function stageSlot(property: string | null, rest: (string | number)[]): string {
  if (property === 'assignee') {
    const part = rest[0]
    return part === 'user' || part === 'team' || part === 'strategy'
      ? `assignee.${part}`
      : 'assignee.role'
  }
  // `approval.from.team` → "approval.from", `children.data.sku` → "children.data".
  if (
    (property === 'approval' || property === 'children' || property === 'escalation') &&
    typeof rest[0] === 'string'
  ) {
    return `${property}.${rest[0]}`
  }
  if (property === 'routes' && typeof rest[0] === 'number') {
    const part = rest[1] === 'when' || rest[1] === 'transition' ? `.${rest[1]}` : ''
    return `routes.${rest[0]}${part}`
  }
  if (property === 'actions') return actionSlot(rest)
  return property ?? ''
}

/** Which control of a field row shows a problem: `rules.min`, `default`, `visibleWhen`, … */
export function fieldSlot(property: string | null, rest: (string | number)[]): string {
  if (property === 'rules' && typeof rest[0] === 'string') return `rules.${rest[0]}`
  // A list field's column: `fields.<n>.<property>` (`fields.<n>` for the column as a whole).
  if (property === 'fields' && typeof rest[0] === 'number') {
    return typeof rest[1] === 'string' ? `fields.${rest[0]}.${rest[1]}` : `fields.${rest[0]}`
  }
  return property ?? ''
}

export function indexProblems(problems: readonly DesignerProblem[]): ProblemIndex {
  const index: ProblemIndex = {
    workflow: new Map(),
    stages: [],
    transitions: [],
    stage: new Map(),
    field: new Map(),
    transition: new Map(),
  }
  for (const problem of problems) {
    const target = problemTarget(problem.path)
    switch (target.kind) {
      case 'workflow': {
        const slot = target.property ?? ''
        index.workflow.set(slot, [...(index.workflow.get(slot) ?? []), problem])
        break
      }
      case 'stages':
        index.stages.push(problem)
        break
      case 'transitions':
        index.transitions.push(problem)
        break
      case 'stage':
        push(index.stage, target.stage, stageSlot(target.property, target.rest), problem)
        break
      case 'field':
        push(
          index.field,
          `${target.stage}.${target.field}`,
          fieldSlot(target.property, target.rest),
          problem
        )
        break
      case 'transition':
        push(
          index.transition,
          target.transition,
          target.property === 'actions' ? actionSlot(target.rest) : (target.property ?? ''),
          problem
        )
        break
    }
  }
  return index
}
