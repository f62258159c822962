/**
 * Builders and shared pieces of the OpenAPI document (app/support/openapi.ts):
 * the parts under this folder describe one resource each with them.
 */

export type Json = { [key: string]: unknown }

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
export const response = (name: string) => ({ $ref: `#/components/responses/${name}` })
export const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` })

export const nullable = (schema: Json): Json => ({ oneOf: [schema, { type: 'null' }] })
export const dateTime = { type: 'string', format: 'date-time' }
export const list = (items: Json): Json => ({ type: 'array', items })
export const object = (properties: Record<string, Json>, required: string[] = []): Json => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
})
/** Every property required: the shape of what the API answers. */
export const answer = (properties: Record<string, Json>): Json =>
  object(properties, Object.keys(properties))

export const jsonContent = (schema: Json) => ({ 'application/json': { schema } })
export const jsonBody = (schemaName: string, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: jsonContent(ref(schemaName)),
})
export const ok = (description: string, schemaName: string) => ({
  description,
  content: jsonContent(ref(schemaName)),
})

/** The workflow key pattern of the definition verifier (app/engine/verifier/rules.ts). */
export const SLUG = '^[a-z0-9][a-z0-9_-]*$'

/** The answer every operation behind a token may give. */
export const authenticated = { '401': response('Unauthorized') }

/** `?format=`: download as a file instead of the `{ data }` answer. */
export const fileFormat = (formats: string[], description: string) => ({
  name: 'format',
  in: 'query',
  required: false,
  description,
  schema: { type: 'string', enum: formats },
})

/*
|--------------------------------------------------------------------------
| Fields of the process commands and answers
|--------------------------------------------------------------------------
*/
export const idempotencyKey = {
  type: 'string',
  minLength: 1,
  maxLength: 128,
  description:
    'Makes the command safe to retry: a key already used (on this process; for "start", by this user) answers with the original result and writes nothing. The `Idempotency-Key` header is used when this field is absent.',
}
export const expectedVersion = {
  type: 'integer',
  minimum: 1,
  description:
    'The process version the caller based its decision on; another version gets 409 version_conflict and nothing is written.',
}
export const data = {
  type: 'object',
  additionalProperties: true,
  description:
    'Process data keyed by field key. Declared fields are validated and coerced; other keys are kept as they are.',
}
export const replayedMeta = object(
  { replayed: { const: true, description: 'The idempotency key was used before.' } },
  ['replayed']
)
export const person = nullable(
  answer({
    id: { type: 'integer' },
    name: { type: 'string' },
    email: { type: 'string', format: 'email' },
    initials: { type: 'string' },
  })
)
