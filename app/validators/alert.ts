import vine from '@vinejs/vine'
import automationConfig from '#config/automation'
import { ROLES } from '#enums/role'
import {
  ALERT_CONDITIONS,
  ALERT_OPERATORS,
  ALERT_SIGNALS,
  SIGNAL_TRAITS,
  emailList,
  type AlertSignal,
} from '#enums/alert_signal'
import { literalRefusal } from '#support/egress/guard'

/** The earlier windows a trend may compare with: the same hour yesterday or last week. */
export const TREND_OFFSETS = [86_400, 604_800] as const

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/

/** Every address in the box looks like one. */
const emailAddresses = vine.createRule((value: unknown, _options, field) => {
  const list = emailList(String(value))
  const wrong = list.find((address) => !EMAIL.test(address) || address.length > 254)
  if (wrong)
    field.report('“{address}” is not an e-mail address', 'alerts.email', field, { address: wrong })
  else if (list.length > 20) field.report('At most 20 addresses', 'alerts.emails', field)
})

/** The webhook must pass the egress guard's literal checks (no SSRF to local or private hosts). */
const callableUrl = vine.createRule((value: unknown, _options, field) => {
  // `url()` without a TLD takes "host" alone; the webhook needs a full address.
  if (!field.isValid) return
  if (!URL.canParse(String(value))) {
    field.report('Enter a full http(s) address', 'alerts.webhook_url', field)
    return
  }
  const refusal = literalRefusal(new URL(String(value)), automationConfig.egress.allowedHosts)
  if (refusal)
    field.report('This address may not be called: {reason}', 'alerts.webhook', field, {
      reason: refusal,
    })
})

/** Trend rules only on signals whose past values can be read. */
const trendableSignal = vine.createRule((value: unknown, _options, field) => {
  const signal = (field.parent as { signal?: string }).signal as AlertSignal | undefined
  if (value === 'trend' && signal && SIGNAL_TRAITS[signal] && !SIGNAL_TRAITS[signal].trend) {
    field.report(
      'This signal cannot be compared with an earlier window',
      'alerts.trendSignal',
      field
    )
  }
})

/**
 * A custom rule (create) or a change to any rule (update): signal,
 * condition, window, cooldown and channels. Seconds throughout.
 */
export const alertRuleValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
  signal: vine.enum(ALERT_SIGNALS),
  condition: vine.enum(ALERT_CONDITIONS).use(trendableSignal()),
  operator: vine.enum(ALERT_OPERATORS),
  threshold: vine.number().min(0).max(1_000_000_000),
  trendFactor: vine.number().min(0.01).max(1000).optional().requiredWhen('condition', '=', 'trend'),
  trendOffsetSeconds: vine
    .number()
    .in([...TREND_OFFSETS])
    .optional()
    .requiredWhen('condition', '=', 'trend'),
  windowSeconds: vine
    .number()
    .withoutDecimals()
    .min(0)
    .max(30 * 86_400),
  cooldownSeconds: vine
    .number()
    .withoutDecimals()
    .min(0)
    .max(7 * 86_400),
  emails: vine.string().trim().maxLength(5000).use(emailAddresses()).optional(),
  inAppRoles: vine.array(vine.enum(ROLES)).maxLength(ROLES.length).optional(),
  webhookUrl: vine
    .string()
    .trim()
    .maxLength(2048)
    .url({ protocols: ['http', 'https'], require_tld: false })
    .use(callableUrl())
    .optional(),
})

export const alertRuleEnabledValidator = vine.create({
  enabled: vine.boolean(),
})
