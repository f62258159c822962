/**
 * What a user can be notified about, and the defaults before they choose.
 */
export const NOTIFICATION_KINDS = [
  'assigned',
  'moved',
  'sla_breached',
  'mentioned',
  'view_match',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const DEFAULT_PREFERENCES: Record<NotificationKind, { inApp: boolean; email: boolean }> = {
  assigned: { inApp: true, email: true },
  moved: { inApp: true, email: false },
  sla_breached: { inApp: true, email: true },
  mentioned: { inApp: true, email: true },
  // Watching a view is asked for: its matches come by e-mail too until turned off.
  view_match: { inApp: true, email: true },
}

/** Every kind a notification row may have: the above, and admin alerts nobody opts out of. */
export type AnyNotificationKind =
  NotificationKind | 'needs_attention' | 'alert' | 'webhook_disabled'
