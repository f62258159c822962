/**
 * Static checks of `actions` lists (stages and transitions), called by the
 * engine's verifier. Pure; reports through the callback so every problem
 * is listed at once with its JSON path.
 */
import { ACTION_TYPES, HTTP_METHODS, ROLES, type ActionDefinition } from '#engine/definition'
import { parseStepDuration } from '#engine/actions/durations'
import { placeholdersOf, stringLeaves, templateProblems } from '#engine/actions/templates'
import { literalOrigin, type EgressRules } from '#engine/actions/call_origin'

export type ActionProblemCode =
  | 'invalid_type'
  | 'missing_property'
  | 'unknown_property'
  | 'invalid_key'
  | 'invalid_action_type'
  | 'invalid_method'
  | 'invalid_url'
  | 'invalid_template'
  | 'invalid_duration'
  | 'invalid_attempts'
  | 'invalid_role'
  | 'not_allowed_for_action'
  | 'duplicate_action_key'
  | 'refused_host'
  | 'secret_not_allowed'

export type Report = (path: string, code: ActionProblemCode, message: string) => void

/** A transition an action names, checked by the verifier once transitions are known. */
export type ActionTransitionReference = { transition: string; path: string; subject: string }

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
const CALL = ['method', 'url', 'headers', 'body', 'timeout', 'attempts', 'backoff']
const BY_TYPE: Record<string, string[]> = {
  http: [...COMMON, ...CALL, 'compensation'],
  set_data: [...COMMON, 'data'],
  notify: [...COMMON, 'notify'],
  transition: [...COMMON, 'transition'],
}
export const MAX_ATTEMPTS = 20

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const show = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : JSON.stringify(v)

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
  if (!(ACTION_TYPES as readonly unknown[]).includes(type)) {
    note(
      `${path}.type`,
      'invalid_action_type',
      `${subject} has the unknown type ${show(type)}; action types are ${ACTION_TYPES.map((t) => `"${t}"`).join(', ')}.`
    )
    return null
  }
  for (const property of Object.keys(raw)) {
    if (!BY_TYPE[type as string]!.includes(property)) {
      note(
        `${path}.${property}`,
        'not_allowed_for_action',
        `${subject} is a ${String(type)} action, so it cannot have "${property}".`
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

  if (type === 'http') {
    checkCall(raw, path, subject, note, egress)
    if (raw.compensation !== undefined) {
      if (!isObject(raw.compensation)) {
        note(
          `${path}.compensation`,
          'invalid_type',
          `${subject} must have an object as "compensation".`
        )
      } else {
        const cpath = `${path}.compensation`
        const csubject = `The compensation of ${subject.replace(/^A/, 'a')}`
        for (const property of Object.keys(raw.compensation)) {
          if (!CALL.includes(property))
            note(
              `${cpath}.${property}`,
              'unknown_property',
              `${csubject} has an unknown property "${property}"; allowed properties are ${CALL.map((p) => `"${p}"`).join(', ')}.`
            )
        }
        checkCall(raw.compensation, cpath, csubject, note, egress)
        checkRetries(raw.compensation, cpath, csubject, note)
      }
    }
  } else if (type === 'set_data') {
    if (!isObject(raw.data) || Object.keys(raw.data).length === 0) {
      note(
        `${path}.data`,
        raw.data === undefined ? 'missing_property' : 'invalid_type',
        `${subject} needs "data": an object of field → template.`
      )
    } else {
      for (const [field, template] of Object.entries(raw.data)) {
        if (typeof template !== 'string')
          note(
            `${path}.data.${field}`,
            'invalid_type',
            `${subject} must give a template text for "${field}".`
          )
        else
          templateProblems(template, false).forEach((m) =>
            note(
              `${path}.data.${field}`,
              'invalid_template',
              `${subject}: the value of "${field}" ${m}.`
            )
          )
      }
    }
  } else if (type === 'notify') {
    const notify = raw.notify
    if (!isObject(notify) || typeof notify.message !== 'string' || !notify.message.trim()) {
      note(
        `${path}.notify`,
        notify === undefined ? 'missing_property' : 'invalid_type',
        `${subject} needs "notify" with a "message" and a "role" or "user".`
      )
    } else {
      if (notify.role === undefined && notify.user === undefined)
        note(`${path}.notify`, 'missing_property', `${subject} must notify a "role" or a "user".`)
      if (notify.role !== undefined && !(ROLES as readonly unknown[]).includes(notify.role))
        note(
          `${path}.notify.role`,
          'invalid_role',
          `${subject} names the unknown role ${show(notify.role)}.`
        )
      templateProblems(notify.message, false).forEach((m) =>
        note(`${path}.notify.message`, 'invalid_template', `${subject}: the message ${m}.`)
      )
    }
  } else if (type === 'transition') {
    if (typeof raw.transition !== 'string' || !raw.transition)
      note(
        `${path}.transition`,
        'missing_property',
        `${subject} must name the transition to take as "transition".`
      )
    else references.push({ transition: raw.transition, path: `${path}.transition`, subject })
  }
  if (problems > 0 || !key) return null
  return raw as unknown as ActionDefinition
}

function checkRetries(raw: Record<string, unknown>, path: string, subject: string, note: Report) {
  for (const property of ['timeout', 'backoff']) {
    if (raw[property] !== undefined && parseStepDuration(raw[property]) === null) {
      note(
        `${path}.${property}`,
        'invalid_duration',
        `${subject} has the invalid duration ${show(raw[property])} as "${property}"; use e.g. "500ms", "10s", "5m".`
      )
    }
  }
  const attempts = raw.attempts
  if (
    attempts !== undefined &&
    (!Number.isInteger(attempts) || (attempts as number) < 1 || (attempts as number) > MAX_ATTEMPTS)
  ) {
    note(
      `${path}.attempts`,
      'invalid_attempts',
      `${subject} has ${show(attempts)} as "attempts"; use a whole number from 1 to ${MAX_ATTEMPTS}.`
    )
  }
}

function checkCall(
  raw: Record<string, unknown>,
  path: string,
  subject: string,
  note: Report,
  egress?: EgressRules
) {
  let origin: URL | null = null
  if (!(HTTP_METHODS as readonly unknown[]).includes(raw.method)) {
    note(
      `${path}.method`,
      raw.method === undefined ? 'missing_property' : 'invalid_method',
      `${subject} needs "method", one of ${HTTP_METHODS.join(', ')}.`
    )
  }
  if (typeof raw.url !== 'string' || !raw.url.trim()) {
    note(`${path}.url`, 'missing_property', `${subject} needs a "url".`)
  } else {
    const problems = templateProblems(raw.url, false)
    problems.forEach((m) => note(`${path}.url`, 'invalid_template', `${subject}: the URL ${m}.`))
    origin = problems.length ? null : literalOrigin(raw.url)
    if (!problems.length && !origin) {
      note(
        `${path}.url`,
        'invalid_url',
        `${subject} has the URL "${raw.url}"; it must start with http:// or https:// and a fixed host and port (no placeholder, "@", "?" or "#" before the path).`
      )
    }
    const refused = origin && egress?.refusal(origin)
    if (refused) {
      note(
        `${path}.url`,
        'refused_host',
        `${subject} may not call ${origin!.host}: ${refused}; add it to AUTOMATION_ALLOWED_HOSTS if it is meant to be reachable.`
      )
    }
  }
  if (raw.headers !== undefined) {
    if (!isObject(raw.headers))
      note(
        `${path}.headers`,
        'invalid_type',
        `${subject} must have an object of header → text as "headers".`
      )
    else {
      for (const [name, value] of Object.entries(raw.headers)) {
        if (typeof value !== 'string')
          note(
            `${path}.headers.${name}`,
            'invalid_type',
            `${subject}: the header "${name}" must be text.`
          )
        else {
          templateProblems(value, true).forEach((m) =>
            note(
              `${path}.headers.${name}`,
              'invalid_template',
              `${subject}: the header "${name}" ${m}.`
            )
          )
          checkSecrets(
            value,
            `${path}.headers.${name}`,
            `${subject}: the header "${name}"`,
            origin,
            note,
            egress
          )
        }
      }
    }
  }
  if (raw.body !== undefined) {
    for (const leaf of stringLeaves(raw.body)) {
      templateProblems(leaf, false).forEach((m) =>
        note(`${path}.body`, 'invalid_template', `${subject}: the body ${m}.`)
      )
    }
  }
}

/** Each secret a header sends must be bound to the call's host. */
function checkSecrets(
  template: string,
  path: string,
  subject: string,
  origin: URL | null,
  note: Report,
  egress?: EgressRules
) {
  if (!origin || !egress) return
  for (const placeholder of placeholdersOf(template)) {
    if (!placeholder.startsWith('secret.')) continue
    const name = placeholder.slice('secret.'.length)
    const refused = egress.secretRefusal(name, origin)
    if (refused)
      note(
        path,
        'secret_not_allowed',
        `${subject} sends the secret "${name}" to ${origin.host}, but ${refused}.`
      )
  }
}
