import { ROLES, type Role, type TransitionDefinition } from '#engine/definition'
import { compileExpression } from '#engine/expressions'
import { type Verification, stageSubject, transitionSubject } from '#engine/verifier/verification'
import {
  type JsonObject,
  MAX_NAME_LENGTH,
  at,
  child,
  describeValue,
  includes,
  quoteList,
} from '#engine/verifier/rules'

/** The properties an element may have; any other is reported. */
const TRANSITION_PROPERTIES = [
  'key',
  'from',
  'to',
  'label',
  'roles',
  'teams',
  'requires',
  'when',
  'whenMessage',
  'actions',
]
const MAX_WHEN_MESSAGE_LENGTH = 200

/**
 * One transition: its key, both ends (existing stages, not leaving an end
 * stage), label, roles, required fields and actions.
 */
export function verifyTransition(
  run: Verification,
  raw: unknown,
  index: number
): TransitionDefinition | null {
  const path = at('$.transitions', index)
  if (!run.expectObject(raw, path, `Transition #${index + 1}`)) return null
  const { key, subject } = run.readIdentity(
    raw,
    path,
    (k) => transitionSubject(index, k),
    TRANSITION_PROPERTIES
  )

  const from = verifyEndpoint(run, raw, 'from', path, subject)
  const to = verifyEndpoint(run, raw, 'to', path, subject)
  if (from !== undefined && run.stagesByKey.get(from)?.type === 'end') {
    run.report(
      child(path, 'from'),
      'transition_from_end_stage',
      `${subject} leaves the end stage "${from}", but a process in an end stage is closed and cannot move.`
    )
  }
  if (from !== undefined && to !== undefined) run.edges.push({ key, from, to })

  const label = run.readString(raw, 'label', path, subject, {
    required: false,
    maxLength: MAX_NAME_LENGTH,
  })

  let roles: Role[] | undefined
  const roleList = run.readList(raw, 'roles', path, subject, false)
  if (roleList) {
    roles = []
    roleList.forEach((role, roleIndex) => {
      if (includes(ROLES, role)) {
        if (!roles!.includes(role)) roles!.push(role)
      } else {
        run.report(
          at(child(path, 'roles'), roleIndex),
          'invalid_role',
          `${subject} allows the unknown role ${describeValue(role)}; roles are ${quoteList(ROLES)}.`
        )
      }
    })
  }

  const teams = verifyTeams(run, raw, path, subject)

  let requires: string[] | undefined
  const requiredList = run.readList(raw, 'requires', path, subject, false)
  if (requiredList) {
    requires = []
    requiredList.forEach((field, fieldIndex) => {
      // Any stage's field counts: data collected in an earlier stage (or
      // in a later one, on a loop back) is legitimately required here.
      if (typeof field === 'string' && run.fieldKeys.has(field)) {
        if (!requires!.includes(field)) requires!.push(field)
      } else {
        run.report(
          at(child(path, 'requires'), fieldIndex),
          'unknown_field',
          `${subject} requires the field ${describeValue(field)}, but no stage of the workflow declares it.`
        )
      }
    })
  }

  const when = verifyGuard(run, raw, path, subject)
  const whenMessage = run.readString(raw, 'whenMessage', path, subject, {
    required: false,
    maxLength: MAX_WHEN_MESSAGE_LENGTH,
  })

  const actions = run.readActions(raw, path, subject)

  if (key === undefined) return null
  const first = run.transitionsByKey.get(key)
  if (first) {
    run.report(
      child(path, 'key'),
      'duplicate_transition_key',
      `Transitions #${first.index + 1} and #${index + 1} both use the key "${key}"; transition keys must be unique.`
    )
    return null
  }
  run.transitionsByKey.set(key, { index, from, to })
  if (from === undefined || to === undefined) return null
  return {
    key,
    from,
    to,
    ...(label === undefined ? {} : { label }),
    ...(roles === undefined ? {} : { roles }),
    ...(teams === undefined ? {} : { teams }),
    ...(requires === undefined ? {} : { requires }),
    ...(when === undefined ? {} : { when }),
    ...(whenMessage === undefined ? {} : { whenMessage }),
    ...(actions === undefined ? {} : { actions }),
  }
}

/** `when`: a CEL condition checked against the workflow's fields (types, names, boolean result). */
function verifyGuard(
  run: Verification,
  transition: JsonObject,
  path: string,
  subject: string
): string | undefined {
  const source = run.readString(transition, 'when', path, subject, { required: false })
  if (source === undefined) return undefined
  const compiled = compileExpression(source, { fields: Object.fromEntries(run.fieldTypes) })
  if (compiled.ok) return source
  run.report(
    child(path, 'when'),
    'invalid_expression',
    `The condition of ${subject.replace(/^T/, 't')} is not usable: ${compiled.message}`
  )
  return undefined
}

function verifyEndpoint(
  run: Verification,
  transition: JsonObject,
  property: 'from' | 'to',
  path: string,
  subject: string
): string | undefined {
  const stageKey = run.readString(transition, property, path, subject, { required: true })
  if (stageKey === undefined || !run.stagesUsable) return undefined
  if (!run.stagesByKey.has(stageKey)) {
    // A stage whose key is malformed has its own problem; saying it "does
    // not exist" as well would only confuse.
    if (run.writtenStageKeys.has(stageKey)) return undefined
    run.report(
      child(path, property),
      'unknown_stage',
      `${subject} goes ${property} the stage "${stageKey}", which does not exist.`
    )
    return undefined
  }
  return stageKey
}

/** `automatic.transition` and `escalation.transition` must leave their own stage. */
export function verifyTransitionReferences(run: Verification): void {
  for (const reference of run.actionReferences) {
    if (!run.transitionsByKey.has(reference.transition)) {
      run.report(
        reference.path,
        'unknown_transition',
        `${reference.subject} names the transition "${reference.transition}", which does not exist.`
      )
    }
  }
  for (const reference of run.transitionReferences) {
    const stageText = stageSubject(reference.stageIndex, reference.stageKey).replace(/^S/, 's')
    const what =
      reference.feature === 'automatic'
        ? 'automatic transition'
        : reference.feature === 'approval'
          ? 'approval'
          : reference.feature === 'children'
            ? 'children setting'
            : 'escalation'
    const target = run.transitionsByKey.get(reference.transition)
    if (target === undefined) {
      run.report(
        reference.path,
        'unknown_transition',
        `The ${what} of ${stageText} names the transition "${reference.transition}", which does not exist.`
      )
    } else if (
      reference.stageKey !== undefined &&
      target.from !== undefined &&
      target.from !== reference.stageKey
    ) {
      run.report(
        reference.path,
        'transition_not_from_stage',
        `The ${what} of ${stageText} names the transition "${reference.transition}", which does not leave ${stageText}.`
      )
    } else if (reference.feature === 'approval' && target.to === reference.stageKey) {
      run.report(
        reference.path,
        'approval_transition_stays',
        `The approval of ${stageText} names the transition "${reference.transition}", which leads back into ${stageText}; a decided approval must leave the stage.`
      )
    }
  }
}

/** Team keys are the teams' own (`finance`): lower-case letters, digits, `-` and `_`. */
const TEAM_KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/

/**
 * `teams`: a list of team keys whose members may run the transition beside
 * its `roles`. Teams are data, not part of the definition, so a key that
 * names no team yet is allowed (nobody is in it); a value that is not a
 * key is a problem.
 */
function verifyTeams(run: Verification, raw: JsonObject, path: string, subject: string) {
  const list = run.readList(raw, 'teams', path, subject, false)
  if (!list) return undefined
  const teams: string[] = []
  list.forEach((team, index) => {
    if (typeof team === 'string' && TEAM_KEY.test(team)) {
      if (!teams.includes(team)) teams.push(team)
    } else {
      run.report(
        at(child(path, 'teams'), index),
        'invalid_team',
        `${subject} allows the team ${describeValue(team)}, which is not a team key (lower-case letters, digits, "-" and "_").`
      )
    }
  })
  return teams
}
