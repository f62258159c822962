/**
 * The same definition with every object's keys in reverse order, except
 * inside user content (a field's default, an http body, headers,
 * set_data's data), whose order is part of the content.
 */
const CONTENT = new Set(['default', 'body', 'headers', 'data'])

export function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => reversedKeys(item)) as T
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, CONTENT.has(key) ? item : reversedKeys(item)])
  ) as T
}
