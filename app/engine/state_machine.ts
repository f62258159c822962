/**
 * Questions about a process's position in its workflow: which transitions
 * exist, which may run now, and what running one would do.
 */
import type {
  Outcome,
  Role,
  StageDefinition,
  TransitionDefinition,
  WorkflowDefinition,
} from '#engine/definition'
import { collectFields, isFilled, readField } from '#engine/data'
import { type ExitBlocker, fieldsBlockingExit } from '#engine/field_rules'
import { type GuardBindings, compiledFor, evaluateGuard } from '#engine/expressions'
import { isDecisionStage } from '#engine/decisions'

export type ProcessStatus = 'active' | Outcome

/**
 * Who is acting. `'system'` is for transitions the application runs on its
 * own (automatic transitions, escalations); like admins it is not limited
 * by a transition's `roles`.
 */
export type ActorRole = Role | 'system'

export type TransitionBlocker = 'role' | 'missing_fields' | 'guard_failed'

export interface AvailableTransition {
  transition: TransitionDefinition
  allowed: boolean
  /** Why it is not allowed; empty when `allowed`. */
  reasons: TransitionBlocker[]
  /** Keys of the fields to fill first: the transition's `requires` and the stage's required fields. */
  missingFields: string[]
  /** One sentence per missing field, in the order of `missingFields`. */
  missing: ExitBlocker[]
  /** Why the guard (`when`) blocks it; present only then. */
  guardMessage?: string
}

/** Who is acting on which process, and when: what a guard sees besides the data. */
export type GuardContext = Omit<GuardBindings, 'data'>

export interface AvailabilityQuery {
  stage: string
  role: ActorRole
  /** Process data as it would be after the transition's own data patch. */
  data: Record<string, unknown>
  /** Needed to evaluate guards; without it a guarded transition is blocked (fails closed). */
  guard?: GuardContext
}

export interface TransitionQuery extends AvailabilityQuery {
  status: ProcessStatus
  transitionKey: string
}

export type TransitionRefusalCode =
  | 'unknown_transition'
  | 'not_from_current_stage'
  | 'role_not_allowed'
  | 'missing_fields'
  | 'process_closed'
  | 'guard_failed'

export type TransitionCheck =
  | {
      ok: true
      transition: TransitionDefinition
      to: StageDefinition
      /** Whether entering `to` closes the process. */
      closes: boolean
      outcome?: Outcome
    }
  | {
      ok: false
      code: TransitionRefusalCode
      message: string
      /** Keys of the transitions the actor may run right now. */
      allowed: string[]
      missingFields?: string[]
      /** With `missing_fields`: one sentence per missing field. */
      missing?: ExitBlocker[]
    }

/** The stage with `key`, if the definition has one. */
export function stageOf(definition: WorkflowDefinition, key: string): StageDefinition | undefined {
  return definition.stages.find((stage) => stage.key === key)
}

/** The definition's start stage. @throws Error if it has none (unverified definition). */
export function startStageOf(definition: WorkflowDefinition): StageDefinition {
  const start = definition.stages.find((stage) => stage.type === 'start')
  if (!start) throw new Error(`Workflow "${definition.key}" has no start stage.`)
  return start
}

/** Whether `stageKey` names an end stage of the definition. */
export function isEndStage(definition: WorkflowDefinition, stageKey: string): boolean {
  return stageOf(definition, stageKey)?.type === 'end'
}

/** Transitions leaving `stageKey`, in definition order. */
export function transitionsFrom(
  definition: WorkflowDefinition,
  stageKey: string
): TransitionDefinition[] {
  return definition.transitions.filter((transition) => transition.from === stageKey)
}

/** The status a process has while it sits in `stage`. */
export function statusForStage(stage: StageDefinition): ProcessStatus {
  if (stage.type !== 'end') return 'active'
  // Verified end stages always have an outcome; "completed" is the only
  // sensible reading of an end stage that somehow lacks one.
  return stage.outcome ?? 'completed'
}

/**
 * Whether `role` (a member of `teams`) may run `transition`, ignoring data
 * requirements: with neither `roles` nor `teams` everyone may; with either,
 * belonging to one listed role or team is enough.
 */
export function roleMayRun(
  transition: TransitionDefinition,
  role: ActorRole,
  teams: readonly string[] = []
): boolean {
  if (role === 'admin' || role === 'system') return true
  if (transition.roles === undefined && transition.teams === undefined) return true
  return (
    (transition.roles?.includes(role) ?? false) ||
    (transition.teams?.some((team) => teams.includes(team)) ?? false)
  )
}

/** The acting user's teams, as the guard context carries them. */
const teamsOf = (query: AvailabilityQuery) => query.guard?.user.teams ?? []

/** Keys in `transition.requires` that `data` does not fill. */
export function missingFieldsFor(
  transition: TransitionDefinition,
  data: Record<string, unknown>
): string[] {
  return (transition.requires ?? []).filter((key) => !isFilled(readField(data, key)))
}

/**
 * What must be filled before `transition` may run on `data`: the fields it
 * `requires`, then the fields that keep a process in its stage (required,
 * or `requiredWhen` holding, and visible: `fieldsBlockingExit`).
 */
export function missingBeforeRunning(
  definition: WorkflowDefinition,
  transition: TransitionDefinition,
  data: Record<string, unknown>
): ExitBlocker[] {
  const keys = missingFieldsFor(transition, data)
  const fields = keys.length ? collectFields(definition) : []
  const required = keys.map((key) => ({
    field: key,
    message: `${fields.find((f) => f.key === key)?.label ?? key} is required for this transition`,
  }))
  const blocking = fieldsBlockingExit(definition, transition.from, { data }).filter(
    (blocker) => !keys.includes(blocker.field)
  )
  return [...required, ...blocking]
}

/**
 * Why `transition`'s guard blocks it (its `whenMessage` or a default), or
 * null when it has none or it holds. Errors in evaluation block it.
 */
export function guardRefusal(
  definition: WorkflowDefinition,
  transition: TransitionDefinition,
  query: AvailabilityQuery
): string | null {
  if (transition.when === undefined) return null
  const compiled = compiledFor(definition, transition.when)
  const holds =
    compiled.ok && query.guard !== undefined
      ? evaluateGuard(compiled, { ...query.guard, data: query.data })
      : false
  if (holds) return null
  return (
    transition.whenMessage ?? `The condition of this transition does not hold: ${transition.when}`
  )
}

/**
 * Every transition leaving `query.stage`, each with whether `query.role`
 * may run it given `query.data`, and why not. None for a decision stage:
 * only its routes leave it, taken by the engine, never offered to anyone.
 */
export function availableTransitions(
  definition: WorkflowDefinition,
  query: AvailabilityQuery
): AvailableTransition[] {
  if (isDecisionStage(stageOf(definition, query.stage))) return []
  return transitionsFrom(definition, query.stage).map((transition) => {
    const reasons: TransitionBlocker[] = []
    if (!roleMayRun(transition, query.role, teamsOf(query))) reasons.push('role')
    const missing = missingBeforeRunning(definition, transition, query.data)
    if (missing.length > 0) reasons.push('missing_fields')
    const guardMessage = guardRefusal(definition, transition, query)
    if (guardMessage !== null) reasons.push('guard_failed')
    return {
      transition,
      allowed: reasons.length === 0,
      reasons,
      missingFields: missing.map((blocker) => blocker.field),
      missing,
      ...(guardMessage === null ? {} : { guardMessage }),
    }
  })
}

/**
 * Decides whether `query.transitionKey` may run now. Checks, in order: the
 * process is active, the transition exists, it leaves the current stage,
 * the role may run it, its required fields and the stage's required (or
 * `requiredWhen`) visible fields are filled in `query.data` (which should
 * already include any data submitted with the transition), and its guard
 * holds.
 */
export function checkTransition(
  definition: WorkflowDefinition,
  query: TransitionQuery
): TransitionCheck {
  const closed = query.status !== 'active'
  // What else the actor may run is worked out only for a refusal: an
  // allowed transition evaluates its own checks and guard, not every sibling's.
  const refuse = (
    code: TransitionRefusalCode,
    message: string,
    missing?: ExitBlocker[]
  ): TransitionCheck => ({
    ok: false,
    code,
    message,
    allowed: closed
      ? []
      : availableTransitions(definition, query)
          .filter((candidate) => candidate.allowed)
          .map((candidate) => candidate.transition.key),
    ...(missing ? { missingFields: missing.map((blocker) => blocker.field), missing } : {}),
  })

  if (closed) {
    return refuse('process_closed', `The process is ${query.status}, so it can no longer move.`)
  }
  const transition = definition.transitions.find(
    (candidate) => candidate.key === query.transitionKey
  )
  if (!transition) {
    return refuse('unknown_transition', `The workflow has no transition "${query.transitionKey}".`)
  }
  if (transition.from !== query.stage) {
    return refuse(
      'not_from_current_stage',
      `Transition "${transition.key}" leaves stage "${transition.from}", but the process is in stage "${query.stage}".`
    )
  }
  if (isDecisionStage(stageOf(definition, transition.from))) {
    // A process never rests in a decision stage; its routes are the engine's to take.
    return refuse(
      'not_from_current_stage',
      `Transition "${transition.key}" leaves the decision stage "${transition.from}": only its routes take it, never a command.`
    )
  }
  if (!roleMayRun(transition, query.role, teamsOf(query))) {
    return refuse(
      'role_not_allowed',
      transition.teams?.length
        ? `Your role (${query.role}) and teams may not run transition "${transition.key}".`
        : `Your role (${query.role}) may not run transition "${transition.key}".`
    )
  }
  const missing = missingBeforeRunning(definition, transition, query.data)
  if (missing.length > 0) {
    const fields = collectFields(definition)
    const labels = missing.map(({ field }) => fields.find((f) => f.key === field)?.label ?? field)
    return refuse(
      'missing_fields',
      `Transition "${transition.key}" needs these fields filled in first: ${labels.join(', ')}.`,
      missing
    )
  }
  const guardMessage = guardRefusal(definition, transition, query)
  if (guardMessage !== null) return refuse('guard_failed', guardMessage)
  const to = stageOf(definition, transition.to)
  if (!to) {
    // Only possible with an unverified definition; fail loudly rather than
    // move the process to a stage that does not exist.
    throw new Error(`Transition "${transition.key}" leads to the unknown stage "${transition.to}".`)
  }
  const closes = to.type === 'end'
  return {
    ok: true,
    transition,
    to,
    closes,
    ...(closes ? { outcome: statusForStage(to) as Outcome } : {}),
  }
}
