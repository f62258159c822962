import db from '@adonisjs/lucid/services/db'
import Notification from '#models/notification'

export const NOTIFICATIONS_PER_PAGE = 20

export type NotificationFilter = 'all' | 'unread'

/**
 * A person's in-app notifications, newest first. (E-mail rows are the
 * delivery record of the other channel; they are not shown.)
 */
export default class ListNotifications {
  handle(params: {
    userId: number
    filter: NotificationFilter
    page: number
    hiddenWorkflows?: number[]
  }) {
    const query = Notification.query()
      .where('user_id', params.userId)
      .where('channel', 'in_app')
      .if(params.hiddenWorkflows?.length, (q) => outsideHidden(q, params.hiddenWorkflows!))
      .orderBy('id', 'desc')
    if (params.filter === 'unread') query.whereNull('read_at')
    return query.paginate(params.page, NOTIFICATIONS_PER_PAGE)
  }
}

/**
 * Leaves out notices about processes of workflows the viewer may no longer
 * see (sent before the workflow's access changed); notices without a
 * process (alerts) stay.
 */
function outsideHidden<Q extends { where: Function }>(query: Q, hiddenWorkflows: number[]) {
  return query.where((q: any) =>
    q
      .whereNull('process_id')
      .orWhereNotIn('process_id', (sub: any) =>
        sub.from('processes').select('id').whereIn('workflow_id', hiddenWorkflows)
      )
  )
}

/**
 * The bell's number: one COUNT on the (user_id, channel, read_at) index.
 */
export async function countUnread(userId: number, hiddenWorkflows: number[] = []): Promise<number> {
  const row = await db
    .from('notifications')
    .where('user_id', userId)
    .where('channel', 'in_app')
    .whereNull('read_at')
    .if(hiddenWorkflows.length, (q) => outsideHidden(q, hiddenWorkflows))
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}
