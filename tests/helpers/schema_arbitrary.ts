import fc from 'fast-check'
import { HOSTILE_STRINGS } from '#tests/helpers/hostile_inputs'

/**
 * fast-check arbitraries for the JSON Schema subset of the OpenAPI
 * document: values that mostly fit the schema (so requests get past
 * validation and reach the engine), with hostile strings and off-schema
 * values mixed in (so validation itself is exercised).
 */

type Json = { [key: string]: any }
export type Resolve = (ref: string) => Json

const anyJson = fc.jsonValue({ maxDepth: 2 })
const hostile = fc.constantFrom(...HOSTILE_STRINGS.map((h) => h.value))

function stringArbitrary(schema: Json): fc.Arbitrary<string> {
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern))
  if (schema.format === 'date-time')
    return fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
  if (schema.format === 'date')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
  if (schema.format === 'email') return fc.emailAddress()
  return fc.string({
    unit: 'grapheme',
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 40, 40),
  })
}

/** An arbitrary for `schema`; `depth` bounds recursion (definitions nest). */
export function arbitraryFor(schema: Json, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryFor(resolve(schema.$ref), resolve, depth)
  if (depth > 6) return fc.constant(null)
  const next = (s: Json) => arbitraryFor(s, resolve, depth + 1)
  if ('const' in schema) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  if (schema.oneOf || schema.anyOf) return fc.oneof(...(schema.oneOf ?? schema.anyOf).map(next))
  if (schema.allOf) {
    return fc
      .tuple(...schema.allOf.map(next))
      .map((parts) => Object.assign({}, ...parts.filter((p) => p && typeof p === 'object')))
  }
  const types: string[] = schema.type ? [schema.type].flat() : []
  if (types.length > 1) return fc.oneof(...types.map((type) => next({ ...schema, type })))
  switch (types[0]) {
    case 'string':
      return fc.oneof(
        { weight: 4, arbitrary: stringArbitrary(schema) },
        { weight: 1, arbitrary: hostile }
      )
    case 'integer':
      return fc.integer({
        min: schema.minimum ?? -1_000_000,
        max: Math.min(schema.maximum ?? 1_000_000, 2 ** 31 - 1),
      })
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(schema.items ? next(schema.items) : anyJson, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, 3),
      })
    case 'object':
      return objectArbitrary(schema, next)
    default:
      return anyJson
  }
}

function objectArbitrary(schema: Json, next: (s: Json) => fc.Arbitrary<unknown>) {
  const properties: Json = schema.properties ?? {}
  const shape = fc.record(
    Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, next(s)])),
    { requiredKeys: schema.required ?? [] }
  )
  const extra =
    schema.additionalProperties === false
      ? fc.constant({})
      : fc.dictionary(
          fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')),
          typeof schema.additionalProperties === 'object'
            ? next(schema.additionalProperties)
            : anyJson,
          { maxKeys: 2 }
        )
  return fc.tuple(shape, extra).map(([known, more]) => {
    const value: Json = {}
    for (const [k, v] of Object.entries(more))
      Object.defineProperty(value, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    return Object.assign(value, known)
  })
}

/** Mostly schema-shaped values, sometimes anything at all. */
export function requestValue(schema: Json, resolve: Resolve) {
  return fc.oneof(
    { weight: 5, arbitrary: arbitraryFor(schema, resolve) },
    { weight: 1, arbitrary: anyJson }
  )
}
