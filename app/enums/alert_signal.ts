/**
 * The signals alert rules watch, and what each one is. The readers live in
 * app/alerts/signals/<name>.ts (the registry there is typed by this list,
 * so a name without a reader does not compile).
 */
export const ALERT_SIGNALS = [
  'outbox_oldest_pending_seconds',
  'failed_jobs',
  'worker_heartbeat_missing',
  'circuit_open_seconds',
  'stalled_processes',
  'sla_breaches',
] as const

export type AlertSignal = (typeof ALERT_SIGNALS)[number]

export type SignalTraits = {
  unit: 'seconds' | 'count'
  /** Whether the rule's window changes what is read. */
  usesWindow: boolean
  /** Whether the value can be read for a past window (trend rules compare with one). */
  trend: boolean
}

export const SIGNAL_TRAITS: Record<AlertSignal, SignalTraits> = {
  outbox_oldest_pending_seconds: { unit: 'seconds', usesWindow: false, trend: false },
  failed_jobs: { unit: 'count', usesWindow: true, trend: false },
  worker_heartbeat_missing: { unit: 'count', usesWindow: true, trend: false },
  circuit_open_seconds: { unit: 'seconds', usesWindow: false, trend: false },
  stalled_processes: { unit: 'count', usesWindow: true, trend: false },
  sla_breaches: { unit: 'count', usesWindow: true, trend: true },
}

export const ALERT_CONDITIONS = ['threshold', 'trend'] as const
export type AlertCondition = (typeof ALERT_CONDITIONS)[number]

export const ALERT_OPERATORS = ['>', '>=', '<', '<='] as const
export type AlertOperator = (typeof ALERT_OPERATORS)[number]

export type AlertState = 'ok' | 'firing'

/** Where a rule's firing and resolving are sent. */
export type AlertChannels = {
  /** E-mail addresses (the app's mailer). */
  emails: string[]
  /** Every active user with one of these roles gets an in-app notification. */
  inAppRoles: ('admin' | 'manager' | 'member')[]
  /** A Slack-compatible incoming webhook (JSON `{ text, blocks }`), through the egress guard. */
  webhookUrl: string | null
}

/** Splits the rule form's e-mail box (commas, semicolons, spaces, new lines). */
export function emailList(text: string | null | undefined) {
  return (text ?? '').split(/[\s,;]+/).filter(Boolean)
}
