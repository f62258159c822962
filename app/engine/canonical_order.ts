/**
 * One key order per kind of object in a definition, so that two documents
 * with the same content export byte-identically (as JSON or YAML) whatever
 * order they were written or built in. Keys a kind does not list follow in
 * their own order; user content (a field's default, an http body, headers,
 * set_data's data) keeps its order.
 */
import type { WorkflowDefinition } from '#engine/definition'

type Json = Record<string, unknown>

const WORKFLOW = ['key', 'name', 'description', 'stages', 'transitions']
const STAGE = [
  'key',
  'name',
  'type',
  'outcome',
  'sla',
  'slaClock',
  'assignee',
  'fields',
  'routes',
  'otherwise',
  'automatic',
  'escalation',
  'approval',
  'actions',
  'children',
]
const CHILDREN = [
  'workflow',
  'forEach',
  'count',
  'title',
  'data',
  'wait',
  'onComplete',
  'onChildFailure',
  'collect',
]
const FIELD = [
  'key',
  'label',
  'type',
  'required',
  'options',
  'currency',
  'rules',
  'visibleWhen',
  'requiredWhen',
  'default',
  'fields',
  'searchable',
]
const TRANSITION = [
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
/** The call of an http step or of its compensation. */
const CALL = ['method', 'url', 'headers', 'body', 'timeout', 'attempts', 'backoff']
/** Every action: what it is, its type's own properties, then retries and what follows it. */
const ACTION = [
  'key',
  'type',
  'name',
  ...CALL.slice(0, 4),
  'data',
  'notify',
  'transition',
  ...CALL.slice(4),
  'deadline',
  'compensation',
  'onSuccess',
  'onFailure',
]
const ROUTE = ['when', 'transition']
const ASSIGNEE = ['role', 'user', 'team', 'strategy']
const AUTOMATIC = ['after', 'transition']
const ESCALATION = ['reassignRole', 'reassignUser', 'reassignTeam', 'strategy', 'transition']
const APPROVAL = ['from', 'policy', 'approve', 'reject', 'rejectPolicy', 'fourEyes']
const RULES = ['min', 'max', 'minLength', 'maxLength', 'pattern']
const NOTIFY = ['role', 'user', 'message']

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** The object with its listed keys first, in that order; `nested` reorders some values. */
function ordered(
  value: unknown,
  keys: readonly string[],
  nested: Record<string, (v: unknown) => unknown> = {}
) {
  if (!isObject(value)) return value
  const out: Json = {}
  const put = (key: string) => {
    out[key] = nested[key] ? nested[key](value[key]) : value[key]
  }
  for (const key of keys) if (Object.hasOwn(value, key)) put(key)
  for (const key of Object.keys(value)) if (!Object.hasOwn(out, key)) put(key)
  return out
}

const each = (order: (item: unknown) => unknown) => (list: unknown) =>
  Array.isArray(list) ? list.map(order) : list

const action = (value: unknown) =>
  ordered(value, ACTION, {
    compensation: (call) => ordered(call, CALL),
    notify: (notify) => ordered(notify, NOTIFY),
  })

const field = (value: unknown): unknown =>
  ordered(value, FIELD, { rules: (rules) => ordered(rules, RULES), fields: each(field) })

const stage = (value: unknown) =>
  ordered(value, STAGE, {
    assignee: (assignee) => ordered(assignee, ASSIGNEE),
    fields: each(field),
    routes: each((route) => ordered(route, ROUTE)),
    automatic: (automatic) => ordered(automatic, AUTOMATIC),
    escalation: (escalation) => ordered(escalation, ESCALATION),
    approval: (approval) => ordered(approval, APPROVAL),
    actions: each(action),
    children: (children) => ordered(children, CHILDREN),
  })

const transition = (value: unknown) => ordered(value, TRANSITION, { actions: each(action) })

/** A copy of the definition with its keys in the canonical order (arrays keep theirs). */
export function canonicalOrder(definition: WorkflowDefinition): WorkflowDefinition {
  return ordered(definition, WORKFLOW, {
    stages: each(stage),
    transitions: each(transition),
  }) as WorkflowDefinition
}
