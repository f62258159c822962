/**
 * The people side of a stage (issue 19): team assignees and their
 * strategy, team escalations, and approvals by several people.
 */
import {
  ASSIGNMENT_STRATEGIES,
  REJECT_POLICIES,
  type ApprovalFrom,
  type ApprovalPolicy,
  type AssignmentStrategy,
  type StageApproval,
  type StageType,
} from '#engine/definition'
import {
  type JsonObject,
  EMAIL_PATTERN,
  IDENTIFIER_RULE,
  child,
  describeValue,
  includes,
  isAbsent,
  isObject,
  quoteList,
} from '#engine/verifier/rules'
import type { Verification } from '#engine/verifier/verification'

const APPROVAL_PROPERTIES = ['from', 'policy', 'approve', 'reject', 'rejectPolicy', 'fourEyes']
const MAX_APPROVERS = 100

/** `team` (a team key) and `strategy` of an assignee or (`reassignTeam`) an escalation. */
export function readTeamAssignment(
  run: Verification,
  raw: JsonObject,
  path: string,
  subject: string,
  teamProperty: 'team' | 'reassignTeam'
): { team?: string; strategy?: AssignmentStrategy } {
  const team = run.readString(raw, teamProperty, path, subject, {
    ...IDENTIFIER_RULE,
    required: false,
  })
  let strategy: AssignmentStrategy | undefined
  if (!isAbsent(raw.strategy)) {
    if (!includes(ASSIGNMENT_STRATEGIES, raw.strategy)) {
      run.report(
        child(path, 'strategy'),
        'invalid_strategy',
        `${subject} has the unknown strategy ${describeValue(raw.strategy)}; strategies are ${quoteList(ASSIGNMENT_STRATEGIES)}.`
      )
    } else if (isAbsent(raw[teamProperty])) {
      run.report(
        child(path, 'strategy'),
        'strategy_without_team',
        `${subject} has a strategy but no "${teamProperty}"; a strategy picks a member of a team.`
      )
    } else {
      strategy = raw.strategy
    }
  }
  return {
    ...(team === undefined ? {} : { team }),
    ...(strategy === undefined ? {} : { strategy }),
  }
}

/**
 * A stage's `approval`: who votes, the policy, and the transitions taken
 * when it is decided (checked later, with every transition known, to
 * exist and to leave the stage).
 */
export function verifyApproval(
  run: Verification,
  stage: JsonObject,
  stagePath: string,
  stageSubjectText: string,
  stageIndex: number,
  stageKey: string | undefined,
  type: StageType | undefined
): StageApproval | undefined {
  const raw = run.readObject(stage, 'approval', stagePath, stageSubjectText)
  if (!raw) return undefined
  const path = child(stagePath, 'approval')
  // Decision stages report it with their other unused properties.
  if (type === 'decision') return undefined
  if (type === 'end') {
    run.report(
      path,
      'not_allowed_on_end_stage',
      `${stageSubjectText} is an end stage, so it cannot have "approval".`
    )
    return undefined
  }
  const subject = `The approval of ${stageSubjectText.replace(/^S/, 's')}`
  run.checkUnknownProperties(raw, APPROVAL_PROPERTIES, path, subject)
  const from = readFrom(run, raw, path, subject)
  const policy = readPolicy(run, raw, path, subject)
  const transitions: Record<'approve' | 'reject', string | undefined> = {
    approve: undefined,
    reject: undefined,
  }
  for (const property of ['approve', 'reject'] as const) {
    const transition = run.readString(raw, property, path, subject, {
      ...IDENTIFIER_RULE,
      required: true,
    })
    transitions[property] = transition
    if (transition !== undefined) {
      run.transitionReferences.push({
        stageIndex,
        stageKey,
        transition,
        path: child(path, property),
        feature: 'approval',
      })
    }
  }
  let rejectPolicy: StageApproval['rejectPolicy']
  if (!isAbsent(raw.rejectPolicy)) {
    if (includes(REJECT_POLICIES, raw.rejectPolicy)) rejectPolicy = raw.rejectPolicy
    else {
      run.report(
        child(path, 'rejectPolicy'),
        'invalid_approval',
        `${subject} has the unknown rejectPolicy ${describeValue(raw.rejectPolicy)}; use ${quoteList(REJECT_POLICIES)}.`
      )
    }
  }
  let fourEyes: boolean | undefined
  if (!isAbsent(raw.fourEyes)) {
    if (typeof raw.fourEyes === 'boolean') fourEyes = raw.fourEyes
    else {
      run.report(
        child(path, 'fourEyes'),
        'invalid_type',
        `${subject} has ${describeValue(raw.fourEyes)} as "fourEyes", but it must be true or false.`
      )
    }
  }
  if (!from || !policy || !transitions.approve || !transitions.reject) return undefined
  return {
    from,
    policy,
    approve: transitions.approve,
    reject: transitions.reject,
    ...(rejectPolicy === undefined ? {} : { rejectPolicy }),
    ...(fourEyes === undefined ? {} : { fourEyes }),
  }
}

function readFrom(
  run: Verification,
  raw: JsonObject,
  path: string,
  subject: string
): ApprovalFrom | undefined {
  const value = raw.from
  const fromPath = child(path, 'from')
  const shape = 'use { "team": "<key>" }, { "role": "<role>" } or { "users": ["<e-mail>", …] }'
  if (isAbsent(value)) {
    run.report(fromPath, 'missing_property', `${subject} is missing "from"; ${shape}.`)
    return undefined
  }
  if (!isObject(value) || Object.keys(value).length !== 1) {
    run.report(
      fromPath,
      'invalid_approval',
      `${subject} says whom to ask in an unknown way; ${shape}.`
    )
    return undefined
  }
  if ('team' in value) {
    const team = run.readString(value, 'team', fromPath, subject, {
      ...IDENTIFIER_RULE,
      required: true,
    })
    return team === undefined ? undefined : { team }
  }
  if ('role' in value) {
    const role = run.readRole(value, 'role', fromPath, subject)
    return role === undefined ? undefined : { role }
  }
  if ('users' in value) {
    const users = value.users
    if (
      !Array.isArray(users) ||
      users.length === 0 ||
      users.length > MAX_APPROVERS ||
      !users.every((u) => typeof u === 'string' && EMAIL_PATTERN.test(u))
    ) {
      run.report(
        child(fromPath, 'users'),
        'invalid_approval',
        `${subject} must list 1 to ${MAX_APPROVERS} e-mail addresses in "users".`
      )
      return undefined
    }
    return { users: users as string[] }
  }
  run.report(
    fromPath,
    'invalid_approval',
    `${subject} says whom to ask in an unknown way; ${shape}.`
  )
  return undefined
}

function readPolicy(
  run: Verification,
  raw: JsonObject,
  path: string,
  subject: string
): ApprovalPolicy | undefined {
  const value = raw.policy
  const policyPath = child(path, 'policy')
  if (value === 'all' || value === 'any') return value
  if (
    isObject(value) &&
    Object.keys(value).length === 1 &&
    typeof value.quorum === 'number' &&
    Number.isInteger(value.quorum) &&
    value.quorum >= 1 &&
    value.quorum <= MAX_APPROVERS
  ) {
    return { quorum: value.quorum }
  }
  run.report(
    policyPath,
    isAbsent(value) ? 'missing_property' : 'invalid_approval',
    `${subject} needs a "policy": "all", "any" or { "quorum": n } with n from 1 to ${MAX_APPROVERS}.`
  )
  return undefined
}
