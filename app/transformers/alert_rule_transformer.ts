import { BaseTransformer } from '@adonisjs/core/transformers'
import type AlertRule from '#models/alert_rule'
import { SIGNAL_TRAITS } from '#enums/alert_signal'

/**
 * An alert rule for the Alerts page: its condition, channels and state
 * (ok, or firing since when), with the signal's unit.
 */
export default class AlertRuleTransformer extends BaseTransformer<AlertRule> {
  toObject() {
    const rule = this.resource
    return {
      ...this.pick(rule, [
        'id',
        'key',
        'name',
        'signal',
        'condition',
        'operator',
        'threshold',
        'trendFactor',
        'trendOffsetSeconds',
        'windowSeconds',
        'cooldownSeconds',
        'enabled',
        'builtIn',
        'state',
        'lastValue',
        'lastError',
      ]),
      unit: SIGNAL_TRAITS[rule.signal]?.unit ?? 'count',
      usesWindow: SIGNAL_TRAITS[rule.signal]?.usesWindow ?? true,
      channels: {
        emails: rule.channels.emails,
        inAppRoles: rule.channels.inAppRoles,
        webhookUrl: rule.channels.webhookUrl,
      },
      firingSince: rule.firingSince?.toISO() ?? null,
      lastFiredAt: rule.lastFiredAt?.toISO() ?? null,
      lastResolvedAt: rule.lastResolvedAt?.toISO() ?? null,
      lastEvaluatedAt: rule.lastEvaluatedAt?.toISO() ?? null,
    }
  }
}
