import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { AnyNotificationKind } from '#enums/notification_kind'
import { sqlTime } from '#support/sql_time'
import { publishToUser } from '#support/live_updates'

export type NotificationDraft = {
  userId: number
  /** The outbox message it comes from: with user and channel, the key that makes it once. */
  outboxId: number
  channel: 'in_app' | 'email'
  kind: AnyNotificationKind
  /** Null for notices about the system (alerts). */
  processId: number | null
  title: string
  body: string
  /** E-mail is recorded pending, then marked delivered once sent. */
  status?: 'pending' | 'delivered'
}

/**
 * The one writer of `notifications`. A (message, user, channel) that has a
 * row already is skipped, so a repeated job notifies nobody twice; a new
 * in-app row is pushed to the user's open pages at once.
 */
export default class NotifyUsers {
  /** Records one notification; true when it is new. */
  async one(draft: NotificationDraft) {
    const result = await db
      .table('notifications')
      .insert({
        user_id: draft.userId,
        outbox_message_id: draft.outboxId,
        channel: draft.channel,
        kind: draft.kind,
        process_id: draft.processId,
        title: draft.title,
        body: draft.body,
        status: draft.status ?? 'delivered',
        created_at: sqlTime(DateTime.now()),
      })
      .onConflict(['outbox_message_id', 'user_id', 'channel'])
      .ignore()
    const inserted = Array.isArray(result) ? Number(result[0] ?? 0) > 0 : Boolean(result)
    if (inserted && draft.channel === 'in_app') {
      publishToUser(draft.userId, {
        type: 'notification',
        title: draft.title,
        processId: draft.processId,
      })
    }
    return inserted
  }

  /** The same in-app notice to several users. */
  async inApp(userIds: number[], notice: Omit<NotificationDraft, 'userId' | 'channel' | 'status'>) {
    for (const userId of userIds) await this.one({ ...notice, userId, channel: 'in_app' })
  }
}
