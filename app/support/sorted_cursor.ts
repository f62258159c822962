import { DateTime } from 'luxon'
import { InvalidInput } from '#exceptions/domain_error'
import { sqlTime } from '#support/sql_time'

/**
 * Keyset ("cursor") pagination of a list sorted by any column: the cursor
 * holds the sort, its direction and the last (or, going back, the first)
 * row's sort value and id; the next page continues strictly after that
 * pair in (column, id) order, so rows inserted meanwhile never shift or
 * repeat a page and a deep page costs what the first one does (the
 * (column, id) index seeks to it). The API's id-only cursors are
 * #support/cursor; this one adds the sort column.
 *
 * NULLs sort first ascending and last descending on both SQLite and
 * MariaDB/MySQL; the conditions below follow that order.
 */

export type CursorValue = string | number | null

export type SortedCursor = {
  /** The sort column it was made for (a cursor of another sort is ignored). */
  sort: string
  direction: 'asc' | 'desc'
  value: CursorValue
  id: number
}

/** The query-string shape of a page cursor: base64url, bounded. */
export const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,600}$/

export function encodeSortedCursor(cursor: SortedCursor) {
  return Buffer.from(
    JSON.stringify([cursor.sort, cursor.direction, cursor.value, cursor.id])
  ).toString('base64url')
}

/** The cursor in a query-string value; 422 on `field` when it is not one of ours. */
export function decodeSortedCursor(text: string | undefined, field: string): SortedCursor | null {
  if (text === undefined) return null
  const invalid = () =>
    new InvalidInput('The page link is not valid.', [
      { field, message: 'Use the page links of the list', code: 'invalid_cursor' },
    ])
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalid()
  const [sort, direction, value, id] = parsed
  if (typeof sort !== 'string' || (direction !== 'asc' && direction !== 'desc')) throw invalid()
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw invalid()
  if (typeof value === 'string' && value.length > 300) throw invalid()
  if (typeof value === 'number' && !Number.isFinite(value)) throw invalid()
  if (!Number.isSafeInteger(id) || id < 1) throw invalid()
  return { sort, direction, value, id }
}

/** A row's sort value as the database stores it (times in UTC, second precision). */
export function storedValue(value: unknown): CursorValue {
  if (value === null || value === undefined) return null
  if (DateTime.isDateTime(value) || value instanceof Date) return sqlTime(value)
  if (typeof value === 'number' || typeof value === 'string') return value
  return String(value)
}

type Where = {
  where(...args: any[]): any
  orWhere(...args: any[]): any
  whereNull(column: string): any
  orWhereNull(column: string): any
  whereNotNull(column: string): any
  orWhereNotNull(column: string): any
}

/**
 * Rows strictly after (value, id) in `column, id` order, both `direction`.
 */
export function whereAfter<Q extends Where>(
  query: Q,
  column: string,
  idColumn: string,
  direction: 'asc' | 'desc',
  value: CursorValue,
  id: number
): Q {
  const op = direction === 'asc' ? '>' : '<'
  query.where((q: Where) => {
    if (value === null) {
      // NULLs come first ascending (then every non-null), last descending.
      q.where((n: Where) => n.whereNull(column).where(idColumn, op, id))
      if (direction === 'asc') q.orWhereNotNull(column)
    } else {
      q.where(column, op, value)
      q.orWhere((e: Where) => e.where(column, value).where(idColumn, op, id))
      if (direction === 'desc') q.orWhereNull(column)
    }
  })
  return query
}
