import { DEFAULT_LIMIT, MAX_LIMIT } from '#support/cursor'
import { answer, list, nullable, ref, response, type Json } from '#support/openapi/helpers'

/**
 * Keyset pagination in the document (app/support/cursor.ts): the two query
 * parameters, the metadata and the usual answers of a list.
 */
export function cursorParameters(): Record<string, Json> {
  return {
    Cursor: {
      name: 'cursor',
      in: 'query',
      required: false,
      description: 'The `metadata.nextCursor` of the previous page; absent for the first page.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
    },
    Limit: {
      name: 'limit',
      in: 'query',
      required: false,
      description: `Rows per page (default ${DEFAULT_LIMIT}).`,
      schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT },
    },
    Id: { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
  }
}

export function cursorSchemas(): Record<string, Json> {
  return {
    CursorMetadata: answer({
      limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT },
      nextCursor: {
        ...nullable({ type: 'string' }),
        description: 'Send as `cursor` for the next page; null on the last page.',
      },
    }),
  }
}

/** `{ data: [item], metadata }` with the cursor metadata. */
export const cursorList = (item: string, metadata = 'CursorMetadata'): Json =>
  answer({ data: list(ref(item)), metadata: ref(metadata) })

export const cursorQuery = [
  { $ref: '#/components/parameters/Cursor' },
  { $ref: '#/components/parameters/Limit' },
]

/** The answers of a read by a token: 401, 403 (the role may not), 404, 422 (a bad cursor). */
export const guarded = (extra: Record<string, Json> = {}) => ({
  '401': response('Unauthorized'),
  '403': response('Forbidden'),
  '404': response('NotFound'),
  '422': response('ValidationFailed'),
  ...extra,
})
