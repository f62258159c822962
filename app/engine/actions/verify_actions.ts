/**
 * Static checks of `actions` lists (stages and transitions), called by the
 * engine's verifier: the properties every step has here, each type's own in
 * app/engine/actions/types/<type>.ts. Pure; reports through the callback so
 * every problem is listed at once with its JSON path.
 */
import type { ActionDefinition } from '#engine/definition'
import { parseStepDuration } from '#engine/actions/durations'
import type { EgressRules } from '#engine/actions/call_origin'
import {
  checkRetries,
  isObject,
  show,
  type ActionTransitionReference,
  type Report,
} from '#engine/actions/checks'
import { ACTION_TYPE_RULES, ACTION_TYPES, isActionType } from '#engine/actions/types/registry'

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/
const COMMON = [
  'key',
  'type',
  'name',
  'onSuccess',
  'onFailure',
  'deadline',
  'timeout',
  'attempts',
  'backoff',
]

export function verifyActionList(
  raw: unknown,
  path: string,
  owner: string,
  report: Report,
  egress?: EgressRules
): { actions: ActionDefinition[] | undefined; references: ActionTransitionReference[] } {
  const references: ActionTransitionReference[] = []
  if (raw === undefined || raw === null) return { actions: undefined, references }
  if (!Array.isArray(raw)) {
    report(path, 'invalid_type', `${owner} has ${show(raw)} as "actions", but it must be a list.`)
    return { actions: undefined, references }
  }
  const actions: ActionDefinition[] = []
  raw.forEach((item, index) => {
    const action = verifyAction(item, `${path}[${index}]`, owner, index, report, references, egress)
    if (action) actions.push(action)
  })
  return { actions: actions.length === raw.length ? actions : undefined, references }
}

function verifyAction(
  raw: unknown,
  path: string,
  owner: string,
  index: number,
  report: Report,
  references: ActionTransitionReference[],
  egress?: EgressRules
): ActionDefinition | null {
  if (!isObject(raw)) {
    report(
      path,
      'invalid_type',
      `Action #${index + 1} of ${owner} must be an object, not ${show(raw)}.`
    )
    return null
  }
  let problems = 0
  const note: Report = (p, c, m) => {
    problems++
    report(p, c, m)
  }

  const key = typeof raw.key === 'string' && KEY_PATTERN.test(raw.key) ? raw.key : undefined
  const subject = key ? `Action "${key}" of ${owner}` : `Action #${index + 1} of ${owner}`
  if (raw.key === undefined || raw.key === null)
    note(`${path}.key`, 'missing_property', `${subject} is missing "key".`)
  else if (!key)
    note(
      `${path}.key`,
      'invalid_key',
      `${subject} has the invalid key ${show(raw.key)}; use letters, digits, "-" and "_".`
    )

  const type = raw.type
  if (type === undefined || type === null) {
    note(`${path}.type`, 'missing_property', `${subject} is missing "type".`)
    return null
  }
  if (!isActionType(type)) {
    note(
      `${path}.type`,
      'invalid_action_type',
      `${subject} has the unknown type ${show(type)}; action types are ${ACTION_TYPES.map((t) => `"${t}"`).join(', ')}.`
    )
    return null
  }
  const rules = ACTION_TYPE_RULES[type]
  for (const property of Object.keys(raw)) {
    if (!COMMON.includes(property) && !rules.properties.includes(property)) {
      note(
        `${path}.${property}`,
        'not_allowed_for_action',
        `${subject} is a ${type} action, so it cannot have "${property}".`
      )
    }
  }
  if (raw.name !== undefined && (typeof raw.name !== 'string' || !raw.name.trim())) {
    note(`${path}.name`, 'invalid_type', `${subject} must have text as "name".`)
  }
  for (const property of ['onSuccess', 'onFailure'] as const) {
    const value = raw[property]
    if (value === undefined || value === null) continue
    if (typeof value !== 'string' || !value)
      note(
        `${path}.${property}`,
        'invalid_type',
        `${subject} must name a transition key as "${property}".`
      )
    else references.push({ transition: value, path: `${path}.${property}`, subject })
  }
  checkRetries(raw, path, subject, note)
  if (raw.deadline !== undefined && parseStepDuration(raw.deadline) === null) {
    note(
      `${path}.deadline`,
      'invalid_duration',
      `${subject} has the invalid duration ${show(raw.deadline)} as "deadline"; use e.g. "500ms", "10s", "30m".`
    )
  }

  rules.verify(raw, { path, subject, note, references, egress })
  if (problems > 0 || !key) return null
  return raw as unknown as ActionDefinition
}
