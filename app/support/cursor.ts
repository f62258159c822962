import vine from '@vinejs/vine'
import { InvalidInput } from '#exceptions/domain_error'
import { sqlTime } from '#support/sql_time'

/**
 * Keyset ("cursor") pagination of the JSON API lists: `?cursor=…&limit=…`
 * answers `{ data, metadata: { limit, nextCursor } }`. The cursor is the
 * opaque base64url form of the last row's id; the next page continues
 * after it, so rows added meanwhile never shift or repeat a page.
 */

export const DEFAULT_LIMIT = 25
export const MAX_LIMIT = 100

/** A cursor's query-string form (an id cursor is up to 24 characters, a time cursor up to 36). */
export const CURSOR_TEXT = /^[A-Za-z0-9_-]{1,40}$/

/** The two query-string fields, for the list validators. */
export const cursorFields = () => ({
  cursor: vine.string().trim().regex(CURSOR_TEXT).optional(),
  limit: vine.number().withoutDecimals().min(1).max(MAX_LIMIT).optional(),
})

export function encodeCursor(id: number) {
  return Buffer.from(`id:${id}`).toString('base64url')
}

/** The id a cursor points after; 422 on the cursor field when it is not one of ours. */
export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return null
  const match = /^id:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  if (!match) {
    throw new InvalidInput('The cursor is not valid.', [
      {
        field: 'cursor',
        message: 'Use the nextCursor of a previous answer',
        code: 'invalid_cursor',
      },
    ])
  }
  return Number(match[1])
}

type Keyset = {
  where(column: string, operator: string, value: number): unknown
  orderBy(column: string, direction: 'asc' | 'desc'): unknown
  limit(n: number): unknown
}

/**
 * Applies the cursor to a query ordered by `column` (newest first unless
 * `direction` is asc) and fetches one row more than the page, to know
 * whether there is a next one.
 */
export function keyset<Q extends Keyset>(
  query: Q,
  input: { cursor?: string; limit?: number },
  options: { column?: string; direction?: 'asc' | 'desc' } = {}
): Q {
  const column = options.column ?? 'id'
  const direction = options.direction ?? 'desc'
  const after = decodeCursor(input.cursor)
  if (after !== null) query.where(column, direction === 'desc' ? '<' : '>', after)
  query.orderBy(column, direction)
  query.limit((input.limit ?? DEFAULT_LIMIT) + 1)
  return query
}

/** Splits the fetched rows into the page and the cursor of the next one. */
export function pageOf<T>(
  rows: T[],
  input: { limit?: number },
  idOf: (row: T) => number = (row) => (row as { id: number }).id
) {
  const limit = input.limit ?? DEFAULT_LIMIT
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    rows: page,
    metadata: {
      limit,
      nextCursor: rows.length > limit && last !== undefined ? encodeCursor(idOf(last)) : null,
    },
  }
}

/**
 * A cursor of a list in (created_at, id) order, newest first (a free-text
 * search, read from its ordered postings): the last row's creation time
 * (Unix seconds) and id. Opaque like the id cursor.
 */
export function encodeTimeCursor(createdAt: Date, id: number) {
  return Buffer.from(`t:${Math.floor(createdAt.getTime() / 1000)}:${id}`).toString('base64url')
}

/** The (time, id) a time cursor points after (time as SQL text); 422 on the cursor field when it is not one. */
export function decodeTimeCursor(cursor: string | undefined): { at: string; id: number } | null {
  if (cursor === undefined) return null
  const match = /^t:(\d{1,12}):([1-9]\d{0,15})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8')
  )
  if (!match) {
    throw new InvalidInput('The cursor is not valid.', [
      {
        field: 'cursor',
        message: 'Use the nextCursor of a previous answer (of the same search)',
        code: 'invalid_cursor',
      },
    ])
  }
  return { at: sqlTime(new Date(Number(match[1]) * 1000))!, id: Number(match[2]) }
}
