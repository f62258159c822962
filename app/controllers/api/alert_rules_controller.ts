import type { HttpContext } from '@adonisjs/core/http'
import AlertRule from '#models/alert_rule'
import AlertEvent from '#models/alert_event'
import SaveAlertRule from '#actions/alerts/save_alert_rule'
import { ensureBuiltInRules } from '#actions/alerts/built_in_rules'
import { deliveriesOf } from '#actions/alerts/alerts_overview'
import AlertEventTransformer from '#transformers/alert_event_transformer'
import AlertRuleTransformer from '#transformers/alert_rule_transformer'
import { NotFound } from '#exceptions/domain_error'
import { serialize } from '#support/api_serializer'
import { keyset, pageOf } from '#support/cursor'
import { cursorListValidator } from '#validators/api_list'
import { alertRuleEnabledValidator, alertRuleValidator } from '#validators/alert'

async function findRule(id: unknown) {
  const rule = await AlertRule.find(Number(id) || 0)
  if (!rule) throw new NotFound('Alert rule')
  return rule
}

/**
 * Alert rules over the JSON API (admins), with Admin → Alerts' action:
 * list (oldest first, built-in rules first as they are seeded first),
 * create, read, change, turn on or off, delete (built-in rules can only
 * be turned off: 422), and the firing history. Every change is audited by the action.
 */
export default class AlertRulesController {
  async index({ request, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const input = await request.validateUsing(cursorListValidator, { data: request.qs() })
    // As Admin → Alerts does: the built-in rules exist before anyone lists them.
    await ensureBuiltInRules()
    const rules = await keyset(AlertRule.query(), input, { direction: 'asc' })
    const { rows, metadata } = pageOf(rules, input)
    const body = await serialize(AlertRuleTransformer.transform(rows))
    return { ...body, metadata }
  }

  /** The firing history, newest first, with how its e-mails and webhooks went. */
  async events({ request, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const input = await request.validateUsing(cursorListValidator, { data: request.qs() })
    const events = await keyset(
      AlertEvent.query().preload('rule', (q) => q.select('id', 'name')),
      input
    )
    const { rows, metadata } = pageOf(events, input)
    const deliveries = await deliveriesOf(rows.map((event) => event.id))
    return {
      data: rows.map((event) => new AlertEventTransformer(event, deliveries).toObject()),
      metadata,
    }
  }

  async store({ request, response, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const input = await request.validateUsing(alertRuleValidator)
    const rule = await new SaveAlertRule().create(input)
    response.status(201)
    return serialize(AlertRuleTransformer.transform(await AlertRule.findOrFail(rule.id)))
  }

  async show({ params, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    return serialize(AlertRuleTransformer.transform(await findRule(params.id)))
  }

  async update({ params, request, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const rule = await findRule(params.id)
    const input = await request.validateUsing(alertRuleValidator)
    await new SaveAlertRule().update(rule, input)
    return serialize(AlertRuleTransformer.transform(await AlertRule.findOrFail(rule.id)))
  }

  async toggle({ params, request, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const rule = await findRule(params.id)
    const { enabled } = await request.validateUsing(alertRuleEnabledValidator)
    await new SaveAlertRule().setEnabled(rule, enabled)
    return serialize(AlertRuleTransformer.transform(await AlertRule.findOrFail(rule.id)))
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    await new SaveAlertRule().delete(await findRule(params.id))
    return response.noContent()
  }
}
