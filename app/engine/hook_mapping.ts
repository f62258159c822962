/**
 * Inbound webhook mappings: CEL expressions over the request's JSON
 * `body` that give a process field's value, the title or the reference of
 * the process to change. Same library and limits as the guards
 * (expressions.ts); evaluated fail-closed — an error is reported, never a
 * value. Pure: no I/O.
 */
import { celEnv, isCelError, isCelList, isCelMap, isCelUint, parse, plan } from '@bufbuild/cel'
import { MAX_EXPRESSION_LENGTH } from '#engine/expressions'
import { ExpressionTypeError, typeOf } from '#engine/expressions/check'

const environment = celEnv()

export type MappingProblem = { field: string; message: string }
type Program = ReturnType<typeof plan>

/** Parses and checks each expression (`name` → CEL); problems name the entry. */
export function compileMapping(expressions: Record<string, string>): {
  programs: Record<string, Program>
  problems: MappingProblem[]
} {
  const programs: Record<string, Program> = {}
  const problems: MappingProblem[] = []
  for (const [field, source] of Object.entries(expressions)) {
    if (source.length > MAX_EXPRESSION_LENGTH) {
      problems.push({ field, message: `Longer than ${MAX_EXPRESSION_LENGTH} characters.` })
      continue
    }
    try {
      const parsed = parse(source)
      typeOf(parsed.expr, { body: 'dyn' })
      programs[field] = plan(environment, parsed)
    } catch (error) {
      const reason =
        error instanceof ExpressionTypeError || error instanceof Error
          ? error.message.replace(/^<input>:/, '')
          : String(error)
      problems.push({ field, message: `Not a valid expression: ${reason}` })
    }
  }
  return { programs, problems }
}

/** Runs every program on `body`; a failing one is a problem, not a value. */
export function evaluateMapping(
  programs: Record<string, Program>,
  body: unknown
): { values: Record<string, unknown>; problems: MappingProblem[] } {
  const values: Record<string, unknown> = {}
  const problems: MappingProblem[] = []
  for (const [field, program] of Object.entries(programs)) {
    try {
      const result = program({ body: body ?? null } as unknown as Record<string, never>)
      if (isCelError(result)) problems.push({ field, message: result.message })
      else values[field] = plain(result)
    } catch (error) {
      problems.push({ field, message: error instanceof Error ? error.message : String(error) })
    }
  }
  return { values, problems }
}

/** A CEL value as plain JSON: ints become numbers, lists arrays, maps objects. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (isCelUint(value)) return Number(value.value)
  if (isCelList(value)) return [...value.values()].map(plain)
  if (isCelMap(value)) {
    const object: Record<string, unknown> = {}
    for (const [key, item] of value.entries()) object[String(key)] = plain(item)
    return object
  }
  return value
}
