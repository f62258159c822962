import mail from '@adonisjs/mail/services/main'
import logger from '@adonisjs/core/services/logger'
import { appUrl } from '#config/app'
import type User from '#models/user'
import Notification from '#models/notification'
import type { AnyNotificationKind } from '#enums/notification_kind'
import NotifyUsers from '#actions/notifications/notify_users'

/**
 * Sends one notification by e-mail, once per (outbox message, user): the
 * row is recorded as pending first, sent, then marked delivered. A crash
 * before the send retries it; a crash right after it (before the mark)
 * may send it twice, the only duplicate SMTP leaves possible. Used by every
 * job that e-mails (process events, watched views).
 */
export async function emailNotification(draft: {
  outboxId: number
  user: User
  kind: AnyNotificationKind
  process: { id: number; reference: string; title: string }
  title: string
  body: string
}) {
  const { outboxId, user, kind, process, title, body } = draft
  await new NotifyUsers().one({
    outboxId,
    userId: user.id,
    channel: 'email',
    kind,
    processId: process.id,
    title,
    body,
    status: 'pending',
  })
  const row = await Notification.query()
    .where('outbox_message_id', outboxId)
    .where('user_id', user.id)
    .where('channel', 'email')
    .firstOrFail()
  if (row.status === 'delivered') return false

  await mail.send((message) => {
    message
      .to(user.email, user.name)
      .subject(`[Stageflow] ${title}`)
      .text(`${body}\n\n${appUrl}/processes/${process.id}\n`)
      .html(
        `<p>${escapeHtml(body)}</p><p><a href="${appUrl}/processes/${process.id}">${escapeHtml(process.reference)} — ${escapeHtml(process.title)}</a></p>`
      )
  })
  row.status = 'delivered'
  await row.save()
  logger.info({ userId: user.id, kind }, 'e-mail notification sent')
  return true
}

function escapeHtml(text: string) {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  )
}
