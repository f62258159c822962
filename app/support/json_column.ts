import { column } from '@adonisjs/lucid/orm'

/**
 * A JSON document kept in a TEXT column: the same on SQLite and MySQL.
 */
export function jsonColumn(options: { serializeAs?: string | null } = {}) {
  return column({
    ...options,
    prepare: (value: unknown) =>
      value === null || value === undefined ? value : JSON.stringify(value),
    consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value),
  })
}
