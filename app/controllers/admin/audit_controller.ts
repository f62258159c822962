import { Readable } from 'node:stream'
import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import ListAuditEvents from '#actions/audit/list_audit_events'
import AuditEventTransformer from '#transformers/audit_event_transformer'
import { auditFiltersValidator } from '#validators/audit'
import { AUDIT_ACTIONS } from '#enums/audit_action'
import type AuditEvent from '#models/audit_event'
import { toCsv } from '#support/csv'
import { asDownload } from '#support/download'

const CSV_HEADER = [
  'id',
  'created_at',
  'actor_id',
  'actor_email',
  'action',
  'subject_type',
  'subject_id',
  'subject_label',
  'before',
  'after',
  'ip',
  'user_agent',
]

const csvRow = (e: AuditEvent) => [
  e.id,
  e.createdAt.toISO(),
  e.actorId,
  e.actorEmail,
  e.action,
  e.subjectType,
  e.subjectId,
  e.subjectLabel,
  e.before ? JSON.stringify(e.before) : '',
  e.after ? JSON.stringify(e.after) : '',
  e.ip,
  e.userAgent,
]

/**
 * Admin → Audit: the append-only log of administrative acts, filtered,
 * newest first a page at a time (cursor), and as a streamed CSV file.
 */
export default class AuditController {
  async index({ request, inertia, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const filters = await request.validateUsing(auditFiltersValidator, { data: request.qs() })
    const { events, nextCursor } = await new ListAuditEvents().page(filters)
    const qs = request.qs()
    return inertia.render('admin/audit/index', {
      events: AuditEventTransformer.transform(events),
      nextCursor,
      filters: {
        actor: filters.actor ?? '',
        action: filters.action ?? '',
        subjectType: filters.subjectType ?? '',
        subjectId: filters.subjectId ?? '',
        from: typeof qs.from === 'string' ? qs.from : '',
        to: typeof qs.to === 'string' ? qs.to : '',
      },
      cursor: filters.cursor ?? null,
      actions: [...AUDIT_ACTIONS],
    })
  }

  async export({ request, response, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    // Every match, whatever page the list showed: batches ignore cursor and limit.
    const filters = await request.validateUsing(auditFiltersValidator, { data: request.qs() })
    const headerLine = toCsv(CSV_HEADER, [])
    async function* lines() {
      yield headerLine
      for await (const batch of new ListAuditEvents().batches(filters)) {
        yield toCsv(CSV_HEADER, batch.map(csvRow)).slice(headerLine.length)
      }
    }
    asDownload(
      response,
      `audit-${DateTime.now().toFormat('yyyyMMdd-HHmm')}.csv`,
      'text/csv; charset=utf-8'
    )
    response.stream(Readable.from(lines()))
  }
}
