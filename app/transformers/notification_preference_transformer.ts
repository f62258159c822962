import { BaseTransformer } from '@adonisjs/core/transformers'
import type { NotificationPreference } from '#actions/notifications/notification_preferences'

/**
 * One row of the preferences form: a kind and its two channels.
 */
export default class NotificationPreferenceTransformer extends BaseTransformer<NotificationPreference> {
  toObject() {
    return this.pick(this.resource, ['kind', 'inApp', 'email'])
  }
}
