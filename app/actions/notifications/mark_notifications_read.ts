import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Notification from '#models/notification'
import { NotFound } from '#exceptions/domain_error'
import { sqlTime } from '#support/sql_time'
import { publishToUser } from '#support/live_updates'
import { countUnread } from '#actions/notifications/list_notifications'

/**
 * Marks one of a person's notifications read, or all of them. Another
 * person's notification is "not found", never "forbidden": its existence
 * is nobody else's business. Open tabs of the same person hear the new
 * unread count and update their bell.
 */
export default class MarkNotificationsRead {
  async one(params: { userId: number; notificationId: number }): Promise<Notification> {
    const notification = await Notification.query()
      .where('id', params.notificationId)
      .where('user_id', params.userId)
      .where('channel', 'in_app')
      .first()
    if (!notification) throw new NotFound('Notification')
    if (!notification.readAt) {
      notification.readAt = DateTime.now()
      await notification.save()
      await this.announce(params.userId)
    }
    return notification
  }

  async all(params: { userId: number }): Promise<number> {
    const marked = await db
      .from('notifications')
      .where('user_id', params.userId)
      .where('channel', 'in_app')
      .whereNull('read_at')
      .update({ read_at: sqlTime(DateTime.now()) })
    const count = Array.isArray(marked) ? Number(marked[0] ?? 0) : Number(marked)
    if (count > 0) await this.announce(params.userId)
    return count
  }

  protected async announce(userId: number) {
    publishToUser(userId, { type: 'notifications.read', unread: await countUnread(userId) })
  }
}
