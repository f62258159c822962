import db from '@adonisjs/lucid/services/db'
import Notification from '#models/notification'

export const NOTIFICATIONS_PER_PAGE = 20

export type NotificationFilter = 'all' | 'unread'

/**
 * A person's in-app notifications, newest first. (E-mail rows are the
 * delivery record of the other channel; they are not shown.)
 */
export default class ListNotifications {
  handle(params: { userId: number; filter: NotificationFilter; page: number }) {
    const query = Notification.query()
      .where('user_id', params.userId)
      .where('channel', 'in_app')
      .orderBy('id', 'desc')
    if (params.filter === 'unread') query.whereNull('read_at')
    return query.paginate(params.page, NOTIFICATIONS_PER_PAGE)
  }
}

/**
 * The bell's number: one COUNT on the (user_id, channel, read_at) index.
 */
export async function countUnread(userId: number): Promise<number> {
  const row = await db
    .from('notifications')
    .where('user_id', userId)
    .where('channel', 'in_app')
    .whereNull('read_at')
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}
