/**
 * Workflow expressions (transition guards): CEL through @bufbuild/cel — its
 * parser and evaluator, never eval/Function/vm. `matches()` uses the
 * library's RE2, which runs in linear time.
 *
 * The library RETURNS a CelError for runtime errors instead of throwing, so
 * every result is checked: an error (or a non-boolean) is a failed guard,
 * never a truthy one. It has no evaluation cost limit (0.6); cost is bounded
 * here by the expression length, the tree depth and the nesting of macros.
 */
import { celEnv, isCelError, parse, plan } from '@bufbuild/cel'
import type { FieldType, WorkflowDefinition } from '#engine/definition'
import {
  type CelKind,
  type Declarations,
  ExpressionTypeError,
  type Shape,
  typeOf,
} from '#engine/expressions/check'

export const MAX_EXPRESSION_LENGTH = 1000

/** What the expression may name: the type of each process data field. */
export interface ExpressionEnv {
  fields: Record<string, FieldType>
}

export interface CompiledExpression {
  ok: true
  source: string
  /** Type at publish; `dyn` when only evaluation can tell. */
  type: CelKind
  program: ReturnType<typeof plan>
}

export interface ExpressionProblem {
  ok: false
  kind: 'too_long' | 'syntax' | 'type' | 'not_boolean'
  message: string
}

export type ExpressionCompilation = CompiledExpression | ExpressionProblem

/** Values an evaluation sees. Dates are ISO strings or Date objects. */
export interface GuardBindings {
  data: Record<string, unknown>
  process: {
    reference: string
    title: string
    priority: string
    stage: string
    createdAt: Date | string | null
    dueAt: Date | string | null
  }
  /** `teams`: the keys of the teams the user belongs to (`"finance" in user.teams`). */
  user: { email: string; role: string; teams: string[] }
  now: Date
}

/** How an expression sees each field type's value (`data.price.amount` on money). */
export const FIELD_KINDS: Record<FieldType, Shape> = {
  number: 'double',
  money: { amount: 'double', currency: 'string' },
  text: 'string',
  long_text: 'string',
  email: 'string',
  url: 'string',
  select: 'string',
  multiselect: 'list',
  date: 'string',
  boolean: 'bool',
  user: 'dyn',
  list: 'list',
}

const PROCESS = {
  reference: 'string',
  title: 'string',
  priority: 'string',
  stage: 'string',
  createdAt: 'timestamp',
  dueAt: 'timestamp',
} as const satisfies Record<keyof GuardBindings['process'], CelKind>

const environment = celEnv()

/**
 * What an expression may name. Field conditions (`visibleWhen`,
 * `requiredWhen`) see only `data`, so the browser (the forms' show/hide)
 * and the server, evaluating the same expression on the same data, agree.
 */
function declarationsFor(env: ExpressionEnv, dataOnly = false, extra?: Declarations): Declarations {
  const data: Record<string, Shape> = {}
  for (const [key, type] of Object.entries(env.fields)) data[key] = FIELD_KINDS[type]
  if (dataOnly) return { data, ...extra }
  return {
    data,
    process: { ...PROCESS },
    user: { email: 'string', role: 'string', teams: 'list' },
    now: 'timestamp',
  }
}

/**
 * Parses and type-checks `source` against `env`. With `boolean` (a guard),
 * an expression whose type is known and not bool is a problem; with
 * `dataOnly` (a field condition) it may name only `data`.
 */
export function compileExpression(
  source: string,
  env: ExpressionEnv,
  options: { boolean?: boolean; dataOnly?: boolean; extra?: Declarations } = { boolean: true }
): ExpressionCompilation {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    return problem('too_long', `The expression is longer than ${MAX_EXPRESSION_LENGTH} characters.`)
  }
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(source)
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^<input>:/, '') : String(error)
    return problem('syntax', `The expression is not valid CEL: ${reason}`)
  }
  let type: CelKind
  try {
    type = typeOf(parsed.expr, declarationsFor(env, options.dataOnly, options.extra))
  } catch (error) {
    if (error instanceof ExpressionTypeError) return problem('type', error.message)
    // The walk recursing too deep on a hostile tree is a depth problem too.
    if (error instanceof RangeError) return problem('type', 'The expression is nested too deeply.')
    throw error
  }
  if (options.boolean !== false && type !== 'bool' && type !== 'dyn') {
    return problem(
      'not_boolean',
      `The expression gives a ${type}, but a condition must give true or false.`
    )
  }
  return { ok: true, source, type, program: plan(environment, parsed) }
}

function problem(kind: ExpressionProblem['kind'], message: string): ExpressionProblem {
  return { ok: false, kind, message }
}

/**
 * Whether the guard holds. Any error — a CelError result, a missing field,
 * a thrown exception — or a non-boolean result is `false`.
 */
export function evaluateGuard(compiled: CompiledExpression, bindings: GuardBindings): boolean {
  const outcome = explainGuard(compiled, bindings)
  return outcome.ok && outcome.value
}

/** A guard's result, or why it could not be evaluated (which counts as not holding). */
export type GuardOutcome = { ok: true; value: boolean } | { ok: false; message: string }

/**
 * Evaluates like `evaluateGuard`, but says why an evaluation failed (a
 * field without a value, a result that is not true or false) — for the
 * designer's "try it" box.
 */
export function explainGuard(compiled: CompiledExpression, bindings: GuardBindings): GuardOutcome {
  try {
    const result = compiled.program(toCel(bindings))
    if (isCelError(result)) return { ok: false, message: result.message }
    if (typeof result !== 'boolean') {
      return { ok: false, message: 'The condition did not give true or false.' }
    }
    return { ok: true, value: result }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Whether a field condition holds for `data`. Like a guard, an error (a
 * field not filled in, say) or a non-boolean is `false`.
 */
export function evaluateCondition(
  compiled: CompiledExpression,
  data: Record<string, unknown>
): boolean {
  try {
    const result = compiled.program({ data: plainData(data) } as unknown as Record<string, never>)
    if (isCelError(result)) return false
    return result === true
  } catch {
    return false
  }
}

/** Plain JSON-like values as CEL reads them: dates become timestamps, numbers doubles. */
function toCel(bindings: GuardBindings): Record<string, never> {
  const { process } = bindings
  return {
    data: plainData(bindings.data),
    process: {
      ...process,
      createdAt: timestamp(process.createdAt),
      dueAt: timestamp(process.dueAt),
    },
    user: { ...bindings.user },
    now: timestamp(bindings.now),
  } as unknown as Record<string, never>
}

/** Own entries only (the library reads a map of them); non-finite numbers become null. */
function plainData(data: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue
    copy[key] = typeof value === 'number' && !Number.isFinite(value) ? null : value
  }
  return copy
}

/**
 * A google.protobuf.Timestamp as the library accepts it (it does not take a
 * JS Date); null stays null, so comparing with it fails the guard.
 */
function timestamp(value: Date | string | null): unknown {
  if (value === null) return null
  const date = value instanceof Date ? value : new Date(value)
  const millis = date.getTime()
  if (Number.isNaN(millis)) return null
  const seconds = Math.floor(millis / 1000)
  return {
    $typeName: 'google.protobuf.Timestamp',
    seconds: BigInt(seconds),
    nanos: (millis - seconds * 1000) * 1_000_000,
  }
}

/** Each definition's fields, by key: the environment its expressions are checked against. */
export function expressionEnvOf(definition: WorkflowDefinition): ExpressionEnv {
  const fields: Record<string, FieldType> = {}
  for (const stage of definition.stages) {
    for (const field of stage.fields ?? []) fields[field.key] = field.type
  }
  return { fields }
}

/** Compiled expressions per definition (one object per version), per scope and source. */
const cache = new WeakMap<WorkflowDefinition, Map<string, ExpressionCompilation>>()

function cached(definition: WorkflowDefinition, source: string, dataOnly: boolean) {
  let perDefinition = cache.get(definition)
  if (!perDefinition) {
    perDefinition = new Map()
    cache.set(definition, perDefinition)
  }
  const key = `${dataOnly ? 'condition' : 'guard'}:${source}`
  let compiled = perDefinition.get(key)
  if (!compiled) {
    compiled = compileExpression(source, expressionEnvOf(definition), { boolean: true, dataOnly })
    perDefinition.set(key, compiled)
  }
  return compiled
}

const readsTeams = new Map<string, boolean>()

/**
 * Whether a guard may read `user.teams`, so the caller looks the actor's
 * teams up only then (a query per command otherwise). Conservative: any
 * mention of "teams", or any use of `user` other than `user.email` and
 * `user.role` (an index like `user["te" + "ams"]`, a macro over `user`),
 * counts as reading it.
 */
export function mayReadUserTeams(source: string): boolean {
  let reads = readsTeams.get(source)
  if (reads === undefined) {
    const rest = source.replace(/\buser\s*\.\s*(email|role)\b/g, '')
    reads = /teams/.test(source) || /\buser\b/.test(rest)
    if (readsTeams.size >= 1000) readsTeams.clear()
    readsTeams.set(source, reads)
  }
  return reads
}

/** `source` compiled for `definition`, once per (version, expression). */
export function compiledFor(definition: WorkflowDefinition, source: string): ExpressionCompilation {
  return cached(definition, source, false)
}

/** A field condition (`visibleWhen`, `requiredWhen`) compiled for `definition`, once. */
export function conditionFor(
  definition: WorkflowDefinition,
  source: string
): ExpressionCompilation {
  return cached(definition, source, true)
}
