import db from '@adonisjs/lucid/services/db'
import {
  DEFAULT_PREFERENCES,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '#enums/notification_kind'

export type NotificationPreference = { kind: NotificationKind; inApp: boolean; email: boolean }

/**
 * What a person receives, per kind and channel: their saved choice, or the
 * default for kinds they never touched. The delivery job reads the same
 * table (app/jobs/deliver_notifications.ts).
 */
export async function loadNotificationPreferences(
  userId: number
): Promise<NotificationPreference[]> {
  const rows = await db
    .from('notification_preferences')
    .where('user_id', userId)
    .select('kind', 'in_app', 'email')
  return NOTIFICATION_KINDS.map((kind) => {
    const saved = rows.find((row) => row.kind === kind)
    return saved
      ? { kind, inApp: Boolean(saved.in_app), email: Boolean(saved.email) }
      : { kind, ...DEFAULT_PREFERENCES[kind] }
  })
}

/**
 * Saves every kind the form sent, one row per (user, kind), in one
 * transaction.
 */
export default class SaveNotificationPreferences {
  async handle(params: {
    userId: number
    preferences: Partial<Record<NotificationKind, { inApp: boolean; email: boolean }>>
  }) {
    await db.transaction(async (trx) => {
      for (const kind of NOTIFICATION_KINDS) {
        const choice = params.preferences[kind]
        if (!choice) continue
        await trx
          .table('notification_preferences')
          .insert({ user_id: params.userId, kind, in_app: choice.inApp, email: choice.email })
          .onConflict(['user_id', 'kind'])
          .merge(['in_app', 'email'])
      }
    })
    return loadNotificationPreferences(params.userId)
  }
}
