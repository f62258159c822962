import vine from '@vinejs/vine'
import automationConfig from '#config/automation'
import { WEBHOOK_EVENT_TYPES } from '#enums/webhook_event'
import { literalRefusal } from '#support/egress/guard'

/** The egress guard's literal checks at subscribe time (DNS is checked by the action). */
const callableUrl = vine.createRule((value: unknown, _options, field) => {
  let url: URL
  try {
    url = new URL(String(value))
  } catch {
    return
  }
  const refusal = literalRefusal(url, automationConfig.egress.allowedHosts)
  if (refusal)
    field.report('This address may not be called: {reason}', 'webhooks.url', field, {
      reason: refusal,
    })
})

const url = () =>
  vine
    .string()
    .trim()
    .maxLength(2048)
    .url({ protocols: ['http', 'https'], require_tld: false })
    .use(callableUrl())
const events = () =>
  vine
    .array(vine.enum(WEBHOOK_EVENT_TYPES))
    .minLength(1)
    .maxLength(WEBHOOK_EVENT_TYPES.length)
    .distinct()
const workflow = () => vine.string().trim().maxLength(64).nullable().optional()
const description = () => vine.string().trim().maxLength(500).nullable().optional()

/** POST /api/v1/webhooks and the admin form. */
export const createWebhookValidator = vine.create({
  url: url(),
  events: events(),
  workflow: workflow(),
  description: description(),
})

/** PATCH /api/v1/webhooks/:id: any subset, plus enabled. */
export const updateWebhookValidator = vine.create({
  url: url().optional(),
  events: events().optional(),
  workflow: workflow(),
  description: description(),
  enabled: vine.boolean().optional(),
})

const HOOK_KEY = /^[a-z0-9][a-z0-9_-]*$/
const expression = () => vine.string().trim().minLength(1).maxLength(1000)

/** POST /api/v1/workflows/:key/hooks. */
export const createHookValidator = vine.create({
  key: vine.string().trim().minLength(1).maxLength(64).regex(HOOK_KEY),
  action: vine.enum(['start', 'transition'] as const),
  transition: vine.string().trim().maxLength(64).nullable().optional(),
  reference: expression().nullable().optional(),
  title: expression().nullable().optional(),
  mapping: vine.record(expression()).optional(),
})

/** PATCH /api/v1/workflows/:key/hooks/:hook. */
export const updateHookValidator = vine.create({
  transition: vine.string().trim().maxLength(64).nullable().optional(),
  reference: expression().nullable().optional(),
  title: expression().nullable().optional(),
  mapping: vine.record(expression()).optional(),
  enabled: vine.boolean().optional(),
})
