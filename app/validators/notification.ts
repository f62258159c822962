import vine from '@vinejs/vine'
import { NOTIFICATION_KINDS, type NotificationKind } from '#enums/notification_kind'

/**
 * The notifications list: all or unread only, and the page.
 */
export const listNotificationsValidator = vine.create({
  filter: vine.enum(['all', 'unread'] as const).optional(),
  page: vine.number().withoutDecimals().min(1).max(100000).optional(),
})

const channels = () =>
  vine.object({
    inApp: vine.boolean(),
    email: vine.boolean(),
  })

/**
 * Preferences: per kind, whether to notify in the app and by e-mail. Kinds
 * left out keep what they had.
 */
export const updateNotificationPreferencesValidator = vine.create({
  preferences: vine.object(
    Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channels().optional()])) as Record<
      NotificationKind,
      ReturnType<ReturnType<typeof channels>['optional']>
    >
  ),
})
