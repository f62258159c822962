/**
 * The "try it" box's evaluation: the engine's own compiler and evaluator
 * (app/engine/expressions.ts, the code the server runs), on sample values
 * the designer typed.
 */
import {
  type ExpressionEnv,
  type GuardBindings,
  compileExpression,
  explainGuard,
} from '#engine/expressions'
import { FIELD_TYPES, type FieldType } from '#engine/definition'
import type { ExpressionField } from './expression_completion.ts'

/** Sample values as typed, by name: `data.amount`, `process.priority`, `user.role`. */
export type Samples = Record<string, string | string[]>

export type TryResult =
  | { kind: 'invalid'; message: string }
  | { kind: 'value'; value: boolean }
  /** Evaluation failed (e.g. a field without a value): the engine counts it as false. */
  | { kind: 'failed'; message: string }

/** The fields expressions are checked against (types the engine knows). */
export function envOf(fields: readonly ExpressionField[]): ExpressionEnv {
  const known: Record<string, FieldType> = {}
  for (const field of fields) {
    if ((FIELD_TYPES as readonly string[]).includes(field.type)) {
      known[field.key] ??= field.type as FieldType
    }
  }
  return { fields: known }
}

const NUMBER = /^\s*-?\d+(\.\d+)?\s*$/

/** A field's sample as process data holds it; undefined when none was given. */
function dataValue(field: ExpressionField, sample: string | string[] | undefined): unknown {
  if (sample === undefined) return undefined
  if (Array.isArray(sample)) return field.type === 'multiselect' ? sample : undefined
  if (sample === '') return undefined
  switch (field.type) {
    case 'number':
      return NUMBER.test(sample) ? Number(sample) : sample
    case 'money':
      return NUMBER.test(sample)
        ? { amount: Number(sample), currency: field.currency || 'EUR' }
        : sample
    case 'boolean':
      return sample === 'true'
    default:
      return sample
  }
}

const timeOrNull = (sample: string | string[] | undefined) =>
  typeof sample === 'string' && sample !== '' ? new Date(sample) : null
const text = (sample: string | string[] | undefined) => (typeof sample === 'string' ? sample : '')

export function bindingsOf(samples: Samples, fields: readonly ExpressionField[]): GuardBindings {
  const data: Record<string, unknown> = {}
  for (const field of fields) {
    const value = dataValue(field, samples[`data.${field.key}`])
    if (value !== undefined) data[field.key] ??= value
  }
  return {
    data,
    process: {
      reference: text(samples['process.reference']),
      title: text(samples['process.title']),
      priority: text(samples['process.priority']),
      stage: text(samples['process.stage']),
      createdAt: timeOrNull(samples['process.createdAt']),
      dueAt: timeOrNull(samples['process.dueAt']),
    },
    user: {
      email: text(samples['user.email']),
      role: text(samples['user.role']),
      // Team keys, typed comma-separated ("finance, hr").
      teams: text(samples['user.teams'])
        .split(',')
        .map((team) => team.trim())
        .filter(Boolean),
    },
    now: new Date(),
  }
}

/**
 * Compiles and evaluates a condition with the engine's own evaluator; a
 * failed evaluation (which the engine counts as false) comes with its reason.
 */
export function tryExpression(
  source: string,
  fields: readonly ExpressionField[],
  samples: Samples
): TryResult {
  const compiled = compileExpression(source, envOf(fields))
  if (!compiled.ok) return { kind: 'invalid', message: compiled.message }
  const outcome = explainGuard(compiled, bindingsOf(samples, fields))
  return outcome.ok
    ? { kind: 'value', value: outcome.value }
    : { kind: 'failed', message: outcome.message }
}
