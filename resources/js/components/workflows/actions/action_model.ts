/**
 * Pure edits of a list of actions (a stage's or a transition's). Edits keep
 * every property they do not touch, in its place, so a definition opened
 * and saved unchanged stays identical; an emptied input removes its property.
 */
import type { ActionDefinition, ActionType, HttpCall } from '#engine/definition'

export const ACTION_TYPE_ORDER: readonly ActionType[] = ['http', 'set_data', 'notify', 'transition']

type Patch = Record<string, unknown>

/** Sets (or, for '' and undefined, removes) properties of an object. */
export function patchObject<T extends object>(value: T, patch: Patch): T {
  const next = { ...value } as Record<string, unknown>
  for (const [property, item] of Object.entries(patch)) {
    if (item === '' || item === undefined) delete next[property]
    else next[property] = item
  }
  return next as T
}

function uniqueKey(base: string, taken: readonly string[]): string {
  let n = 1
  while (taken.includes(`${base}_${n}`)) n++
  return `${base}_${n}`
}

/** A new action of a type with what it needs to be filled in. */
export function newAction(type: ActionType, takenKeys: readonly string[]): ActionDefinition {
  const key = uniqueKey(type, takenKeys)
  switch (type) {
    case 'http':
      return { key, type, method: 'POST', url: '' }
    case 'set_data':
      return { key, type, data: {} }
    case 'notify':
      return { key, type, notify: { message: '' } }
    case 'transition':
      return { key, type, transition: '' }
  }
}

const COMMON = [
  'key',
  'name',
  'onSuccess',
  'onFailure',
  'deadline',
  'timeout',
  'attempts',
  'backoff',
]

/** The action as another type: common properties stay, the type's own start afresh. */
export function changeType(action: ActionDefinition, type: ActionType): ActionDefinition {
  if (action.type === type) return action
  const fresh = newAction(type, []) as unknown as Record<string, unknown>
  const kept = Object.fromEntries(
    Object.entries(action).filter(([property]) => COMMON.includes(property))
  )
  const own = Object.fromEntries(
    Object.entries(fresh).filter(([property]) => property !== 'key' && property !== 'type')
  )
  return { ...kept, type, ...own } as unknown as ActionDefinition
}

export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta
  if (target < 0 || target >= list.length) return [...list]
  const next = [...list]
  ;[next[index], next[target]] = [next[target]!, next[index]!]
  return next
}

/** A compensation call to start from. */
export const newCompensation = (): HttpCall => ({ method: 'POST', url: '' })

/** Text of a JSON value for a textarea ('' for none). */
export const jsonText = (value: unknown) =>
  value === undefined ? '' : JSON.stringify(value, null, 2)

/** Parses a textarea: `{ ok, value }` (undefined for empty text) or `{ ok: false, error }`. */
export function parseJsonText(
  text: string
): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
}

/** The template variables offered next to an input. */
export function templateVariables(options: {
  fields: readonly string[]
  steps: readonly string[]
  secrets: boolean
}): string[] {
  return [
    ...(options.fields.length ? options.fields.map((f) => `{{data.${f}}}`) : ['{{data.<field>}}']),
    '{{process.id}}',
    '{{process.reference}}',
    '{{process.title}}',
    ...(options.steps.length
      ? options.steps.map((s) => `{{steps.${s}.<path>}}`)
      : ['{{steps.<action>.<path>}}']),
    '{{idempotencyKey}}',
    ...(options.secrets ? ['{{secret.NAME}}'] : []),
  ]
}
