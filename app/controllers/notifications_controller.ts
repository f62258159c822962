import type { HttpContext } from '@adonisjs/core/http'
import ListNotifications, { countUnread } from '#actions/notifications/list_notifications'
import { hiddenWorkflowIds } from '#support/access/workflow_access'
import MarkNotificationsRead from '#actions/notifications/mark_notifications_read'
import SaveNotificationPreferences, {
  loadNotificationPreferences,
} from '#actions/notifications/notification_preferences'
import NotificationTransformer from '#transformers/notification_transformer'
import NotificationPreferenceTransformer from '#transformers/notification_preference_transformer'
import {
  listNotificationsValidator,
  updateNotificationPreferencesValidator,
} from '#validators/notification'

/**
 * A person's own notifications: the list, the bell's unread count, marking
 * read, and what to be notified about on which channel. Everything is
 * scoped to the signed-in user; there is nothing to authorize beyond that.
 */
export default class NotificationsController {
  async index({ request, inertia, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const { filter = 'all', page = 1 } = await request.validateUsing(listNotificationsValidator, {
      data: request.qs(),
    })
    const hiddenWorkflows = await hiddenWorkflowIds(user)
    const [notifications, unread] = await Promise.all([
      new ListNotifications().handle({ userId: user.id, filter, page, hiddenWorkflows }),
      countUnread(user.id, hiddenWorkflows),
    ])
    notifications.baseUrl(request.url())
    notifications.queryString(filter === 'all' ? {} : { filter })

    return inertia.render('notifications/index', {
      notifications: NotificationTransformer.paginate(notifications.all(), notifications.getMeta()),
      filter,
      unreadNotifications: unread,
    })
  }

  /**
   * The bell asks on page load and whenever a live update says something
   * changed: one indexed COUNT, no page render.
   */
  async unread({ auth, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const unread = await countUnread(user.id, await hiddenWorkflowIds(user))
    response.header('Cache-Control', 'no-store')
    return { unread }
  }

  async markRead({ params, auth, response }: HttpContext) {
    await new MarkNotificationsRead().one({
      userId: auth.getUserOrFail().id,
      notificationId: Number(params.id),
    })
    return response.redirect().back()
  }

  /**
   * "Open": marks it read and goes to the process it is about.
   */
  async open({ params, auth, response }: HttpContext) {
    const notification = await new MarkNotificationsRead().one({
      userId: auth.getUserOrFail().id,
      notificationId: Number(params.id),
    })
    if (!notification.processId) return response.redirect().toRoute('notifications.index')
    return response.redirect().toRoute('processes.show', { id: notification.processId })
  }

  async markAllRead({ auth, response, session, i18n }: HttpContext) {
    const count = await new MarkNotificationsRead().all({ userId: auth.getUserOrFail().id })
    session.flash('success', i18n.t('notifications.flash.allRead', { count }))
    return response.redirect().toRoute('notifications.index')
  }

  async preferences({ auth, inertia }: HttpContext) {
    const preferences = await loadNotificationPreferences(auth.getUserOrFail().id)
    return inertia.render('notifications/preferences', {
      preferences: NotificationPreferenceTransformer.transform(preferences),
    })
  }

  async updatePreferences({ auth, request, response, session, i18n }: HttpContext) {
    const { preferences } = await request.validateUsing(updateNotificationPreferencesValidator)
    await new SaveNotificationPreferences().handle({
      userId: auth.getUserOrFail().id,
      preferences,
    })
    session.flash('success', i18n.t('notifications.flash.preferencesSaved'))
    return response.redirect().toRoute('notifications.preferences.show')
  }
}
