import type { EgressRules } from '#engine/actions/call_origin'
import { ROLES, type FieldType, type Outcome, type Role, type StageType } from '#engine/definition'
import { parseDuration, parseSlaDuration } from '#engine/duration'
import { verifyActionList } from '#engine/actions/verify_actions'
import type { ActionTransitionReference } from '#engine/actions/checks'
import type { DecisionNode } from '#engine/verifier/decisions'
import { type Problem, type ProblemCode } from '#engine/verifier/problems'
import {
  EMAIL_PATTERN,
  type JsonObject,
  MAX_EMAIL_LENGTH,
  type StringRule,
  at,
  child,
  describeValue,
  includes,
  isAbsent,
  isObject,
  quoteList,
  IDENTIFIER_RULE,
  MAX_NAME_LENGTH,
} from '#engine/verifier/rules'

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
  feature: 'automatic' | 'escalation' | 'approval' | 'children'
}

/** Holds the state of one verification run. */
export class Verification {
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
  readonly transitionsByKey = new Map<
    string,
    { index: number; from: string | undefined; to?: string | undefined }
  >()
  /** Transitions named by actions, and where each action key was first used. */
  readonly actionReferences: ActionTransitionReference[] = []
  readonly actionKeys = new Map<string, string>()
  /** Decision stages with a usable key, and their routes as written. */
  readonly decisions: DecisionNode[] = []
  /** Per decision stage, the transitions its routes (and `otherwise`) take: its only edges. */
  readonly routedTransitions = new Map<string, Set<string>>()

  /** Reads an `actions` list (app/engine/actions/verify_actions.ts does the checks). */
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

  /** True when `raw` is an object; otherwise says what it had to be. */
  expectObject(raw: unknown, path: string, what: string): raw is JsonObject {
    if (isObject(raw)) return true
    this.report(path, 'invalid_type', `${what} must be an object, not ${describeValue(raw)}.`)
    return false
  }

  /**
   * How every element starts: its key, the subject that key gives the
   * messages, the unknown-property check and (for stages and fields) the
   * required display name.
   */
  readIdentity(
    raw: JsonObject,
    path: string,
    subjectOf: (key: string | undefined) => string,
    allowed: readonly string[],
    nameProperty?: 'name' | 'label'
  ) {
    const key = this.readString(raw, 'key', path, subjectOf(undefined), {
      ...IDENTIFIER_RULE,
      required: true,
    })
    const subject = subjectOf(key)
    this.checkUnknownProperties(raw, allowed, path, subject)
    const name = nameProperty
      ? this.readString(raw, nameProperty, path, subject, {
          required: true,
          maxLength: MAX_NAME_LENGTH,
        })
      : undefined
    return { key, subject, name }
  }

  /**
   * True when the property is absent (or null); reports it as missing when
   * it is required. Every reader starts here.
   */
  missing(value: unknown, required: boolean, path: string, property: string, subject: string) {
    if (!isAbsent(value)) return false
    if (required) {
      this.report(child(path, property), 'missing_property', `${subject} is missing "${property}".`)
    }
    return true
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
    if (this.missing(value, options.required, path, property, subject)) return undefined
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
    if (this.missing(value, required, path, property, subject)) return undefined
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
    required: boolean,
    /** SLAs also accept working units ("2 working days"). */
    working = false
  ): string | undefined {
    const value = object[property]
    if (this.missing(value, required, path, property, subject)) return undefined
    if ((working ? parseSlaDuration(value) : parseDuration(value)) === null) {
      const alsoWorking = working
        ? ', or working time such as "2 working days" or "16 working hours"'
        : ''
      this.report(
        child(path, property),
        'invalid_duration',
        `${subject} has the invalid duration ${describeValue(value)} as "${property}"; use a positive whole number followed by m, h, d or w, such as "30m" or "3d"${alsoWorking}.`
      )
      return undefined
    }
    return value as string
  }

  /**
   * Reads a required property that must be one of `allowed` (a stage's or a
   * field's type), reporting absence and unknown values under `code`.
   */
  readEnum<T extends string>(
    object: JsonObject,
    property: string,
    path: string,
    subject: string,
    allowed: readonly T[],
    code: ProblemCode,
    plural: string
  ): T | undefined {
    const value = object[property]
    if (this.missing(value, true, path, property, subject)) return undefined
    if (includes(allowed, value)) return value
    this.report(
      child(path, property),
      code,
      `${subject} has the unknown ${property} ${describeValue(value)}; ${plural} are ${quoteList(allowed)}.`
    )
    return undefined
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

export function stageSubject(index: number, key: string | undefined): string {
  return key === undefined ? `Stage #${index + 1}` : `Stage "${key}"`
}

export function transitionSubject(index: number, key: string | undefined): string {
  return key === undefined ? `Transition #${index + 1}` : `Transition "${key}"`
}
