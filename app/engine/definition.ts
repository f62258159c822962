/**
 * Types for the workflow definition document, plus the (pure) conversion
 * between its textual forms (JSON / YAML) and plain values.
 *
 * The types describe a definition that has passed `verifyDefinition`; raw
 * documents coming from users are `unknown` until then.
 */
import { parseDocument, stringify } from 'yaml'
import { MAX_NESTING, jsonTextDepth, valueDepth } from '#engine/nesting'
import { canonicalOrder } from '#engine/canonical_order'

/** Stage types, in the order they are usually listed. */
export const STAGE_TYPES = ['start', 'task', 'decision', 'end'] as const
export type StageType = (typeof STAGE_TYPES)[number]

/** How a process ends when it reaches an end stage. */
export const OUTCOMES = ['completed', 'cancelled', 'failed'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** Types a stage field (a piece of process data) can have. */
export const FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'select',
  'multiselect',
  'boolean',
  'email',
  'url',
  'user',
  'list',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

/** Application roles that definitions may refer to. */
export const ROLES = ['admin', 'manager', 'member'] as const
export type Role = (typeof ROLES)[number]

/** Serialisation formats accepted for definition documents. */
export const DEFINITION_FORMATS = ['json', 'yaml'] as const
export type DefinitionFormat = (typeof DEFINITION_FORMATS)[number]

/**
 * Limits on a field's value, checked wherever data is written. `min`/`max`
 * bound numbers (and a money field's amount) and dates (ISO strings);
 * `minLength`/`maxLength` bound text length (and a multiselect's count);
 * `pattern` is an RE2 regular expression (linear time) a text must match.
 */
export interface FieldRules {
  min?: number | string
  max?: number | string
  minLength?: number
  maxLength?: number
  pattern?: string
}

/** A `money` field's value: an amount and an ISO 4217 currency code. */
export interface MoneyValue {
  amount: number
  currency: string
}

/** A piece of process data collected while a process sits in a stage. */
export interface FieldDefinition {
  key: string
  label: string
  type: FieldType
  /** Must be filled before any transition leaves the field's stage. */
  required?: boolean
  /** Allowed values; only (and always) present on `select` and `multiselect` fields. */
  options?: string[]
  /** On `money` fields: the ISO 4217 currency amounts are in when none is given. */
  currency?: string
  rules?: FieldRules
  /** CEL condition: the field is shown (and can be required) only while it holds. */
  visibleWhen?: string
  /** CEL condition: the field is required while it holds (and it is visible). */
  requiredWhen?: string
  /** Value a process starts with when none is given. */
  default?: unknown
  /** Only (and always) present on `list` fields: the columns of each row (no nested lists). */
  fields?: FieldDefinition[]
  /** Written to the search index: list filters and free text (app/engine/search_fields.ts). */
  searchable?: boolean
}

/** How a team stage (or a team escalation) picks a member instead of queueing. */
export const ASSIGNMENT_STRATEGIES = ['round_robin', 'least_busy'] as const
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number]

/** Who a process should be assigned to when it enters a stage. */
export interface StageAssignee {
  role?: Role
  /** E-mail address of a user. */
  user?: string
  /**
   * Key of a team: the process lands in the team's queue (unassigned; any
   * member may claim it), or with `strategy` goes straight to a member.
   */
  team?: string
  strategy?: AssignmentStrategy
}

/** Who may vote on an approval: a team's members, a role's users or named users (e-mails). */
export type ApprovalFrom = { team: string } | { role: Role } | { users: string[] }

/** How many approvals decide: every eligible person, any one, or a number of them. */
export type ApprovalPolicy = 'all' | 'any' | { quorum: number }

export const REJECT_POLICIES = ['any', 'majority'] as const
export type RejectPolicy = (typeof REJECT_POLICIES)[number]

/**
 * A stage that needs approvals by several people: each eligible person
 * votes; once `policy` (or `rejectPolicy`) is met the engine takes
 * `approve` (or `reject`) in the same transaction as the deciding vote.
 */
export interface StageApproval {
  from: ApprovalFrom
  policy: ApprovalPolicy
  /** Key of a transition leaving the stage, taken when approved. */
  approve: string
  /** Key of a transition leaving the stage, taken when rejected. */
  reject: string
  /** One rejection rejects (default), or more than half of the eligible people. */
  rejectPolicy?: RejectPolicy
  /** The process's creator may not vote (default true). */
  fourEyes?: boolean
}

/** A transition the system runs on its own once a process has waited long enough. */
export interface AutomaticTransition {
  /** Duration such as "2h", measured from the moment the stage was entered. */
  after: string
  /** Key of a transition leaving the stage. */
  transition: string
}

/** What happens when a stage's SLA is breached. */
export interface StageEscalation {
  reassignRole?: Role
  /** E-mail address of a user. */
  reassignUser?: string
  /** Key of a team: back to its queue, or to a member with `strategy`. */
  reassignTeam?: string
  strategy?: AssignmentStrategy
  /** Key of a transition leaving the stage. */
  transition?: string
}

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]

/** Per-attempt limits of a step or a call. */
export interface RetrySettings {
  /** Per attempt, e.g. "10s" or "500ms". */
  timeout?: string
  attempts?: number
  /** First retry delay; doubles each attempt. */
  backoff?: string
}

/**
 * An HTTP call. `url`, header values and string leaves of `body` are
 * templates: `{{data.field}}`, `{{process.id}}`, `{{process.reference}}`,
 * `{{steps.<action>.<response path>}}`, `{{idempotencyKey}}`, and (in
 * headers only) `{{secret.NAME}}`, read from the environment at run time.
 */
export interface HttpCall extends RetrySettings {
  method: HttpMethod
  url: string
  headers?: Record<string, string>
  body?: unknown
}

/** What every step has, whatever its type. */
interface ActionBase extends RetrySettings {
  /** Unique within the workflow. */
  key: string
  name?: string
  /** Transition to take when the step succeeds. */
  onSuccess?: string
  /** Transition to take (after compensating) when the step fails for good. */
  onFailure?: string
  /** Total time budget for all attempts, e.g. "30m". */
  deadline?: string
}

/** Calls an external system (app/automation/steps/http.ts). */
export interface HttpAction extends ActionBase, HttpCall {
  type: 'http'
  /** An http call undoing this one when a later step fails for good. */
  compensation?: HttpCall
}

/** Writes process fields: field → template, usually `{{steps.x.field}}`. */
export interface SetDataAction extends ActionBase {
  type: 'set_data'
  data: Record<string, string>
}

/** Sends an in-app notification to a role or a user. */
export interface NotifyAction extends ActionBase {
  type: 'notify'
  notify: { role?: Role; user?: string; message: string }
}

/** Takes a transition (as the system). */
export interface TransitionAction extends ActionBase {
  type: 'transition'
  transition: string
}

/**
 * A step run by workers when a process enters a stage (or takes a
 * transition). Each type's checks live in app/engine/actions/types/<type>.ts,
 * its run in app/automation/steps/<type>.ts.
 */
export type ActionDefinition = HttpAction | SetDataAction | NotifyAction | TransitionAction
export type ActionType = ActionDefinition['type']
export type ActionOfType<T extends ActionType> = Extract<ActionDefinition, { type: T }>

/** One way out of a decision stage: taken when `when` holds (the first that holds wins). */
export interface DecisionRoute {
  /** CEL condition over the process, as for a transition guard. */
  when: string
  /** Key of a transition leaving the decision stage. */
  transition: string
}

/** How many of a stage's children must finish before the parent moves on. */
export type ChildWait = 'all' | 'any' | { quorum: number }

/**
 * A stage that starts child processes when entered and waits for them
 * (app/engine/children.ts). `forEach` (a CEL list) or `count` says how many.
 */
export interface StageChildren {
  /** Key of the child workflow; its latest published version is started. */
  workflow: string
  forEach?: string
  count?: number
  /** CEL string over `data`, `item`, `index`: each child's title. */
  title?: string
  /** Child field → CEL over `data`, `item`, `index`. */
  data?: Record<string, string>
  wait?: ChildWait
  /** Transition taken once the wait policy is met. */
  onComplete: string
  /** Transition taken once too many children failed, or "ignore" (failures count as finished). */
  onChildFailure?: string
  /** A list field of the parent receiving each finished child's data, in child order. */
  collect?: string
}

export interface StageDefinition {
  key: string
  name: string
  type: StageType
  /**
   * Decision stages only: tried in order when a process enters the stage;
   * the engine takes the first that holds, in the same transaction.
   */
  routes?: DecisionRoute[]
  /** Decision stages only (required there): the transition taken when no route holds. */
  otherwise?: string
  /** Only (and always) present on end stages. */
  outcome?: Outcome
  /**
   * Duration such as "3d", or working time in the workflow's business
   * calendar ("2 working days", "16 working hours"); a process should leave
   * the stage within it.
   */
  sla?: string
  /**
   * "paused": time spent in the stage does not count toward the due date
   * (the clock of the stage the process came from is held, and resumes when
   * it returns there). A paused stage has no SLA of its own.
   */
  slaClock?: 'paused'
  assignee?: StageAssignee
  fields?: FieldDefinition[]
  automatic?: AutomaticTransition
  escalation?: StageEscalation
  /** Approvals by several people (app/engine/approvals.ts). */
  approval?: StageApproval
  /** Run in order by workers when a process enters the stage. */
  actions?: ActionDefinition[]
  /** Child processes started when a process enters the stage. */
  children?: StageChildren
}

export interface TransitionDefinition {
  key: string
  from: string
  to: string
  label?: string
  /**
   * Roles allowed to run the transition. Absent means every role; admins may
   * always run it, so an empty list means "admins only".
   */
  roles?: Role[]
  /**
   * Keys of teams whose members may run it, beside `roles`: a person in
   * one of them or of one of the roles may (either allows).
   */
  teams?: string[]
  /** Keys of fields that must be filled before the transition may run. */
  requires?: string[]
  /** Guard: a CEL condition (app/engine/expressions.ts) that must hold for the transition to run. */
  when?: string
  /** Shown when `when` does not hold. */
  whenMessage?: string
  /** Run by workers when the transition is taken (before the target stage's). */
  actions?: ActionDefinition[]
}

export interface WorkflowDefinition {
  key: string
  name: string
  description?: string
  stages: StageDefinition[]
  transitions: TransitionDefinition[]
}

/** Raised when a definition document is not well-formed JSON or YAML. */
export class DefinitionSyntaxError extends Error {
  readonly format: DefinitionFormat
  /** 1-based position of the (first) error, when the parser reports one. */
  readonly line: number | null
  readonly column: number | null

  constructor(
    format: DefinitionFormat,
    message: string,
    position: { line: number; column: number } | null = null
  ) {
    super(message)
    this.name = 'DefinitionSyntaxError'
    this.format = format
    this.line = position?.line ?? null
    this.column = position?.column ?? null
  }
}

/**
 * Turns definition text into a plain value. Structure is NOT checked here
 * (that is `verifyDefinition`'s job, so that every problem can be reported at
 * once); only syntax is.
 *
 * @throws DefinitionSyntaxError when the text is not valid JSON / YAML.
 */
export function parseDefinitionDocument(text: string, format: DefinitionFormat): unknown {
  if (format === 'json') return parseJson(text)
  if (format === 'yaml') return parseYaml(text)
  throw new Error(`Unsupported definition format "${String(format)}"; use "json" or "yaml".`)
}

const tooDeep = (format: DefinitionFormat) =>
  new DefinitionSyntaxError(
    format,
    `The definition is nested more than ${MAX_NESTING} levels deep.`
  )

/** At most this many alias expansions ("billion laughs" documents have millions). */
const MAX_YAML_ALIASES = 100

function parseJson(text: string): unknown {
  if (jsonTextDepth(text) > MAX_NESTING) throw tooDeep('json')
  try {
    return JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new DefinitionSyntaxError('json', `The definition is not valid JSON: ${reason}`)
  }
}

function parseYaml(text: string): unknown {
  // Core schema + YAML 1.2 so that values stay JSON-compatible (no Date
  // objects from timestamps, no "yes"/"no" booleans) and a definition means
  // the same thing whichever format it was written in.
  const document = parseDocument(text, { version: '1.2', schema: 'core', prettyErrors: true })
  const [first] = document.errors
  // The parser reports its own stack overflow on very deep input as an error.
  if (first && first instanceof Error && /call stack/i.test(first.message)) throw tooDeep('yaml')
  if (first) {
    const position = first.linePos?.[0] ?? null
    throw new DefinitionSyntaxError(
      'yaml',
      `The definition is not valid YAML: ${first.message}`,
      position ? { line: position.line, column: position.col } : null
    )
  }
  let value: unknown
  try {
    value = document.toJS({ maxAliasCount: MAX_YAML_ALIASES })
  } catch (error) {
    // yaml throws a ReferenceError past maxAliasCount ("billion laughs").
    if (error instanceof ReferenceError) {
      throw new DefinitionSyntaxError(
        'yaml',
        `The definition uses YAML aliases too often (at most ${MAX_YAML_ALIASES} expansions).`
      )
    }
    if (error instanceof RangeError) throw tooDeep('yaml')
    throw error
  }
  if (valueDepth(value) > MAX_NESTING) throw tooDeep('yaml')
  return value
}

/**
 * Renders a definition as text, its keys in the canonical order
 * (app/engine/canonical_order.ts): the same content gives the same bytes.
 * The output parses back (with `parseDefinitionDocument`) to a value
 * deep-equal to `definition`.
 */
export function serializeDefinition(input: WorkflowDefinition, format: DefinitionFormat): string {
  const definition = canonicalOrder(input)
  if (format === 'json') return `${JSON.stringify(definition, null, 2)}\n`
  if (format === 'yaml') {
    // Never emit anchors/aliases: readers of exported YAML should not need
    // to resolve references, and shared sub-objects are an accident anyway.
    return stringify(definition, { version: '1.2', schema: 'core', aliasDuplicateObjects: false })
  }
  throw new Error(`Unsupported definition format "${String(format)}"; use "json" or "yaml".`)
}
