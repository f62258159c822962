/** An `http` step: a call, and optionally a compensation call undoing it. */
import { HTTP_METHODS } from '#engine/definition'
import { placeholdersOf, stringLeaves, templateProblems } from '#engine/actions/templates'
import { literalOrigin, type EgressRules } from '#engine/actions/call_origin'
import { checkRetries, isObject, type Report } from '#engine/actions/checks'
import type { ActionTypeRules } from '#engine/actions/types/action_type'

/** The properties of a call (the step itself, or its compensation). */
const CALL = ['method', 'url', 'headers', 'body', 'timeout', 'attempts', 'backoff']

export const httpRules: ActionTypeRules<'http'> = {
  type: 'http',
  properties: [...CALL, 'compensation'],
  verify(raw, { path, subject, note, egress }) {
    checkCall(raw, path, subject, note, egress)
    if (raw.compensation === undefined) return
    if (!isObject(raw.compensation)) {
      note(
        `${path}.compensation`,
        'invalid_type',
        `${subject} must have an object as "compensation".`
      )
      return
    }
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
  },
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
