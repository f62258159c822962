import { createContext, use } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import { problemTarget } from './problem_paths.ts'
import {
  fieldSlot,
  indexProblems,
  stageSlot,
  type DesignerProblem,
  type ProblemIndex,
} from './problem_index.ts'
import type { EditorDocument } from './designer_state.ts'

export type { DesignerProblem }

/** Slots each editor renders a control for; problems elsewhere go to the row's own list. */
export const STAGE_SLOTS = [
  'key',
  'name',
  'type',
  'outcome',
  'sla',
  'assignee.role',
  'assignee.user',
  'assignee.team',
  'assignee.strategy',
  'slaClock',
  'approval.from',
  'approval.policy',
  'approval.approve',
  'approval.reject',
  'approval.rejectPolicy',
  'approval.fourEyes',
  'children.workflow',
  'children.forEach',
  'children.count',
  'children.title',
  'children.data',
  'children.wait',
  'children.onComplete',
  'children.onChildFailure',
  'children.collect',
  'escalation.reassignRole',
  'escalation.reassignUser',
  'escalation.reassignTeam',
  'escalation.strategy',
  'escalation.transition',
]
/** What a decision stage's editor shows instead of SLA, assignee and fields. */
export const DECISION_SLOTS = ['key', 'name', 'type', 'routes', 'otherwise']
/** Route slots (`routes.2.when`) belong to a decision stage's routes editor. */
const ROUTE_SLOT = /^routes\.\d+(\.(when|transition))?$/
export const isRouteSlot = (slot: string) => ROUTE_SLOT.test(slot)
export const FIELD_SLOTS = [
  'key',
  'label',
  'type',
  'required',
  'searchable',
  'options',
  'currency',
  'default',
  'visibleWhen',
  'requiredWhen',
  'rules.min',
  'rules.max',
  'rules.minLength',
  'rules.maxLength',
  'rules.pattern',
]
export const TRANSITION_SLOTS = [
  'key',
  'label',
  'from',
  'to',
  'roles',
  'teams',
  'requires',
  'when',
  'whenMessage',
]
export const WORKFLOW_SLOTS = ['key', 'name', 'description']

/** Problems of a row that no control of it shows. */
export function rowLevel(
  slots: Map<string, DesignerProblem[]> | undefined,
  known: string[] | ((slot: string) => boolean)
) {
  if (!slots) return []
  const shown = typeof known === 'function' ? known : (slot: string) => known.includes(slot)
  return [...slots.entries()].filter(([slot]) => !shown(slot)).flatMap(([, list]) => list)
}

/**
 * The id of the element a problem's link focuses: the control it is
 * about, else the heading of its row or section.
 */
export function focusTargetId(problem: DesignerProblem, doc: EditorDocument): string {
  const target = problemTarget(problem.path)
  switch (target.kind) {
    case 'workflow':
      return `wf-${WORKFLOW_SLOTS.includes(target.property ?? '') ? target.property : 'name'}`
    case 'stages':
      return 'stages-heading'
    case 'transitions':
      return 'transitions-heading'
    case 'stage': {
      const stage = doc.stages[target.stage]
      if (!stage) return 'stages-heading'
      const slot = stageSlot(target.property, target.rest)
      if (stage.type === 'decision') {
        if (slot === 'routes') return `stage-${stage.uid}-add-route`
        if (slot === 'otherwise') return `stage-${stage.uid}-otherwise`
        if (ROUTE_SLOT.test(slot)) {
          const [, position, part] = slot.split('.')
          return `stage-${stage.uid}-route-${position}-${part ?? 'when'}`
        }
      }
      return STAGE_SLOTS.includes(slot)
        ? `stage-${stage.uid}-${slot.replace('.', '-')}`
        : `stage-${stage.uid}-heading`
    }
    case 'field': {
      const stage = doc.stages[target.stage]
      const field = stage?.fields[target.field]
      if (!stage) return 'stages-heading'
      if (!field) return `stage-${stage.uid}-heading`
      const slot = fieldSlot(target.property, target.rest)
      return `field-${field.uid}-${FIELD_SLOTS.includes(slot) ? slot.replace('.', '-') : 'key'}`
    }
    case 'transition': {
      const transition = doc.transitions[target.transition]
      if (!transition) return 'transitions-heading'
      return TRANSITION_SLOTS.includes(target.property ?? '')
        ? `transition-${transition.uid}-${target.property}`
        : `transition-${transition.uid}-heading`
    }
  }
}

/** Moves focus to an element of the designer and brings it into view. */
export function focusElement(id: string) {
  const element = document.getElementById(id)
  if (!element) return
  element.focus({ preventScroll: true })
  const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches
  element.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' })
}

/** The sentence shown for a problem, in the user's language when it has a code. */
export function useProblemMessage() {
  const { t } = useI18n()
  return (problem: DesignerProblem) => {
    if (!problem.code) return problem.message
    const code =
      problem.code === 'invalid_key' && problem.path === '$.key'
        ? 'invalid_workflow_key'
        : problem.code
    const key = `designer.problems.${code}`
    const text = t(key)
    return text === key ? problem.message : text
  }
}

/** Lets deeply nested controls find their problems without prop drilling. */
export const ProblemsContext = createContext<ProblemIndex>(indexProblems([]))
export const useProblems = () => use(ProblemsContext)

/**
 * What the expression checker said about a condition (e.g. `"data" has no
 * field "amout"`): the verifier's message ends with it, after "not usable:".
 * The general sentence is translated; this detail names the exact mistake.
 */
export function expressionDetail(problem: DesignerProblem): string | null {
  if (problem.code !== 'invalid_expression') return null
  const match = /not usable: ([\s\S]+)$/.exec(problem.message)
  return match ? match[1]!.trim() : null
}

/** The messages under a control, referenced by its aria-describedby. */
export function InlineProblems(props: { id: string; problems: readonly DesignerProblem[] }) {
  const message = useProblemMessage()
  if (props.problems.length === 0) return null
  return (
    <ul className="wf-inline-problems" id={props.id}>
      {props.problems.map((problem, index) => {
        const detail = expressionDetail(problem)
        return (
          <li key={index}>
            {message(problem)}
            {detail && (
              <>
                {' '}
                <code className="wf-problem-detail">{detail}</code>
              </>
            )}
          </li>
        )
      })}
    </ul>
  )
}
