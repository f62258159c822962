import {
  OUTCOMES,
  STAGE_TYPES,
  type AutomaticTransition,
  type Outcome,
  type StageAssignee,
  type StageDefinition,
  type StageEscalation,
  type StageType,
} from '#engine/definition'
import { verifyFields } from '#engine/verifier/fields'
import { verifyDecision } from '#engine/verifier/decisions'
import { readTeamAssignment, verifyApproval } from '#engine/verifier/collaboration'
import { verifyChildren } from '#engine/verifier/children'
import {
  type JsonObject,
  at,
  child,
  describeValue,
  includes,
  isAbsent,
  quoteList,
} from '#engine/verifier/rules'
import { type Verification, stageSubject } from '#engine/verifier/verification'

/** The properties an element may have; any other is reported. */
const STAGE_PROPERTIES = [
  'key',
  'name',
  'type',
  'outcome',
  'sla',
  'slaClock',
  'assignee',
  'fields',
  'automatic',
  'escalation',
  'approval',
  'actions',
  'routes',
  'otherwise',
  'children',
]
const ASSIGNEE_PROPERTIES = ['role', 'user', 'team', 'strategy']
const AUTOMATIC_PROPERTIES = ['after', 'transition']
const ESCALATION_PROPERTIES = [
  'reassignRole',
  'reassignUser',
  'reassignTeam',
  'strategy',
  'transition',
]

/**
 * One stage: key, name, type and outcome, time-based behaviour (SLA,
 * automatic transition, escalation), assignee, fields and actions.
 */
export function verifyStage(
  run: Verification,
  raw: unknown,
  index: number
): StageDefinition | null {
  const path = at('$.stages', index)
  if (!run.expectObject(raw, path, `Stage #${index + 1}`)) return null

  if (typeof raw.key === 'string') run.writtenStageKeys.add(raw.key)
  const { key, subject, name } = run.readIdentity(
    raw,
    path,
    (k) => stageSubject(index, k),
    STAGE_PROPERTIES,
    'name'
  )

  const type = run.readEnum(
    raw,
    'type',
    path,
    subject,
    STAGE_TYPES,
    'invalid_stage_type',
    'stage types'
  )

  let outcome: Outcome | undefined
  if (isAbsent(raw.outcome)) {
    if (type === 'end') {
      run.report(
        child(path, 'outcome'),
        'missing_outcome',
        `${subject} is an end stage but has no outcome; use one of ${quoteList(OUTCOMES)}.`
      )
    }
  } else if (!includes(OUTCOMES, raw.outcome)) {
    run.report(
      child(path, 'outcome'),
      'invalid_outcome',
      `${subject} has the unknown outcome ${describeValue(raw.outcome)}; outcomes are ${quoteList(OUTCOMES)}.`
    )
  } else if (type !== undefined && type !== 'end') {
    run.report(
      child(path, 'outcome'),
      'outcome_not_allowed',
      `${subject} is a ${type} stage, but only end stages have an outcome.`
    )
  } else {
    outcome = raw.outcome
  }

  // Time-based behaviour makes no sense once a process is closed.
  if (type === 'end') {
    for (const property of ['sla', 'slaClock', 'automatic', 'escalation']) {
      if (!isAbsent(raw[property])) {
        run.report(
          child(path, property),
          'not_allowed_on_end_stage',
          `${subject} is an end stage, so it cannot have "${property}".`
        )
      }
    }
  }

  const decision = verifyDecision(run, raw, path, subject, index, key, type)
  const sla = run.readDuration(raw, 'sla', path, subject, false, true)
  const slaClock = verifySlaClock(run, raw, path, subject, type)
  const assignee = verifyAssignee(run, raw, path, subject)
  const fields = verifyFields(run, raw, path, subject)
  const automatic = verifyAutomatic(run, raw, path, subject, index, key)
  const escalation = verifyEscalation(run, raw, path, subject, index, key)
  const approval = verifyApproval(run, raw, path, subject, index, key, type)
  const children = verifyChildren(run, raw, path, subject, index, key, type)
  const actions =
    type === 'end' && !isAbsent(raw.actions) ? undefined : run.readActions(raw, path, subject)
  if (type === 'end' && !isAbsent(raw.actions)) {
    run.report(
      child(path, 'actions'),
      'not_allowed_on_end_stage',
      `${subject} is an end stage, so it cannot have "actions".`
    )
  }

  if (escalation !== undefined && isAbsent(raw.sla) && type !== 'end') {
    run.report(
      child(path, 'escalation'),
      'escalation_without_sla',
      `${subject} has an escalation but no SLA, so the escalation could never trigger.`
    )
  }

  if (key !== undefined) {
    const first = run.stagesByKey.get(key)
    if (first) {
      run.report(
        child(path, 'key'),
        'duplicate_stage_key',
        `Stages #${first.index + 1} and #${index + 1} both use the key "${key}"; stage keys must be unique.`
      )
    } else {
      run.stagesByKey.set(key, { index, key, type, outcome })
    }
  }

  if (key === undefined || name === undefined || type === undefined) return null
  return {
    key,
    name,
    type,
    ...decision,
    ...(outcome === undefined ? {} : { outcome }),
    ...(sla === undefined ? {} : { sla }),
    ...(slaClock === undefined ? {} : { slaClock }),
    ...(assignee === undefined ? {} : { assignee }),
    ...(fields === undefined ? {} : { fields }),
    ...(automatic === undefined ? {} : { automatic }),
    ...(escalation === undefined ? {} : { escalation }),
    ...(approval === undefined ? {} : { approval }),
    ...(actions === undefined ? {} : { actions }),
    ...(children === undefined ? {} : { children }),
  }
}

/** Checks there is exactly one start stage and at least one end stage. */
export function verifyStageSet(run: Verification): void {
  const nodes = [...run.stagesByKey.values()]
  // Duplicated keys are not in `stagesByKey`; their types were still read,
  // but counting them would make one mistake look like two.
  const starts = nodes.filter((node) => node.type === 'start')
  const ends = nodes.filter((node) => node.type === 'end')
  if (starts.length === 0) {
    run.report(
      '$.stages',
      'missing_start_stage',
      'The workflow has no start stage; exactly one stage must have type "start".'
    )
  }
  for (const extra of starts.slice(1)) {
    run.report(
      child(at('$.stages', extra.index), 'type'),
      'multiple_start_stages',
      `Stage "${extra.key}" is a second start stage; stage "${starts[0].key}" is already the start, and a workflow has exactly one.`
    )
  }
  if (ends.length === 0) {
    run.report(
      '$.stages',
      'missing_end_stage',
      'The workflow has no end stage; at least one stage must have type "end".'
    )
  }
}

function verifyAssignee(
  run: Verification,
  stage: JsonObject,
  stagePath: string,
  stageSubjectText: string
): StageAssignee | undefined {
  const raw = run.readObject(stage, 'assignee', stagePath, stageSubjectText)
  if (!raw) return undefined
  const path = child(stagePath, 'assignee')
  const subject = `The assignee of ${stageSubjectText.replace(/^S/, 's')}`
  run.checkUnknownProperties(raw, ASSIGNEE_PROPERTIES, path, subject)
  const role = run.readRole(raw, 'role', path, subject)
  const user = run.readEmail(raw, 'user', path, subject)
  return {
    ...(role === undefined ? {} : { role }),
    ...(user === undefined ? {} : { user }),
    ...readTeamAssignment(run, raw, path, subject, 'team'),
  }
}

function verifyAutomatic(
  run: Verification,
  stage: JsonObject,
  stagePath: string,
  stageSubjectText: string,
  stageIndex: number,
  stageKey: string | undefined
): AutomaticTransition | undefined {
  const raw = run.readObject(stage, 'automatic', stagePath, stageSubjectText)
  if (!raw) return undefined
  const path = child(stagePath, 'automatic')
  const subject = `The automatic transition of ${stageSubjectText.replace(/^S/, 's')}`
  run.checkUnknownProperties(raw, AUTOMATIC_PROPERTIES, path, subject)
  const after = run.readDuration(raw, 'after', path, subject, true)
  const transition = run.readString(raw, 'transition', path, subject, { required: true })
  if (transition !== undefined) {
    run.transitionReferences.push({
      stageIndex,
      stageKey,
      transition,
      path: child(path, 'transition'),
      feature: 'automatic',
    })
  }
  if (after === undefined || transition === undefined) return undefined
  return { after, transition }
}

function verifyEscalation(
  run: Verification,
  stage: JsonObject,
  stagePath: string,
  stageSubjectText: string,
  stageIndex: number,
  stageKey: string | undefined
): StageEscalation | undefined {
  const raw = run.readObject(stage, 'escalation', stagePath, stageSubjectText)
  if (!raw) return undefined
  const path = child(stagePath, 'escalation')
  const subject = `The escalation of ${stageSubjectText.replace(/^S/, 's')}`
  run.checkUnknownProperties(raw, ESCALATION_PROPERTIES, path, subject)
  if (ESCALATION_PROPERTIES.every((property) => isAbsent(raw[property]))) {
    run.report(
      path,
      'empty_escalation',
      `${subject} does nothing; give it "reassignRole", "reassignUser", "reassignTeam" or "transition".`
    )
  }
  const reassignRole = run.readRole(raw, 'reassignRole', path, subject)
  const reassignUser = run.readEmail(raw, 'reassignUser', path, subject)
  const transition = run.readString(raw, 'transition', path, subject, { required: false })
  if (transition !== undefined) {
    run.transitionReferences.push({
      stageIndex,
      stageKey,
      transition,
      path: child(path, 'transition'),
      feature: 'escalation',
    })
  }
  return {
    ...(reassignRole === undefined ? {} : { reassignRole }),
    ...(reassignUser === undefined ? {} : { reassignUser }),
    ...escalationTeam(readTeamAssignment(run, raw, path, subject, 'reassignTeam')),
    ...(transition === undefined ? {} : { transition }),
  }
}

/** An escalation names its team `reassignTeam`. */
function escalationTeam({
  team,
  strategy,
}: {
  team?: string
  strategy?: StageEscalation['strategy']
}) {
  return {
    ...(team === undefined ? {} : { reassignTeam: team }),
    ...(strategy === undefined ? {} : { strategy }),
  }
}

/**
 * `slaClock: "paused"` ("waiting on customer"): the stage holds the SLA
 * clock of the stage the process came from, so it cannot run one itself.
 */
function verifySlaClock(
  run: Verification,
  raw: JsonObject,
  path: string,
  subject: string,
  type: StageType | undefined
): 'paused' | undefined {
  if (isAbsent(raw.slaClock) || type === 'end') return undefined
  if (raw.slaClock !== 'paused') {
    run.report(
      child(path, 'slaClock'),
      'invalid_sla_clock',
      `${subject} has ${describeValue(raw.slaClock)} as "slaClock"; the only value is "paused".`
    )
    return undefined
  }
  if (!isAbsent(raw.sla)) {
    run.report(
      child(path, 'sla'),
      'sla_on_paused_stage',
      `${subject} pauses the SLA clock, so it cannot have an SLA of its own.`
    )
  }
  return 'paused'
}
