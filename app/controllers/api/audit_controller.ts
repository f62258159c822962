import type { HttpContext } from '@adonisjs/core/http'
import ListAuditEvents from '#actions/audit/list_audit_events'
import AuditEventTransformer from '#transformers/audit_event_transformer'
import { auditFiltersValidator } from '#validators/audit'
import { serialize } from '#support/api_serializer'

/**
 * GET /api/v1/audit: the admin audit log for admins' tokens, newest first,
 * filtered, paged by `?cursor=` (the previous page's `metadata.nextCursor`).
 */
export default class AuditController {
  async index({ request, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const filters = await request.validateUsing(auditFiltersValidator, { data: request.qs() })
    const { events, nextCursor } = await new ListAuditEvents().page(filters)
    const body = await serialize(AuditEventTransformer.transform(events))
    return { ...body, metadata: { nextCursor } }
  }
}
