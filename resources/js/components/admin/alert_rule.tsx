import { useI18n } from '../../lib/i18n.ts'

/** An alert rule as the Alerts page and its form receive it (AlertRuleTransformer). */
export type AlertRuleView = {
  id: number
  key: string
  name: string
  signal: string
  condition: 'threshold' | 'trend'
  operator: string
  threshold: number
  trendFactor: number | null
  trendOffsetSeconds: number | null
  windowSeconds: number
  cooldownSeconds: number
  enabled: boolean
  builtIn: boolean
  state: 'ok' | 'firing'
  lastValue: number | null
  lastError: string | null
  unit: 'seconds' | 'count'
  usesWindow: boolean
  channels: { emails: string[]; inAppRoles: string[]; webhookUrl: string | null }
  firingSince: string | null
  lastFiredAt: string | null
  lastResolvedAt: string | null
  lastEvaluatedAt: string | null
}

/** "3600" → "1 h", for windows and offsets. */
export function seconds(value: number) {
  if (value >= 86_400 && value % 86_400 === 0) return `${value / 86_400} d`
  if (value >= 3600 && value % 3600 === 0) return `${value / 3600} h`
  if (value >= 60 && value % 60 === 0) return `${value / 60} min`
  return `${value} s`
}

export function RuleCondition(props: { rule: AlertRuleView }) {
  const { t } = useI18n()
  const { rule } = props
  const signal = t(`alerts.signals.${rule.signal}`)
  const text =
    rule.condition === 'trend'
      ? t('alerts.condition.trend', {
          signal,
          operator: rule.operator,
          factor: rule.trendFactor ?? 1,
          offset: seconds(rule.trendOffsetSeconds ?? 0),
          threshold: rule.threshold,
        })
      : t('alerts.condition.threshold', {
          signal,
          operator: rule.operator,
          threshold: rule.threshold,
        })
  return (
    <>
      {text}
      {rule.usesWindow && rule.windowSeconds > 0 && (
        <div className="muted">
          {t('alerts.condition.window', { window: seconds(rule.windowSeconds) })}
        </div>
      )}
    </>
  )
}

export function RuleChannels(props: { rule: AlertRuleView }) {
  const { t } = useI18n()
  const { channels } = props.rule
  const parts = [
    channels.inAppRoles.length
      ? t('alerts.channels.inApp', {
          roles: channels.inAppRoles.map((role) => t(`roles.${role}`)).join(', '),
        })
      : null,
    channels.emails.length ? t('alerts.channels.email', { count: channels.emails.length }) : null,
    channels.webhookUrl ? t('alerts.channels.webhook') : null,
  ].filter(Boolean)
  return <>{parts.length ? parts.join(' · ') : t('alerts.channels.none')}</>
}
