/**
 * The questions asked of the draft at each event of a history (see
 * app/engine/draft_check.ts): before the event is applied, would the draft
 * have let it happen the same way?
 */
import type { StageDefinition, TransitionDefinition, WorkflowDefinition } from '#engine/definition'
import { collectFields, validateProcessData } from '#engine/data'
import { chooseRoute, isDecisionStage } from '#engine/decisions'
import { fieldsBlockingExit } from '#engine/field_rules'
import type { DefinitionResolver, ProcessEvent, ProcessState } from '#engine/replay'
import {
  type ActorRole,
  type GuardContext,
  guardRefusal,
  missingFieldsFor,
  roleMayRun,
  stageOf,
  transitionsFrom,
} from '#engine/state_machine'
import type { ActorInfo, DraftCheckVerdict, DraftDifference } from '#engine/draft_check'

export interface StepContext {
  draft: WorkflowDefinition
  resolveDefinition: DefinitionResolver
  actors: ReadonlyMap<number, ActorInfo>
  reference: string
}

export type Finding = {
  verdict: Exclude<DraftCheckVerdict, 'unchanged'>
  difference: DraftDifference
}

function finding(
  verdict: Finding['verdict'],
  difference: Partial<DraftDifference> & Pick<DraftDifference, 'stage' | 'message'>
): Finding {
  return {
    verdict,
    difference: {
      sequence: null,
      transition: null,
      historyTo: null,
      draftTo: null,
      fields: [],
      ...difference,
    },
  }
}

/** Who acted, as a guard sees them: the system for events without an actor. */
function actorOf(step: StepContext, event: ProcessEvent): { email: string; role: ActorRole | '' } {
  if (event.actorId === null) return { email: '', role: 'system' }
  return step.actors.get(event.actorId) ?? { email: '', role: '' }
}

function guardContext(
  step: StepContext,
  state: ProcessState,
  createdAt: Date,
  user: { email: string; role: string },
  now: Date
): GuardContext {
  return {
    process: {
      reference: step.reference,
      title: state.title,
      priority: state.priority,
      stage: state.stage,
      createdAt,
      dueAt: state.dueAt,
    },
    // Team membership at the time is not recorded; history is judged without teams.
    user: { email: user.email, role: user.role, teams: [] },
    now,
  }
}

/** The first data error of `patch` under the draft's fields, if any. */
function invalidData(
  step: StepContext,
  patch: unknown,
  stage: string,
  sequence: number,
  transition: string | null = null
): Finding | null {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return null
  const validation = validateProcessData(
    collectFields(step.draft),
    patch as Record<string, unknown>
  )
  if (validation.valid) return null
  return finding('blocked_by_field_rule', {
    sequence,
    stage,
    transition,
    fields: validation.errors.map((error) => error.field),
    message: validation.errors.map((error) => error.message).join(' '),
  })
}

/** The `started` event: the draft must know the stage and start there. */
export function checkStart(step: StepContext, event: ProcessEvent): Finding | null {
  const stage = event.toStage ?? ''
  if (event.type !== 'started') return null
  if (!stageOf(step.draft, stage)) {
    return finding('unknown_stage', {
      sequence: event.sequence,
      stage,
      message: `The draft has no stage "${stage}", where the process started.`,
    })
  }
  const start = step.draft.stages.find((candidate) => candidate.type === 'start')
  if (start && start.key !== stage) {
    return finding('routes_differently', {
      sequence: event.sequence,
      stage,
      historyTo: stage,
      draftTo: start.key,
      message: `The draft starts processes in "${start.key}", not in "${stage}".`,
    })
  }
  return invalidData(step, event.payload.data, stage, event.sequence)
}

/** One event after the first, checked against the state just before it. */
export function checkStep(
  step: StepContext,
  state: ProcessState,
  createdAt: Date,
  event: ProcessEvent
): Finding | null {
  switch (event.type) {
    case 'transitioned':
      return checkTransitioned(step, state, createdAt, event)
    case 'data_updated':
      return invalidData(step, event.payload.patch, state.stage, event.sequence)
    case 'migrated': {
      const stage = event.toStage ?? state.stage
      if (stageOf(step.draft, stage)) return null
      return finding('unknown_stage', {
        sequence: event.sequence,
        stage,
        message: `The draft has no stage "${stage}", where the process was migrated to.`,
      })
    }
    default:
      return null
  }
}

function checkTransitioned(
  step: StepContext,
  state: ProcessState,
  createdAt: Date,
  event: ProcessEvent
): Finding | null {
  const from = state.stage
  const key = typeof event.payload.transition === 'string' ? event.payload.transition : ''
  const where = { sequence: event.sequence, stage: from, historyTo: event.toStage }
  const draftStage = stageOf(step.draft, from)
  if (!draftStage) {
    return finding('unknown_stage', {
      ...where,
      transition: key,
      message: `The draft has no stage "${from}".`,
    })
  }
  const actor = actorOf(step, event)
  const context = guardContext(step, state, createdAt, actor, event.occurredAt)

  if (isDecisionStage(draftStage)) {
    return checkDecision(step, draftStage, { ...context, data: state.data }, where)
  }
  if (event.payload.route !== undefined) {
    return finding('routes_differently', {
      ...where,
      message: `In the draft "${from}" is not a decision: the process would wait there for someone instead of going on to "${event.toStage}".`,
    })
  }

  const transition = transitionsFrom(step.draft, from).find((candidate) => candidate.key === key)
  if (!transition) {
    return finding('unknown_transition', {
      ...where,
      transition: key,
      message: `The draft has no transition "${key}" from stage "${from}".`,
    })
  }
  const withKey = { ...where, transition: key }
  if (actor.role !== '' && lostRole(step, state, transition, actor.role)) {
    return finding('blocked_by_role', {
      ...withKey,
      message: `In the draft the role "${actor.role}" may not run transition "${key}".`,
    })
  }
  const invalid = invalidData(step, event.payload.data, from, event.sequence, key)
  if (invalid) return invalid
  const data = {
    ...state.data,
    ...((event.payload.data as Record<string, unknown> | undefined) ?? {}),
  }
  const missing = missingFieldsFor(transition, data)
  if (missing.length > 0) {
    return finding('blocked_by_field_rule', {
      ...withKey,
      fields: missing,
      message: `Transition "${key}" needs these fields filled in first: ${missing.join(', ')}.`,
    })
  }
  const blocking = fieldsBlockingExit(step.draft, from, { ...context, data })
  if (blocking.length > 0) {
    return finding('blocked_by_field_rule', {
      ...withKey,
      fields: blocking.map((entry) => entry.field),
      message: blocking.map((entry) => entry.message).join(' '),
    })
  }
  const refusal = guardRefusal(step.draft, transition, {
    stage: from,
    role: actor.role === '' ? 'member' : actor.role,
    data,
    guard: context,
  })
  if (refusal !== null) return finding('blocked_by_guard', { ...withKey, message: refusal })
  if (transition.to !== event.toStage) {
    return finding('routes_differently', {
      ...withKey,
      draftTo: transition.to,
      message: `In the draft transition "${key}" leads to "${transition.to}", not "${event.toStage}".`,
    })
  }
  return null
}

/**
 * A role change is reported only when the draft took the right away: the
 * version the process ran on let that role run the transition.
 */
function lostRole(
  step: StepContext,
  state: ProcessState,
  transition: TransitionDefinition,
  role: ActorRole
): boolean {
  if (roleMayRun(transition, role)) return false
  const ran = step.resolveDefinition(state.workflowVersionId)
  const before = ran?.transitions.find((candidate) => candidate.key === transition.key)
  return before === undefined || roleMayRun(before, role)
}

function checkDecision(
  step: StepContext,
  stage: StageDefinition,
  bindings: Parameters<typeof chooseRoute>[2],
  where: { sequence: number | null; stage: string; historyTo: string | null }
): Finding | null {
  const choice = chooseRoute(step.draft, stage, bindings)
  const target = step.draft.transitions.find((t) => t.key === choice.transition)?.to ?? null
  if (target === where.historyTo) return null
  const rule =
    choice.index === null ? '"otherwise"' : `route ${choice.index + 1} (${choice.when ?? ''})`
  return finding('routes_differently', {
    ...where,
    transition: choice.transition,
    draftTo: target,
    message:
      where.historyTo === null
        ? `The draft's decision "${stage.key}" would send the process on to "${target}" by ${rule}.`
        : `The draft's decision "${stage.key}" would take ${rule} to "${target}"; the process went to "${where.historyTo}".`,
  })
}

/** Stages of a definition from which some end stage can be reached. */
const reachingEnd = new WeakMap<WorkflowDefinition, Set<string>>()

function stagesReachingEnd(definition: WorkflowDefinition): Set<string> {
  let found = reachingEnd.get(definition)
  if (found) return found
  found = new Set(definition.stages.filter((s) => s.type === 'end').map((s) => s.key))
  for (let grew = true; grew;) {
    grew = false
    for (const transition of definition.transitions) {
      if (found.has(transition.to) && !found.has(transition.from)) {
        found.add(transition.from)
        grew = true
      }
    }
  }
  reachingEnd.set(definition, found)
  return found
}

/** A guard naming `user` may hold for someone: only the others can be judged now. */
const readsUser = (source: string) => /\buser\b/.test(source)

/**
 * Where the history leaves an open process: the draft must have its
 * stage, not route it on (a decision), and leave it a way to an end —
 * some path in the graph, and some transition out whose guard could hold.
 */
export function checkEndOfHistory(
  step: StepContext,
  state: ProcessState,
  createdAt: Date,
  last: ProcessEvent,
  now: Date
): Finding | null {
  if (state.status !== 'active') return null
  const stage = stageOf(step.draft, state.stage)
  const where = { sequence: null, stage: state.stage }
  if (!stage) {
    return finding('unknown_stage', {
      ...where,
      message: `The process is in stage "${state.stage}", which the draft does not have.`,
    })
  }
  const system = { email: '', role: 'system' }
  if (isDecisionStage(stage)) {
    const context = guardContext(step, state, createdAt, system, last.occurredAt)
    return checkDecision(
      step,
      stage,
      { ...context, data: state.data },
      { ...where, historyTo: null }
    )
  }
  if (!stagesReachingEnd(step.draft).has(stage.key)) {
    return finding('stuck', {
      ...where,
      message: `In the draft no path leads from "${stage.key}" to an end stage.`,
    })
  }
  const leaving = transitionsFrom(step.draft, stage.key)
  const context = guardContext(step, state, createdAt, system, now)
  const blocked = leaving.every(
    (transition) =>
      transition.when !== undefined &&
      !readsUser(transition.when) &&
      guardRefusal(step.draft, transition, {
        stage: stage.key,
        role: 'system',
        data: state.data,
        guard: context,
      }) !== null
  )
  if (!blocked) return null
  return finding('stuck', {
    ...where,
    message: `In the draft no transition can leave "${stage.key}" with the process's data: every one has a condition that does not hold.`,
  })
}
