import type { HttpContext } from '@adonisjs/core/http'
import Notification from '#models/notification'
import { countUnread } from '#actions/notifications/list_notifications'
import MarkNotificationsRead from '#actions/notifications/mark_notifications_read'
import NotificationTransformer from '#transformers/notification_transformer'
import { serialize } from '#support/api_serializer'
import { keyset, pageOf } from '#support/cursor'
import { notificationsListValidator } from '#validators/api_list'

/**
 * The token owner's own in-app notifications over the JSON API: the list
 * (newest first, cursor-paginated, with the unread count), marking one or
 * all read. Another person's notification is 404, as on the pages.
 */
export default class NotificationsController {
  async index({ request, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(notificationsListValidator, { data: request.qs() })
    const query = Notification.query().where('user_id', user.id).where('channel', 'in_app')
    if (input.filter === 'unread') query.whereNull('read_at')
    const { rows, metadata } = pageOf(await keyset(query, input), input)
    const body = await serialize(NotificationTransformer.transform(rows))
    return { ...body, metadata: { ...metadata, unread: await countUnread(user.id) } }
  }

  async markRead({ params, auth }: HttpContext) {
    const notification = await new MarkNotificationsRead().one({
      userId: auth.getUserOrFail().id,
      notificationId: Number(params.id),
    })
    return serialize(NotificationTransformer.transform(notification))
  }

  async markAllRead({ auth }: HttpContext) {
    const marked = await new MarkNotificationsRead().all({ userId: auth.getUserOrFail().id })
    return { data: { marked } }
  }
}
