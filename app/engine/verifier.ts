/**
 * Static verification of workflow definition documents.
 *
 * `verifyDefinition` never throws and never stops at the first problem: an
 * author fixing a definition should see everything that is wrong at once.
 */
import {
  FIELD_TYPES,
  OUTCOMES,
  ROLES,
  STAGE_TYPES,
  type AutomaticTransition,
  type FieldDefinition,
  type FieldType,
  type Outcome,
  type Role,
  type StageAssignee,
  type StageDefinition,
  type StageEscalation,
  type StageType,
  type TransitionDefinition,
  type WorkflowDefinition,
} from '#engine/definition'
import { parseDuration } from '#engine/duration'
import {
  verifyActionList,
  type ActionProblemCode,
  type ActionTransitionReference,
} from '#automation/action_verifier'
import type { EgressRules } from '#automation/call_origin'

/** Stable machine-readable problem codes (safe to switch on / translate). */
export type ProblemCode =
  | 'invalid_document'
  | 'unknown_property'
  | 'missing_property'
  | 'invalid_type'
  | 'blank_value'
  | 'too_long'
  | 'invalid_key'
  | 'invalid_stage_type'
  | 'duplicate_stage_key'
  | 'duplicate_transition_key'
  | 'missing_start_stage'
  | 'multiple_start_stages'
  | 'missing_end_stage'
  | 'missing_outcome'
  | 'invalid_outcome'
  | 'outcome_not_allowed'
  | 'not_allowed_on_end_stage'
  | 'invalid_duration'
  | 'invalid_role'
  | 'invalid_email'
  | 'invalid_field_type'
  | 'duplicate_field_key'
  | 'conflicting_field_type'
  | 'missing_options'
  | 'options_not_allowed'
  | 'invalid_option'
  | 'duplicate_option'
  | 'empty_escalation'
  | 'escalation_without_sla'
  | 'unknown_stage'
  | 'transition_from_end_stage'
  | 'unknown_field'
  | 'unknown_transition'
  | 'transition_not_from_stage'
  | 'unreachable_stage'
  | 'dead_end_stage'
  | 'no_path_to_end'
  | ActionProblemCode

export interface Problem {
  /** JSON path of the offending element, e.g. "$.stages[2].key". */
  path: string
  code: ProblemCode
  /** Plain English sentence naming the element. */
  message: string
}

export interface VerificationResult {
  valid: boolean
  problems: Problem[]
  /**
   * For information: for each stage key, the (sorted) outcomes of the end
   * stages reachable from it. Computed from whatever parts of the document
   * are usable, so it is meaningful even for invalid documents.
   */
  outcomes: Record<string, Outcome[]>
  /** The normalised definition; present only when `valid`. */
  definition?: WorkflowDefinition
}

/** Thrown by `assertValidDefinition`; carries every problem found. */
export class DefinitionInvalid extends Error {
  readonly problems: Problem[]

  constructor(problems: Problem[]) {
    const count = problems.length
    super(
      `The workflow definition is invalid (${count} problem${count === 1 ? '' : 's'}): ` +
        problems.map((problem) => `${problem.path}: ${problem.message}`).join(' ')
    )
    this.name = 'DefinitionInvalid'
    this.problems = problems
  }
}

/** Workflow keys appear in URLs, hence the lower-case slug. */
const SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]*$/
/**
 * Stage, transition and field keys. Upper case is allowed (state machines
 * are often written SHOUTING_CASE); a leading letter/digit also rules out
 * "__proto__"-style keys.
 */
const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const MAX_KEY_LENGTH = 64
const MAX_NAME_LENGTH = 200
const MAX_DESCRIPTION_LENGTH = 5000
const MAX_EMAIL_LENGTH = 254

const WORKFLOW_PROPERTIES = ['key', 'name', 'description', 'stages', 'transitions']
const STAGE_PROPERTIES = [
  'key',
  'name',
  'type',
  'outcome',
  'sla',
  'assignee',
  'fields',
  'automatic',
  'escalation',
  'actions',
]
const ASSIGNEE_PROPERTIES = ['role', 'user']
const FIELD_PROPERTIES = ['key', 'label', 'type', 'required', 'options']
const AUTOMATIC_PROPERTIES = ['after', 'transition']
const ESCALATION_PROPERTIES = ['reassignRole', 'reassignUser', 'transition']
const TRANSITION_PROPERTIES = ['key', 'from', 'to', 'label', 'roles', 'requires', 'actions']

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
}

/** Absent, or explicitly empty (YAML writes `sla:` as null). */
function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null
}

/** Appends a property to a JSON path, quoting names that are not identifiers. */
function child(path: string, property: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(property)
    ? `${path}.${property}`
    : `${path}[${JSON.stringify(property)}]`
}

function at(path: string, index: number): string {
  return `${path}[${index}]`
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `"${value}"`
  return String(value)
}

function quoteList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ')
}

interface StringRule {
  /** Regular expression the value must match (problem code `invalid_key`). */
  pattern?: RegExp
  patternHint?: string
  maxLength?: number
}

/** What the graph checks need to know about a stage that has a usable key. */
interface StageNode {
  index: number
  key: string
  type: StageType | undefined
  outcome: Outcome | undefined
}

interface TransitionReference {
  stageIndex: number
  stageKey: string | undefined
  transition: string
  path: string
  /** Which stage feature refers to the transition, for messages. */
  feature: 'automatic' | 'escalation'
}

/** Holds the state of one verification run. */
class Verification {
  constructor(readonly egress?: EgressRules) {}
  readonly problems: Problem[] = []
  /** Stage nodes by key (first occurrence wins; later ones are duplicates). */
  readonly stagesByKey = new Map<string, StageNode>()
  /** Field types by key, across all stages (first occurrence wins). */
  readonly fieldTypes = new Map<string, FieldType>()
  /** Every usable field key, whether or not its type is valid. */
  readonly fieldKeys = new Set<string>()
  /** String keys of all stages, including malformed ones (already reported). */
  readonly writtenStageKeys = new Set<string>()
  /** False when "stages" is not a list, so stage references cannot be checked. */
  stagesUsable = true
  readonly transitionReferences: TransitionReference[] = []
  /** Usable edges, i.e. transitions whose both ends name existing stages. */
  readonly edges: { key: string | undefined; from: string; to: string }[] = []
  /** First transition with each key: its position and (usable) from-stage. */
  readonly transitionsByKey = new Map<string, { index: number; from: string | undefined }>()
  /** Transitions named by actions, and where each action key was first used. */
  readonly actionReferences: ActionTransitionReference[] = []
  readonly actionKeys = new Map<string, string>()

  /** Reads an `actions` list (app/automation/action_verifier.ts does the checks). */
  readActions(object: JsonObject, path: string, subject: string) {
    const { actions, references } = verifyActionList(
      object.actions,
      child(path, 'actions'),
      subject.replace(/^S/, 's').replace(/^T/, 't'),
      (p, code, message) => this.report(p, code, message),
      this.egress
    )
    this.actionReferences.push(...references)
    ;(Array.isArray(object.actions) ? object.actions : []).forEach((action, index) => {
      const key = (action as { key?: unknown } | null)?.key
      if (typeof key !== 'string') return
      const actionPath = child(at(child(path, 'actions'), index), 'key')
      const first = this.actionKeys.get(key)
      if (first) {
        this.report(
          actionPath,
          'duplicate_action_key',
          `The action key "${key}" is already used at ${first}; action keys must be unique in the workflow.`
        )
      } else this.actionKeys.set(key, actionPath)
    })
    return actions
  }

  report(path: string, code: ProblemCode, message: string): void {
    this.problems.push({ path, code, message })
  }

  checkUnknownProperties(
    object: JsonObject,
    allowed: readonly string[],
    path: string,
    subject: string
  ): void {
    for (const property of Object.keys(object)) {
      if (!allowed.includes(property)) {
        this.report(
          child(path, property),
          'unknown_property',
          `${subject} has an unknown property "${property}"; allowed properties are ${quoteList(allowed)}.`
        )
      }
    }
  }

  /** Reads a string property, reporting absence, wrong type, blankness and rule violations. */
  readString(
    object: JsonObject,
    property: string,
    path: string,
    subject: string,
    options: StringRule & { required: boolean }
  ): string | undefined {
    const value = object[property]
    const propertyPath = child(path, property)
    if (isAbsent(value)) {
      if (options.required) {
        this.report(propertyPath, 'missing_property', `${subject} is missing "${property}".`)
      }
      return undefined
    }
    if (typeof value !== 'string') {
      this.report(
        propertyPath,
        'invalid_type',
        `${subject} has ${describeValue(value)} as "${property}", but it must be text.`
      )
      return undefined
    }
    if (value.trim() === '') {
      this.report(propertyPath, 'blank_value', `${subject} has an empty "${property}".`)
      return undefined
    }
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      this.report(
        propertyPath,
        'too_long',
        `${subject} has a "${property}" longer than ${options.maxLength} characters.`
      )
      return undefined
    }
    if (options.pattern && !options.pattern.test(value)) {
      this.report(
        propertyPath,
        'invalid_key',
        `${subject} has the invalid ${property} "${value}"; ${options.patternHint ?? 'see the documentation for the allowed format'}.`
      )
      return undefined
    }
    return value
  }

  /** Reads a property that must be a list, if present. */
  readList(
    object: JsonObject,
    property: string,
    path: string,
    subject: string,
    required: boolean
  ): unknown[] | undefined {
    const value = object[property]
    if (isAbsent(value)) {
      if (required) {
        this.report(
          child(path, property),
          'missing_property',
          `${subject} is missing "${property}".`
        )
      }
      return undefined
    }
    if (!Array.isArray(value)) {
      this.report(
        child(path, property),
        'invalid_type',
        `${subject} has ${describeValue(value)} as "${property}", but it must be a list.`
      )
      return undefined
    }
    return value
  }

  readObject(
    object: JsonObject,
    property: string,
    path: string,
    subject: string
  ): JsonObject | undefined {
    const value = object[property]
    if (isAbsent(value)) return undefined
    if (!isObject(value)) {
      this.report(
        child(path, property),
        'invalid_type',
        `${subject} has ${describeValue(value)} as "${property}", but it must be an object.`
      )
      return undefined
    }
    return value
  }

  readDuration(
    object: JsonObject,
    property: string,
    path: string,
    subject: string,
    required: boolean
  ): string | undefined {
    const value = object[property]
    if (isAbsent(value)) {
      if (required) {
        this.report(
          child(path, property),
          'missing_property',
          `${subject} is missing "${property}".`
        )
      }
      return undefined
    }
    if (parseDuration(value) === null) {
      this.report(
        child(path, property),
        'invalid_duration',
        `${subject} has the invalid duration ${describeValue(value)} as "${property}"; use a positive whole number followed by m, h, d or w, such as "30m" or "3d".`
      )
      return undefined
    }
    return value as string
  }

  readRole(object: JsonObject, property: string, path: string, subject: string): Role | undefined {
    const value = object[property]
    if (isAbsent(value)) return undefined
    if (!includes(ROLES, value)) {
      this.report(
        child(path, property),
        'invalid_role',
        `${subject} names the unknown role ${describeValue(value)}; roles are ${quoteList(ROLES)}.`
      )
      return undefined
    }
    return value
  }

  readEmail(
    object: JsonObject,
    property: string,
    path: string,
    subject: string
  ): string | undefined {
    const value = object[property]
    if (isAbsent(value)) return undefined
    if (
      typeof value !== 'string' ||
      value.length > MAX_EMAIL_LENGTH ||
      !EMAIL_PATTERN.test(value)
    ) {
      this.report(
        child(path, property),
        'invalid_email',
        `${subject} has ${describeValue(value)} as "${property}", which is not an e-mail address.`
      )
      return undefined
    }
    return value
  }
}

function stageSubject(index: number, key: string | undefined): string {
  return key === undefined ? `Stage #${index + 1}` : `Stage "${key}"`
}

function transitionSubject(index: number, key: string | undefined): string {
  return key === undefined ? `Transition #${index + 1}` : `Transition "${key}"`
}

/**
 * Checks a raw definition document (as produced by `parseDefinitionDocument`
 * or received as JSON) against every rule of the workflow model.
 *
 * Never throws. Returns all problems found, the outcomes reachable from each
 * stage and, when there are no problems, the normalised definition (optional
 * properties given as `null` are dropped).
 *
 * `options.egress`: the deployment's rules for outbound calls (refused
 * literal hosts, secrets bound to hosts). The server always passes them;
 * without them (the designer in the browser) those checks are skipped.
 */
export function verifyDefinition(
  input: unknown,
  options: { egress?: EgressRules } = {}
): VerificationResult {
  const run = new Verification(options.egress)

  if (!isObject(input)) {
    run.report(
      '$',
      'invalid_document',
      `The definition must be an object with "key", "name", "stages" and "transitions", not ${describeValue(input)}.`
    )
    return { valid: false, problems: run.problems, outcomes: {} }
  }

  const subject = 'The workflow'
  run.checkUnknownProperties(input, WORKFLOW_PROPERTIES, '$', subject)
  const key = run.readString(input, 'key', '$', subject, {
    required: true,
    pattern: SLUG_PATTERN,
    patternHint: 'use lower-case letters, digits, "-" and "_", starting with a letter or digit',
    maxLength: MAX_KEY_LENGTH,
  })
  const name = run.readString(input, 'name', '$', subject, {
    required: true,
    maxLength: MAX_NAME_LENGTH,
  })
  const description =
    typeof input.description === 'string' && input.description === ''
      ? undefined // An empty description is as good as none.
      : run.readString(input, 'description', '$', subject, {
          required: false,
          maxLength: MAX_DESCRIPTION_LENGTH,
        })

  const rawStages = run.readList(input, 'stages', '$', subject, true)
  const rawTransitions = run.readList(input, 'transitions', '$', subject, true)

  const stages = (rawStages ?? []).map((raw, index) => verifyStage(run, raw, index))
  if (rawStages) verifyStageSet(run)
  else run.stagesUsable = false

  const transitions = (rawTransitions ?? []).map((raw, index) => verifyTransition(run, raw, index))
  verifyTransitionReferences(run)
  const outcomes = analyseGraph(run)

  const valid = run.problems.length === 0
  if (!valid) return { valid, problems: run.problems, outcomes }

  const definition: WorkflowDefinition = {
    // Non-null assertions are safe: any missing part would have been reported.
    key: key!,
    name: name!,
    ...(description === undefined ? {} : { description }),
    stages: stages.map((stage) => stage!),
    transitions: transitions.map((transition) => transition!),
  }
  return { valid, problems: run.problems, outcomes, definition }
}

/**
 * Like `verifyDefinition`, for callers that cannot continue with an invalid
 * definition.
 *
 * @throws DefinitionInvalid listing every problem.
 */
export function assertValidDefinition(
  input: unknown,
  options: { egress?: EgressRules } = {}
): WorkflowDefinition {
  const result = verifyDefinition(input, options)
  if (!result.valid || !result.definition) throw new DefinitionInvalid(result.problems)
  return result.definition
}

function verifyStage(run: Verification, raw: unknown, index: number): StageDefinition | null {
  const path = at('$.stages', index)
  if (!isObject(raw)) {
    run.report(
      path,
      'invalid_type',
      `Stage #${index + 1} must be an object, not ${describeValue(raw)}.`
    )
    return null
  }

  if (typeof raw.key === 'string') run.writtenStageKeys.add(raw.key)
  const key = run.readString(raw, 'key', path, stageSubject(index, undefined), {
    required: true,
    pattern: IDENTIFIER_PATTERN,
    patternHint: 'use letters, digits, "-" and "_", starting with a letter or digit',
    maxLength: MAX_KEY_LENGTH,
  })
  const subject = stageSubject(index, key)
  run.checkUnknownProperties(raw, STAGE_PROPERTIES, path, subject)
  const name = run.readString(raw, 'name', path, subject, {
    required: true,
    maxLength: MAX_NAME_LENGTH,
  })

  let type: StageType | undefined
  if (isAbsent(raw.type)) {
    run.report(child(path, 'type'), 'missing_property', `${subject} is missing "type".`)
  } else if (includes(STAGE_TYPES, raw.type)) {
    type = raw.type
  } else {
    run.report(
      child(path, 'type'),
      'invalid_stage_type',
      `${subject} has the unknown type ${describeValue(raw.type)}; stage types are ${quoteList(STAGE_TYPES)}.`
    )
  }

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
    for (const property of ['sla', 'automatic', 'escalation']) {
      if (!isAbsent(raw[property])) {
        run.report(
          child(path, property),
          'not_allowed_on_end_stage',
          `${subject} is an end stage, so it cannot have "${property}".`
        )
      }
    }
  }

  const sla = run.readDuration(raw, 'sla', path, subject, false)
  const assignee = verifyAssignee(run, raw, path, subject)
  const fields = verifyFields(run, raw, path, subject)
  const automatic = verifyAutomatic(run, raw, path, subject, index, key)
  const escalation = verifyEscalation(run, raw, path, subject, index, key)
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
    ...(outcome === undefined ? {} : { outcome }),
    ...(sla === undefined ? {} : { sla }),
    ...(assignee === undefined ? {} : { assignee }),
    ...(fields === undefined ? {} : { fields }),
    ...(automatic === undefined ? {} : { automatic }),
    ...(escalation === undefined ? {} : { escalation }),
    ...(actions === undefined ? {} : { actions }),
  }
}

/** Checks there is exactly one start stage and at least one end stage. */
function verifyStageSet(run: Verification): void {
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
  }
}

function verifyFields(
  run: Verification,
  stage: JsonObject,
  stagePath: string,
  stageSubjectText: string
): FieldDefinition[] | undefined {
  const list = run.readList(stage, 'fields', stagePath, stageSubjectText, false)
  if (!list) return undefined
  const stageText = stageSubjectText.replace(/^S/, 's')
  const seen = new Map<string, number>()
  const fields: FieldDefinition[] = []

  list.forEach((raw, index) => {
    const path = at(child(stagePath, 'fields'), index)
    if (!isObject(raw)) {
      run.report(
        path,
        'invalid_type',
        `Field #${index + 1} of ${stageText} must be an object, not ${describeValue(raw)}.`
      )
      return
    }
    const key = run.readString(raw, 'key', path, `Field #${index + 1} of ${stageText}`, {
      required: true,
      pattern: IDENTIFIER_PATTERN,
      patternHint: 'use letters, digits, "-" and "_", starting with a letter or digit',
      maxLength: MAX_KEY_LENGTH,
    })
    const subject =
      key === undefined ? `Field #${index + 1} of ${stageText}` : `Field "${key}" of ${stageText}`
    run.checkUnknownProperties(raw, FIELD_PROPERTIES, path, subject)
    const label = run.readString(raw, 'label', path, subject, {
      required: true,
      maxLength: MAX_NAME_LENGTH,
    })

    let type: FieldType | undefined
    if (isAbsent(raw.type)) {
      run.report(child(path, 'type'), 'missing_property', `${subject} is missing "type".`)
    } else if (includes(FIELD_TYPES, raw.type)) {
      type = raw.type
    } else {
      run.report(
        child(path, 'type'),
        'invalid_field_type',
        `${subject} has the unknown type ${describeValue(raw.type)}; field types are ${quoteList(FIELD_TYPES)}.`
      )
    }

    let required: boolean | undefined
    if (!isAbsent(raw.required)) {
      if (typeof raw.required === 'boolean') {
        required = raw.required
      } else {
        run.report(
          child(path, 'required'),
          'invalid_type',
          `${subject} has ${describeValue(raw.required)} as "required", but it must be true or false.`
        )
      }
    }

    const options = verifyOptions(run, raw, path, subject, type)

    if (key !== undefined) {
      const firstIndex = seen.get(key)
      if (firstIndex !== undefined) {
        run.report(
          child(path, 'key'),
          'duplicate_field_key',
          `Fields #${firstIndex + 1} and #${index + 1} of ${stageText} both use the key "${key}"; field keys must be unique within a stage.`
        )
      } else {
        seen.set(key, index)
        run.fieldKeys.add(key)
        // Process data is one flat map shared by all stages, so the same
        // key must mean the same kind of value everywhere.
        const otherType = run.fieldTypes.get(key)
        if (otherType === undefined) {
          if (type !== undefined) run.fieldTypes.set(key, type)
        } else if (type !== undefined && type !== otherType) {
          run.report(
            child(path, 'type'),
            'conflicting_field_type',
            `${subject} has type "${type}", but another stage declares the field "${key}" with type "${otherType}"; a field key must have one type across the workflow.`
          )
        }
      }
    }

    if (key !== undefined && label !== undefined && type !== undefined) {
      fields.push({
        key,
        label,
        type,
        ...(required === undefined ? {} : { required }),
        ...(options === undefined ? {} : { options }),
      })
    }
  })
  return fields
}

function verifyOptions(
  run: Verification,
  field: JsonObject,
  fieldPath: string,
  subject: string,
  type: FieldType | undefined
): string[] | undefined {
  const path = child(fieldPath, 'options')
  if (type !== undefined && type !== 'select') {
    if (!isAbsent(field.options)) {
      run.report(
        path,
        'options_not_allowed',
        `${subject} is a ${type} field, but only select fields have options.`
      )
    }
    return undefined
  }
  const list = run.readList(field, 'options', fieldPath, subject, false)
  // A non-list was already reported as invalid_type by readList.
  const noOptions = isAbsent(field.options) || (list !== undefined && list.length === 0)
  if (type === 'select' && noOptions) {
    run.report(
      path,
      'missing_options',
      `${subject} is a select field, so it needs a non-empty list of options.`
    )
    return undefined
  }
  if (!list) return undefined

  const options: string[] = []
  const seen = new Set<string>()
  list.forEach((option, index) => {
    if (typeof option !== 'string' || option.trim() === '' || option.length > MAX_NAME_LENGTH) {
      run.report(
        at(path, index),
        'invalid_option',
        `Option #${index + 1} of ${subject.replace(/^F/, 'f')} must be non-empty text of at most ${MAX_NAME_LENGTH} characters, not ${describeValue(option)}.`
      )
    } else if (seen.has(option)) {
      run.report(
        at(path, index),
        'duplicate_option',
        `${subject} lists the option "${option}" more than once.`
      )
    } else {
      seen.add(option)
      options.push(option)
    }
  })
  return options
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
      `${subject} does nothing; give it "reassignRole", "reassignUser" or "transition".`
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
    ...(transition === undefined ? {} : { transition }),
  }
}

function verifyTransition(
  run: Verification,
  raw: unknown,
  index: number
): TransitionDefinition | null {
  const path = at('$.transitions', index)
  if (!isObject(raw)) {
    run.report(
      path,
      'invalid_type',
      `Transition #${index + 1} must be an object, not ${describeValue(raw)}.`
    )
    return null
  }
  const key = run.readString(raw, 'key', path, transitionSubject(index, undefined), {
    required: true,
    pattern: IDENTIFIER_PATTERN,
    patternHint: 'use letters, digits, "-" and "_", starting with a letter or digit',
    maxLength: MAX_KEY_LENGTH,
  })
  const subject = transitionSubject(index, key)
  run.checkUnknownProperties(raw, TRANSITION_PROPERTIES, path, subject)

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
  run.transitionsByKey.set(key, { index, from })
  if (from === undefined || to === undefined) return null
  return {
    key,
    from,
    to,
    ...(label === undefined ? {} : { label }),
    ...(roles === undefined ? {} : { roles }),
    ...(requires === undefined ? {} : { requires }),
    ...(actions === undefined ? {} : { actions }),
  }
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
function verifyTransitionReferences(run: Verification): void {
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
    const what = reference.feature === 'automatic' ? 'automatic transition' : 'escalation'
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
    }
  }
}

/**
 * Reachability checks plus the per-stage outcome report. Checks that depend
 * on a missing start or end stage are skipped: that problem is already
 * reported, and flagging every stage on top would bury it.
 */
function analyseGraph(run: Verification): Record<string, Outcome[]> {
  const nodes = [...run.stagesByKey.values()]
  const forward = new Map<string, Set<string>>()
  const backward = new Map<string, Set<string>>()
  for (const node of nodes) {
    forward.set(node.key, new Set())
    backward.set(node.key, new Set())
  }
  for (const edge of run.edges) {
    forward.get(edge.from)!.add(edge.to)
    backward.get(edge.to)!.add(edge.from)
  }

  const starts = nodes.filter((node) => node.type === 'start')
  if (starts.length === 1) {
    const reachable = closure([starts[0].key], forward)
    for (const node of nodes) {
      if (!reachable.has(node.key)) {
        run.report(
          at('$.stages', node.index),
          'unreachable_stage',
          `Stage "${node.key}" cannot be reached from the start stage "${starts[0].key}".`
        )
      }
    }
  }

  const ends = nodes.filter((node) => node.type === 'end')
  if (ends.length > 0) {
    const canFinish = closure(
      ends.map((node) => node.key),
      backward
    )
    for (const node of nodes) {
      if (canFinish.has(node.key)) continue
      if (forward.get(node.key)!.size === 0) {
        run.report(
          at('$.stages', node.index),
          'dead_end_stage',
          `Stage "${node.key}" is not an end stage but no transition leaves it, so processes would get stuck there.`
        )
      } else {
        run.report(
          at('$.stages', node.index),
          'no_path_to_end',
          `No end stage can be reached from stage "${node.key}", so processes entering it could never finish.`
        )
      }
    }
  }

  const outcomes: Record<string, Outcome[]> = {}
  for (const node of nodes) outcomes[node.key] = []
  // Walk backwards from each outcome's end stages; OUTCOMES is iterated in
  // alphabetical order so every list comes out sorted.
  for (const outcome of [...OUTCOMES].sort()) {
    const targets = ends.filter((node) => node.outcome === outcome).map((node) => node.key)
    for (const stageKey of closure(targets, backward)) outcomes[stageKey].push(outcome)
  }
  return outcomes
}

/** Every node reachable from `roots` (inclusive) following `edges`. */
function closure(roots: string[], edges: Map<string, Set<string>>): Set<string> {
  const seen = new Set(roots)
  const queue = [...roots]
  while (queue.length > 0) {
    const current = queue.pop()!
    for (const next of edges.get(current) ?? []) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return seen
}
