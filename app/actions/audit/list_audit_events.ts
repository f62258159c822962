import { DateTime } from 'luxon'
import AuditEvent from '#models/audit_event'
import { InvalidInput } from '#exceptions/domain_error'
import { sqlTime } from '#support/sql_time'

export type AuditFilters = {
  actor?: string
  action?: string
  subjectType?: string
  subjectId?: string
  from?: Date
  to?: Date
  cursor?: string
  limit?: number
}

/** An opaque cursor: the id of the last entry of the previous page. */
const encodeCursor = (id: number) => Buffer.from(`a${id}`).toString('base64url')

function decodeCursor(cursor: string) {
  const text = Buffer.from(cursor, 'base64url').toString()
  const match = /^a([1-9][0-9]{0,17})$/.exec(text)
  if (!match) {
    throw new InvalidInput('This cursor is not one this list gave out.', [
      { field: 'cursor', message: 'Use the nextCursor of the previous page' },
    ])
  }
  return Number(match[1])
}

/**
 * The audit log, newest first, filtered, one page at a time by keyset on
 * the id (stable while entries are added, no OFFSET scans).
 */
export default class ListAuditEvents {
  query(filters: AuditFilters) {
    const query = AuditEvent.query()
    const actor = filters.actor?.trim()
    if (actor) {
      if (/^[0-9]+$/.test(actor)) query.where('actor_id', Number(actor))
      else query.where('actor_email', actor.toLowerCase())
    }
    if (filters.action?.endsWith('.*')) {
      query.where('action', 'like', `${filters.action.slice(0, -1)}%`)
    } else if (filters.action) {
      query.where('action', filters.action)
    }
    if (filters.subjectType) query.where('subject_type', filters.subjectType)
    if (filters.subjectId) query.where('subject_id', filters.subjectId)
    if (filters.from) {
      query.where('created_at', '>=', sqlTime(DateTime.fromJSDate(filters.from).startOf('day'))!)
    }
    if (filters.to) {
      const end = DateTime.fromJSDate(filters.to).startOf('day').plus({ days: 1 })
      query.where('created_at', '<', sqlTime(end)!)
    }
    return query
  }

  async page(filters: AuditFilters) {
    const limit = filters.limit ?? 50
    const query = this.query(filters)
    if (filters.cursor) query.where('id', '<', decodeCursor(filters.cursor))
    const rows = await query.orderBy('id', 'desc').limit(limit + 1)
    const events = rows.slice(0, limit)
    const nextCursor = rows.length > limit ? encodeCursor(events[events.length - 1]!.id) : null
    return { events, nextCursor }
  }

  /** Every matching entry, newest first, in batches of `size` (for the CSV export). */
  async *batches(filters: AuditFilters, size = 500) {
    let before: number | null = null
    while (true) {
      const query = this.query(filters)
      if (before !== null) query.where('id', '<', before)
      const rows = await query.orderBy('id', 'desc').limit(size)
      if (rows.length) yield rows
      if (rows.length < size) return
      before = rows[rows.length - 1]!.id
    }
  }
}
