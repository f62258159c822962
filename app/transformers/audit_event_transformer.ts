import { BaseTransformer } from '@adonisjs/core/transformers'
import type AuditEvent from '#models/audit_event'

/**
 * One audit entry: who (id and e-mail at the time), what, on which
 * subject, when, from where, and the state before and after.
 */
export default class AuditEventTransformer extends BaseTransformer<AuditEvent> {
  toObject() {
    const e = this.resource
    return {
      id: e.id,
      action: e.action,
      actor:
        e.actorEmail !== null || e.actorId !== null ? { id: e.actorId, email: e.actorEmail } : null,
      subject:
        e.subjectType !== null
          ? { type: e.subjectType, id: e.subjectId, label: e.subjectLabel }
          : null,
      before: e.before,
      after: e.after,
      ip: e.ip,
      userAgent: e.userAgent,
      createdAt: e.createdAt.toISO()!,
    }
  }
}
