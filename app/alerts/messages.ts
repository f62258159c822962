import type { DateTime } from 'luxon'
import { SIGNAL_TRAITS } from '#enums/alert_signal'
import type AlertRule from '#models/alert_rule'

/**
 * The words of an alert: one line for the history, titles for in-app
 * notifications and e-mail, and a Slack-compatible webhook body
 * (`{ text, blocks }`: Slack, Mattermost, Rocket.Chat and most chat
 * tools read `text`; Slack also renders `blocks`).
 */

export type AlertChange = 'fired' | 'resolved'

export function amount(rule: Pick<AlertRule, 'signal'>, value: number) {
  const rounded = Math.round(value * 100) / 100
  return SIGNAL_TRAITS[rule.signal].unit === 'seconds' ? `${rounded} s` : String(rounded)
}

/** "3600" → "1 h", "3660" → "1 h 1 min" (the two largest units). */
export function duration(seconds: number) {
  const total = Math.max(0, Math.round(seconds))
  const parts = [
    [Math.floor(total / 86_400), 'd'],
    [Math.floor((total % 86_400) / 3600), 'h'],
    [Math.floor((total % 3600) / 60), 'min'],
    [total % 60, 's'],
  ] as const
  const shown = parts.filter(([n]) => n > 0).slice(0, 2)
  return shown.length ? shown.map(([n, unit]) => `${n} ${unit}`).join(' ') : '0 s'
}

/** "value > threshold" or "value > 2 × baseline (the same window 7 d earlier)". */
export function conditionText(rule: AlertRule, value: number, baseline: number | null) {
  const now = amount(rule, value)
  const windowed =
    SIGNAL_TRAITS[rule.signal].usesWindow && rule.windowSeconds > 0
      ? ` in the last ${duration(rule.windowSeconds)}`
      : ''
  if (rule.condition === 'trend') {
    return `${now}${windowed} ${rule.operator} ${rule.trendFactor} × ${amount(rule, baseline ?? 0)} (the same window ${duration(rule.trendOffsetSeconds ?? 0)} earlier)`
  }
  return `${now}${windowed} ${rule.operator} ${amount(rule, rule.threshold)}`
}

export function title(rule: AlertRule, change: AlertChange) {
  return change === 'fired' ? `Alert: ${rule.name}` : `Resolved: ${rule.name}`
}

export type AlertNotice = {
  rule: AlertRule
  change: AlertChange
  message: string
  firedAt: DateTime
  resolvedAt: DateTime | null
  link: string
}

export function textOf(notice: AlertNotice) {
  const head = notice.change === 'fired' ? '[FIRING]' : '[RESOLVED]'
  const lasted =
    notice.change === 'resolved' && notice.resolvedAt
      ? ` after ${duration(Math.max(0, Math.round(notice.resolvedAt.diff(notice.firedAt).as('seconds'))))}`
      : ''
  return `${head} ${notice.rule.name}${lasted}: ${notice.message}`
}

/** The webhook body. */
export function slackBody(notice: AlertNotice) {
  const text = textOf(notice)
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(text)}*` } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `rule \`${notice.rule.key}\` · signal \`${notice.rule.signal}\` · fired ${notice.firedAt.toUTC().toISO()}${
              notice.resolvedAt ? ` · resolved ${notice.resolvedAt.toUTC().toISO()}` : ''
            } · <${notice.link}|Admin → Alerts>`,
          },
        ],
      },
    ],
  }
}

/** Slack's mrkdwn reads <, > and & as markup. */
function escapeMrkdwn(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
