import { HttpContext } from '@adonisjs/core/http'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { AuditAction } from '#enums/audit_action'
import { sqlTime } from '#support/sql_time'

export type AuditActor = { id: number; email: string }
export type AuditSubject = { type: string; id: string | number; label?: string | null }
export type AuditRequest = { ip: string | null; userAgent: string | null }

export type AuditEntry = {
  action: AuditAction
  /** Who acted; null for nobody signed in (a failed sign-in). Defaults to the request's user. */
  actor?: AuditActor | null
  subject?: AuditSubject
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  /** IP and user agent; defaults to the current HTTP request's, if any (none in a job). */
  request?: AuditRequest | null
}

/** The IP address and user agent of a request, as the audit log keeps them. */
export function auditRequest(ctx: HttpContext): AuditRequest {
  return {
    ip: ctx.request.ip() || null,
    userAgent: ctx.request.header('user-agent') ?? null,
  }
}

/** The actor snapshot of a user (id and e-mail), or null. */
export function auditActor(user: { id: number; email: string } | null | undefined) {
  return user ? { id: user.id, email: user.email } : null
}

const clip = (value: string | null | undefined, length: number) =>
  value === null || value === undefined ? null : value.slice(0, length)

/**
 * Appends one entry to the admin audit log through `client`: pass the
 * transaction of the change, so the entry and the change commit or roll
 * back together. Outside a request (a job, a command) pass `request: null`
 * and the actor explicitly.
 */
export async function recordAudit(
  client: QueryClientContract | TransactionClientContract,
  entry: AuditEntry
) {
  const ctx = HttpContext.get()
  const request = entry.request === undefined ? (ctx ? auditRequest(ctx) : null) : entry.request
  const actor =
    entry.actor === undefined ? auditActor(ctx?.auth?.user as AuditActor | undefined) : entry.actor

  await client.table('audit_events').insert({
    actor_id: actor?.id ?? null,
    actor_email: clip(actor?.email, 254),
    action: entry.action,
    subject_type: entry.subject?.type ?? null,
    subject_id: entry.subject ? String(entry.subject.id) : null,
    subject_label: clip(entry.subject?.label, 255),
    before: entry.before ? JSON.stringify(entry.before) : null,
    after: entry.after ? JSON.stringify(entry.after) : null,
    ip: clip(request?.ip, 45),
    user_agent: clip(request?.userAgent, 512),
    created_at: sqlTime(new Date()),
  })
}
