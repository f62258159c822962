import type { HttpContext } from '@adonisjs/core/http'
import SaveNotificationPreferences, {
  loadNotificationPreferences,
} from '#actions/notifications/notification_preferences'
import NotificationPreferenceTransformer from '#transformers/notification_preference_transformer'
import { serialize } from '#support/api_serializer'
import { updateNotificationPreferencesValidator } from '#validators/notification'

/**
 * The token owner's notification preferences, per kind and channel, as on
 * the preferences page: every kind is answered (the default for kinds never
 * chosen); PUT saves the kinds it names and leaves the others.
 */
export default class NotificationPreferencesController {
  async show({ auth }: HttpContext) {
    const preferences = await loadNotificationPreferences(auth.getUserOrFail().id)
    return serialize(NotificationPreferenceTransformer.transform(preferences))
  }

  async update({ auth, request }: HttpContext) {
    const { preferences } = await request.validateUsing(updateNotificationPreferencesValidator)
    const saved = await new SaveNotificationPreferences().handle({
      userId: auth.getUserOrFail().id,
      preferences,
    })
    return serialize(NotificationPreferenceTransformer.transform(saved))
  }
}
