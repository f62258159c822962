import { BaseTransformer } from '@adonisjs/core/transformers'
import type Notification from '#models/notification'

/**
 * An in-app notification as the notifications page lists it.
 */
export default class NotificationTransformer extends BaseTransformer<Notification> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'kind', 'title', 'processId']),
      body: this.resource.body ?? '',
      read: this.resource.readAt !== null,
      createdAt: this.resource.createdAt.toISO()!,
    }
  }
}
