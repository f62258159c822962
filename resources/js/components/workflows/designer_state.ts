/**
 * The designer's editing model and its conversion to and from definition
 * documents. Rows keep the positions of the document they produce, so a
 * verifier problem at `$.stages[2].fields[0].key` belongs to stage row 2,
 * field row 0. Every edit returns a new document (no mutation).
 */
import { fieldToDocument } from './field_settings.ts'
import type {
  FieldDefinition,
  StageDefinition,
  TransitionDefinition,
  WorkflowDefinition,
} from '#engine/definition'

/** Names of a field's rules (`rules` in the definition). */
export const RULE_NAMES = ['min', 'max', 'minLength', 'maxLength', 'pattern'] as const
export type RuleName = (typeof RULE_NAMES)[number]

export type EditorField = {
  uid: string
  key: string
  label: string
  type: string
  required: boolean
  /** Written to the search index (list filters, free text). */
  searchable: boolean
  /** Options of a select or multiselect field, one per line. */
  options: string
  /** Rules as typed (numbers are converted when the document is made); '' = none. */
  rules: Record<RuleName, string>
  /** CEL conditions; '' = none. */
  visibleWhen: string
  requiredWhen: string
  /** The default value as the definition holds it; undefined = none. */
  default: JsonValue | undefined
  /** ISO 4217 code of a money field; '' = none. */
  currency: string
  /** The key still follows the label (new fields until the key is edited). */
  autoKey: boolean
  /** A list field's columns (`fields` in the definition); absent = none. */
  columns?: EditorField[]
}

/** One route of a decision stage (`uid` only identifies the row). */
export type EditorRoute = { uid: string; when: string; transition: string }

export type EditorStage = {
  uid: string
  key: string
  name: string
  type: string
  outcome: string
  sla: string
  /** "paused" or "" (the clock runs). */
  slaClock: string
  assigneeRole: string
  assigneeUser: string
  /** Team key of the assignee and how a member is picked; absent or '' = none (queue). */
  assigneeTeam?: string
  assigneeStrategy?: string
  /** Approvals by several people; absent = none. */
  approval?: EditorApproval
  /** Child processes started on entry; absent = none. */
  children?: EditorChildren
  fields: EditorField[]
  /** Decision stages: routes tried in order, and the transition taken when none holds. */
  routes: EditorRoute[]
  otherwise: string
  /** Parts the designer shows but does not edit (automatic transition, escalation). */
  automatic?: StageDefinition['automatic']
  escalation?: StageDefinition['escalation']
  /** Automated actions: kept as written (edited in the JSON/YAML document). */
  actions?: StageDefinition['actions']
  /** The key still follows the name (new stages until the key is edited). */
  autoKey: boolean
}

export type EditorTransition = {
  uid: string
  key: string
  from: string
  to: string
  label: string
  /** Roles that may run it; empty means every role. */
  roles: string[]
  /** Team keys that may run it beside `roles`, as typed: comma-separated. */
  teams: string
  requires: string[]
  /** Guard (CEL) and the message shown when it does not hold; '' = none. */
  when: string
  whenMessage: string
  /** Automated actions: kept as written (edited in the JSON/YAML document). */
  actions?: TransitionDefinition['actions']
  autoKey: boolean
}

export type EditorDocument = {
  key: string
  name: string
  description: string
  stages: EditorStage[]
  transitions: EditorTransition[]
  /** The workflow key still follows the name (new workflows). */
  autoKey: boolean
}

let counter = 0
/** Stable identity of a row for React keys and element ids. */
export const newUid = (prefix: string) => `${prefix}${++counter}`

const MAX_KEY_LENGTH = 64

/**
 * A key from a display name: accents dropped, lower case, words joined by
 * `separator`; starts with a letter or digit as the verifier requires.
 */
export function keyFromName(name: string, separator: '-' | '_'): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '')
    .slice(0, MAX_KEY_LENGTH)
}

function fieldFromDefinition(field: FieldDefinition): EditorField {
  return {
    uid: newUid('f'),
    key: field.key,
    label: field.label,
    type: field.type,
    required: Boolean(field.required),
    searchable: Boolean(field.searchable),
    options: (field.options ?? []).join('\n'),
    rules: Object.fromEntries(
      RULE_NAMES.map((name) => [
        name,
        field.rules?.[name] === undefined ? '' : String(field.rules[name]),
      ])
    ) as Record<RuleName, string>,
    visibleWhen: field.visibleWhen ?? '',
    requiredWhen: field.requiredWhen ?? '',
    default:
      field.default === undefined ? undefined : (structuredClone(field.default) as JsonValue),
    currency: field.currency ?? '',
    autoKey: false,
    ...(field.fields ? { columns: field.fields.map(fieldFromDefinition) } : {}),
  }
}

const blankRules = (): Record<RuleName, string> =>
  Object.fromEntries(RULE_NAMES.map((name) => [name, ''])) as Record<RuleName, string>

function stageFromDefinition(stage: StageDefinition): EditorStage {
  return {
    uid: newUid('s'),
    key: stage.key,
    name: stage.name,
    type: stage.type,
    outcome: stage.outcome ?? '',
    sla: stage.sla ?? '',
    slaClock: stage.slaClock ?? '',
    assigneeRole: stage.assignee?.role ?? '',
    assigneeUser: stage.assignee?.user ?? '',
    assigneeTeam: stage.assignee?.team ?? '',
    assigneeStrategy: stage.assignee?.strategy ?? '',
    ...(stage.approval ? { approval: approvalFromDefinition(stage.approval) } : {}),
    ...(stage.children ? { children: childrenFromDefinition(stage.children) } : {}),
    fields: (stage.fields ?? []).map(fieldFromDefinition),
    routes: (stage.routes ?? []).map((route) => ({
      uid: newUid('r'),
      when: route.when,
      transition: route.transition,
    })),
    otherwise: stage.otherwise ?? '',
    automatic: stage.automatic,
    escalation: stage.escalation,
    actions: stage.actions,
    autoKey: false,
  }
}

function transitionFromDefinition(transition: TransitionDefinition): EditorTransition {
  // An empty list means "admins only"; so does ['admin'], which the
  // checkboxes can show.
  const roles = transition.roles?.length === 0 ? ['admin'] : (transition.roles ?? [])
  return {
    uid: newUid('t'),
    key: transition.key,
    from: transition.from,
    to: transition.to,
    label: transition.label ?? '',
    roles: [...roles],
    teams: (transition.teams ?? []).join(', '),
    requires: [...(transition.requires ?? [])],
    when: transition.when ?? '',
    whenMessage: transition.whenMessage ?? '',
    actions: transition.actions,
    autoKey: false,
  }
}

export function fromDefinition(definition: WorkflowDefinition): EditorDocument {
  return {
    key: definition.key,
    name: definition.name,
    description: definition.description ?? '',
    stages: definition.stages.map(stageFromDefinition),
    transitions: definition.transitions.map(transitionFromDefinition),
    autoKey: false,
  }
}

/** What a new workflow starts with: one start stage, one end stage, one transition. */
export function starterDocument(names: {
  start: string
  end: string
  transition: string
}): EditorDocument {
  return {
    key: '',
    name: '',
    description: '',
    autoKey: true,
    stages: [
      { ...blankStage('start', names.start), type: 'start' },
      { ...blankStage('done', names.end), type: 'end', outcome: 'completed' },
    ],
    transitions: [
      {
        uid: newUid('t'),
        key: 'finish',
        from: 'start',
        to: 'done',
        label: names.transition,
        roles: [],
        teams: '',
        requires: [],
        when: '',
        whenMessage: '',
        autoKey: true,
      },
    ],
  }
}

function blankStage(key: string, name: string): EditorStage {
  return {
    uid: newUid('s'),
    key,
    name,
    type: 'task',
    outcome: '',
    sla: '',
    slaClock: '',
    assigneeRole: '',
    assigneeUser: '',
    fields: [],
    routes: [],
    otherwise: '',
    autoKey: true,
  }
}

const trimmed = (value: string) => value.trim()

/** Plain JSON, which is also what Inertia can send. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

/**
 * The definition document the editor stands for. Empty optional inputs
 * are left out rather than sent as empty strings.
 */
export function toDocument(doc: EditorDocument): JsonObject {
  return {
    key: doc.key,
    name: doc.name,
    ...(trimmed(doc.description) ? { description: doc.description } : {}),
    stages: doc.stages.map(stageToDocument),
    transitions: doc.transitions.map((transition) => ({
      key: transition.key,
      from: transition.from,
      to: transition.to,
      ...(trimmed(transition.label) ? { label: transition.label } : {}),
      ...(transition.roles.length > 0 ? { roles: transition.roles } : {}),
      ...(teamKeys(transition.teams).length > 0 ? { teams: teamKeys(transition.teams) } : {}),
      ...(transition.requires.length > 0 ? { requires: transition.requires } : {}),
      ...(trimmed(transition.when) ? { when: trimmed(transition.when) } : {}),
      ...(trimmed(transition.whenMessage) ? { whenMessage: transition.whenMessage } : {}),
      ...(transition.actions
        ? { actions: structuredClone(transition.actions) as unknown as JsonValue }
        : {}),
    })),
  }
}

function stageToDocument(stage: EditorStage): JsonObject {
  const actions: JsonObject = stage.actions
    ? { actions: structuredClone(stage.actions) as unknown as JsonValue }
    : {}
  // A process never rests in a decision stage: it has routes instead of
  // fields, SLA, assignee and timers. What the row held before it became a
  // decision stays in the editor (switching back restores it) but is not sent.
  if (stage.type === 'decision') {
    return {
      key: stage.key,
      name: stage.name,
      type: stage.type,
      routes: stage.routes.map((route) => ({
        when: trimmed(route.when),
        transition: route.transition,
      })),
      ...(stage.otherwise ? { otherwise: stage.otherwise } : {}),
      ...actions,
    }
  }
  const end = stage.type === 'end'
  const assignee = {
    ...(stage.assigneeRole ? { role: stage.assigneeRole } : {}),
    ...(trimmed(stage.assigneeUser) ? { user: trimmed(stage.assigneeUser) } : {}),
    ...teamAssigneeToDocument(stage),
  }
  return {
    key: stage.key,
    name: stage.name,
    type: stage.type,
    ...(end && stage.outcome ? { outcome: stage.outcome } : {}),
    ...(!end && trimmed(stage.sla) ? { sla: trimmed(stage.sla) } : {}),
    ...(!end && stage.slaClock === 'paused' ? { slaClock: 'paused' as const } : {}),
    // A closed process is nobody's task: end stages have no assignee.
    ...(!end && Object.keys(assignee).length > 0 ? { assignee } : {}),
    ...(stage.fields.length > 0 ? { fields: stage.fields.map(fieldToDocument) } : {}),
    ...(stage.automatic ? { automatic: { ...stage.automatic } } : {}),
    ...(stage.escalation ? { escalation: { ...stage.escalation } } : {}),
    ...(!end && stage.approval ? { approval: approvalToDocument(stage.approval) } : {}),
    ...(!end && stage.children ? { children: childrenToDocument(stage.children) } : {}),
    ...actions,
  }
}

/* ---------------------------------------------------------------------------
 * Edits
 * ------------------------------------------------------------------------- */

function uniqueKey(base: string, taken: Set<string>): string {
  if (base && !taken.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base || 'key'}_${n}`.slice(0, MAX_KEY_LENGTH)
    if (!taken.has(candidate)) return candidate
  }
}

const stageKeys = (doc: EditorDocument, except?: number) =>
  new Set(doc.stages.filter((_, index) => index !== except).map((stage) => stage.key))

export function setWorkflow(
  doc: EditorDocument,
  patch: Partial<Pick<EditorDocument, 'key' | 'name' | 'description'>>,
  options: { keyEditable: boolean }
): EditorDocument {
  const next = { ...doc, ...patch }
  if (patch.key !== undefined) next.autoKey = false
  if (patch.name !== undefined && doc.autoKey && options.keyEditable) {
    next.key = keyFromName(patch.name, '-')
  }
  return next
}

/** Adds a stage before the first end stage (end stages stay last). */
export function addStage(doc: EditorDocument, name: string): { doc: EditorDocument; uid: string } {
  const key = uniqueKey(keyFromName(name, '_') || 'stage', stageKeys(doc))
  const stage = blankStage(key, name)
  const firstEnd = doc.stages.findIndex((s) => s.type === 'end')
  const at = firstEnd === -1 ? doc.stages.length : firstEnd
  const stages = [...doc.stages.slice(0, at), stage, ...doc.stages.slice(at)]
  return { doc: { ...doc, stages }, uid: stage.uid }
}

/**
 * Changes a stage. A changed key is followed by the transitions that
 * used the old one (when it named only this stage); a changed name moves
 * a key that still follows the name.
 */
export function updateStage(
  doc: EditorDocument,
  index: number,
  patch: Partial<Omit<EditorStage, 'uid' | 'fields'>>
): EditorDocument {
  const old = doc.stages[index]!
  const next: EditorStage = { ...old, ...patch }
  if (patch.key !== undefined) next.autoKey = false
  if (patch.name !== undefined && old.autoKey) {
    next.key = uniqueKey(keyFromName(patch.name, '_') || 'stage', stageKeys(doc, index))
  }
  if (patch.type !== undefined && patch.type !== old.type) {
    if (patch.type === 'end' && !next.outcome) next.outcome = 'completed'
  }
  const stages = doc.stages.map((stage, i) => (i === index ? next : stage))
  let transitions = doc.transitions
  const renamed = next.key !== old.key && old.key !== '' && !stageKeys(doc, index).has(old.key)
  if (renamed) {
    transitions = transitions.map((t) => ({
      ...t,
      from: t.from === old.key ? next.key : t.from,
      to: t.to === old.key ? next.key : t.to,
    }))
  }
  return { ...doc, stages, transitions }
}

/** Removes a stage and the transitions into or out of it. */
export function removeStage(
  doc: EditorDocument,
  index: number
): { doc: EditorDocument; removedTransitions: number } {
  const stage = doc.stages[index]!
  const shared = stageKeys(doc, index).has(stage.key)
  const keep = (t: EditorTransition) =>
    shared || stage.key === '' || (t.from !== stage.key && t.to !== stage.key)
  const transitions = doc.transitions.filter(keep)
  return {
    doc: { ...doc, stages: doc.stages.filter((_, i) => i !== index), transitions },
    removedTransitions: doc.transitions.length - transitions.length,
  }
}

export function moveStage(doc: EditorDocument, index: number, delta: -1 | 1): EditorDocument {
  const target = index + delta
  if (target < 0 || target >= doc.stages.length) return doc
  const stages = [...doc.stages]
  ;[stages[index], stages[target]] = [stages[target]!, stages[index]!]
  return { ...doc, stages }
}

function allFieldKeys(doc: EditorDocument, except?: { stage: number; field: number }) {
  const keys = new Set<string>()
  doc.stages.forEach((stage, s) =>
    stage.fields.forEach((field, f) => {
      if (!except || except.stage !== s || except.field !== f) keys.add(field.key)
    })
  )
  return keys
}

export function addField(
  doc: EditorDocument,
  stageIndex: number
): { doc: EditorDocument; uid: string } {
  const field: EditorField = {
    uid: newUid('f'),
    key: uniqueKey('field', allFieldKeys(doc)),
    label: '',
    type: 'text',
    required: false,
    searchable: false,
    options: '',
    rules: blankRules(),
    visibleWhen: '',
    requiredWhen: '',
    default: undefined,
    currency: '',
    autoKey: true,
  }
  const stages = doc.stages.map((stage, i) =>
    i === stageIndex ? { ...stage, fields: [...stage.fields, field] } : stage
  )
  return { doc: { ...doc, stages }, uid: field.uid }
}

/** Changes a field; a renamed key is followed by the transitions that require it. */
export function updateField(
  doc: EditorDocument,
  stageIndex: number,
  fieldIndex: number,
  patch: Partial<Omit<EditorField, 'uid'>>
): EditorDocument {
  const old = doc.stages[stageIndex]!.fields[fieldIndex]!
  const next = { ...old, ...patch }
  const others = allFieldKeys(doc, { stage: stageIndex, field: fieldIndex })
  if (patch.key !== undefined) next.autoKey = false
  if (patch.label !== undefined && old.autoKey) {
    next.key = uniqueKey(keyFromName(patch.label, '_') || 'field', others)
  }
  const stages = doc.stages.map((stage, s) =>
    s === stageIndex
      ? { ...stage, fields: stage.fields.map((field, f) => (f === fieldIndex ? next : field)) }
      : stage
  )
  let transitions = doc.transitions
  if (next.key !== old.key && old.key !== '' && !others.has(old.key)) {
    transitions = transitions.map((t) => ({
      ...t,
      requires: t.requires.map((key) => (key === old.key ? next.key : key)),
    }))
  }
  return { ...doc, stages, transitions }
}

export function removeField(
  doc: EditorDocument,
  stageIndex: number,
  fieldIndex: number
): EditorDocument {
  const stages = doc.stages.map((stage, s) =>
    s === stageIndex ? { ...stage, fields: stage.fields.filter((_, f) => f !== fieldIndex) } : stage
  )
  return { ...doc, stages }
}

export function clearStagePart(
  doc: EditorDocument,
  stageIndex: number,
  part: 'automatic' | 'escalation'
): EditorDocument {
  const stages = doc.stages.map((stage, s) =>
    s === stageIndex ? { ...stage, [part]: undefined } : stage
  )
  return { ...doc, stages }
}

const transitionKeys = (doc: EditorDocument, except?: number) =>
  new Set(doc.transitions.filter((_, i) => i !== except).map((t) => t.key))

/** Adds a transition from the last non-end stage to the next stage after it. */
export function addTransition(doc: EditorDocument): { doc: EditorDocument; uid: string } {
  const sources = doc.stages.filter((stage) => stage.type !== 'end')
  const from = sources[sources.length - 1]
  const fromIndex = from ? doc.stages.indexOf(from) : -1
  const to = doc.stages[fromIndex + 1] ?? doc.stages.find((stage) => stage !== from)
  const transition: EditorTransition = {
    uid: newUid('t'),
    key: uniqueKey('transition', transitionKeys(doc)),
    from: from?.key ?? '',
    to: to?.key ?? '',
    label: '',
    roles: [],
    teams: '',
    requires: [],
    when: '',
    whenMessage: '',
    autoKey: true,
  }
  return { doc: { ...doc, transitions: [...doc.transitions, transition] }, uid: transition.uid }
}

/**
 * Changes a transition. A changed label moves a key that still follows
 * it; a changed key is followed by the stages' automatic transitions,
 * escalations, decision routes and "otherwise" that named the old one.
 */
export function updateTransition(
  doc: EditorDocument,
  index: number,
  patch: Partial<Omit<EditorTransition, 'uid'>>
): EditorDocument {
  const old = doc.transitions[index]!
  const next = { ...old, ...patch }
  if (patch.key !== undefined) next.autoKey = false
  if (patch.label !== undefined && old.autoKey) {
    next.key = uniqueKey(keyFromName(patch.label, '_') || 'transition', transitionKeys(doc, index))
  }
  const transitions = doc.transitions.map((t, i) => (i === index ? next : t))
  let stages = doc.stages
  if (next.key !== old.key && old.key !== '' && !transitionKeys(doc, index).has(old.key)) {
    const follow = <T extends { transition?: string }>(part: T | undefined) =>
      part && part.transition === old.key ? { ...part, transition: next.key } : part
    stages = stages.map((stage) => ({
      ...stage,
      automatic: follow(stage.automatic),
      escalation: follow(stage.escalation),
      routes: stage.routes.map((route) => follow(route)!),
      otherwise: stage.otherwise === old.key ? next.key : stage.otherwise,
      ...followTransitionKey(stage, old.key, next.key),
    }))
  }
  return { ...doc, stages, transitions }
}

export function removeTransition(doc: EditorDocument, index: number): EditorDocument {
  return { ...doc, transitions: doc.transitions.filter((_, i) => i !== index) }
}

/** "finance, hr" → ["finance", "hr"]. */
function teamKeys(typed: string): string[] {
  return typed
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)
}

/* ---------------------------------------------------------------------------
 * Teams, approvals and children (issues 19 and 20)
 * ------------------------------------------------------------------------- */

/** A stage's `approval` as the form edits it (numbers and lists as typed). */
export type EditorApproval = {
  /** Who votes: a team's members, a role's users, or named people. */
  from: 'team' | 'role' | 'users'
  team: string
  role: string
  /** E-mail addresses, separated by commas or lines. */
  users: string
  policy: 'all' | 'any' | 'quorum'
  quorum: string
  /** Keys of transitions leaving the stage. */
  approve: string
  reject: string
  /** '' (the default: one rejection rejects), "any" or "majority". */
  rejectPolicy: string
  /** The process's creator may not vote (the engine's default). */
  fourEyes: boolean
}

/** One `data` entry of a stage's children: child field → CEL. */
export type EditorChildData = { uid: string; field: string; expression: string }

/** A stage's `children` as the form edits it. */
export type EditorChildren = {
  workflow: string
  /** How many children: one per item of a CEL list, or a fixed number. */
  how: 'forEach' | 'count'
  forEach: string
  count: string
  title: string
  data: EditorChildData[]
  /** '' = the engine's default (all). */
  wait: '' | 'all' | 'any' | 'quorum'
  quorum: string
  onComplete: string
  /** '' = none, "ignore", or a transition key. */
  onChildFailure: string
  /** A list field of the parent; '' = none. */
  collect: string
}

const WHOLE_NUMBER = /^\d+$/
/** Whole numbers become numbers; anything else is sent as typed for the verifier to name. */
const wholeNumber = (text: string): JsonValue =>
  WHOLE_NUMBER.test(text.trim()) ? Number(text.trim()) : text.trim()

/** "a@x.org, b@x.org" (or one per line) → ["a@x.org", "b@x.org"]. */
export const emailList = (typed: string) =>
  typed
    .split(/[\s,;]+/)
    .map((email) => email.trim())
    .filter(Boolean)

function approvalFromDefinition(
  approval: NonNullable<StageDefinition['approval']>
): EditorApproval {
  const from = approval.from
  return {
    from: 'team' in from ? 'team' : 'role' in from ? 'role' : 'users',
    team: 'team' in from ? from.team : '',
    role: 'role' in from ? from.role : '',
    users: 'users' in from ? from.users.join(', ') : '',
    policy: typeof approval.policy === 'object' ? 'quorum' : approval.policy,
    quorum: typeof approval.policy === 'object' ? String(approval.policy.quorum) : '2',
    approve: approval.approve,
    reject: approval.reject,
    rejectPolicy: approval.rejectPolicy ?? '',
    fourEyes: approval.fourEyes !== false,
  }
}

export function approvalToDocument(approval: EditorApproval): JsonObject {
  const from: JsonObject =
    approval.from === 'team'
      ? { team: approval.team }
      : approval.from === 'role'
        ? { role: approval.role }
        : { users: emailList(approval.users) }
  return {
    from,
    policy:
      approval.policy === 'quorum' ? { quorum: wholeNumber(approval.quorum) } : approval.policy,
    approve: approval.approve,
    reject: approval.reject,
    ...(approval.rejectPolicy ? { rejectPolicy: approval.rejectPolicy } : {}),
    // Four-eyes is on unless turned off.
    ...(approval.fourEyes ? {} : { fourEyes: false }),
  }
}

/**
 * A new approval: the stage's team assignee (else managers) votes, any
 * one approval decides, and the first two transitions leaving the stage
 * approve and reject.
 */
export function blankApproval(stage: EditorStage, transitions: readonly EditorTransition[]) {
  const leaving = transitions.filter((t) => t.from === stage.key && t.key !== '')
  const team = trimmed(stage.assigneeTeam ?? '')
  const approval: EditorApproval = {
    from: team ? 'team' : 'role',
    team,
    role: team ? '' : 'manager',
    users: '',
    policy: 'any',
    quorum: '2',
    approve: leaving[0]?.key ?? '',
    reject: leaving[1]?.key ?? '',
    rejectPolicy: '',
    fourEyes: true,
  }
  return approval
}

function childrenFromDefinition(
  children: NonNullable<StageDefinition['children']>
): EditorChildren {
  const wait = children.wait
  return {
    workflow: children.workflow,
    how: children.count !== undefined && children.forEach === undefined ? 'count' : 'forEach',
    forEach: children.forEach ?? '',
    count: children.count === undefined ? '' : String(children.count),
    title: children.title ?? '',
    data: Object.entries(children.data ?? {}).map(([field, expression]) => ({
      uid: newUid('c'),
      field,
      expression,
    })),
    wait: wait === undefined ? '' : typeof wait === 'object' ? 'quorum' : wait,
    quorum: typeof wait === 'object' ? String(wait.quorum) : '',
    onComplete: children.onComplete,
    onChildFailure: children.onChildFailure ?? '',
    collect: children.collect ?? '',
  }
}

export function childrenToDocument(children: EditorChildren): JsonObject {
  const data = children.data.filter((entry) => trimmed(entry.field) !== '')
  return {
    workflow: trimmed(children.workflow),
    ...(children.how === 'forEach'
      ? { forEach: trimmed(children.forEach) }
      : { count: wholeNumber(children.count) }),
    ...(trimmed(children.title) ? { title: trimmed(children.title) } : {}),
    ...(data.length > 0
      ? {
          data: Object.fromEntries(
            data.map((entry) => [trimmed(entry.field), trimmed(entry.expression)])
          ),
        }
      : {}),
    ...(children.wait === 'quorum'
      ? { wait: { quorum: wholeNumber(children.quorum) } }
      : children.wait
        ? { wait: children.wait }
        : {}),
    onComplete: children.onComplete,
    ...(children.onChildFailure ? { onChildFailure: children.onChildFailure } : {}),
    ...(children.collect ? { collect: children.collect } : {}),
  }
}

/** New children settings: one child per item of a list, waiting for all. */
export function blankChildren(stage: EditorStage, transitions: readonly EditorTransition[]) {
  const leaving = transitions.find((t) => t.from === stage.key && t.key !== '')
  const children: EditorChildren = {
    workflow: '',
    how: 'forEach',
    forEach: '',
    count: '',
    title: '',
    data: [],
    wait: 'all',
    quorum: '',
    onComplete: leaving?.key ?? '',
    onChildFailure: '',
    collect: '',
  }
  return children
}

export const newChildData = (): EditorChildData => ({
  uid: newUid('c'),
  field: '',
  expression: '',
})

function teamAssigneeToDocument(stage: EditorStage): JsonObject {
  const team = trimmed(stage.assigneeTeam ?? '')
  if (!team) return {}
  return { team, ...(stage.assigneeStrategy ? { strategy: stage.assigneeStrategy } : {}) }
}

/** The approval and children parts of a stage that named a renamed transition. */
function followTransitionKey(stage: EditorStage, old: string, next: string) {
  const name = (key: string) => (key === old ? next : key)
  return {
    ...(stage.approval
      ? {
          approval: {
            ...stage.approval,
            approve: name(stage.approval.approve),
            reject: name(stage.approval.reject),
          },
        }
      : {}),
    ...(stage.children
      ? {
          children: {
            ...stage.children,
            onComplete: name(stage.children.onComplete),
            onChildFailure: name(stage.children.onChildFailure),
          },
        }
      : {}),
  }
}

/** A new column of a list field (keys unique within the list). */
export function newColumn(columns: readonly EditorField[]): EditorField {
  return {
    uid: newUid('f'),
    key: uniqueKey('column', new Set(columns.map((column) => column.key))),
    label: '',
    type: 'text',
    required: false,
    options: '',
    rules: blankRules(),
    visibleWhen: '',
    requiredWhen: '',
    default: undefined,
    currency: '',
    searchable: false,
    autoKey: true,
  }
}

/**
 * Changes a list column: a label moves a key that still follows it
 * (unique among the columns).
 */
export function updateColumn(
  columns: readonly EditorField[],
  index: number,
  patch: Partial<Omit<EditorField, 'uid'>>
): EditorField[] {
  const old = columns[index]!
  const next = { ...old, ...patch }
  if (patch.key !== undefined) next.autoKey = false
  if (patch.label !== undefined && old.autoKey) {
    const others = new Set(columns.filter((_, i) => i !== index).map((column) => column.key))
    next.key = uniqueKey(keyFromName(patch.label, '_') || 'column', others)
  }
  return columns.map((column, i) => (i === index ? next : column))
}
