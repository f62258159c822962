import type { HttpContext } from '@adonisjs/core/http'
import AlertRule from '#models/alert_rule'
import AlertsOverview from '#actions/alerts/alerts_overview'
import SaveAlertRule from '#actions/alerts/save_alert_rule'
import AlertRuleTransformer from '#transformers/alert_rule_transformer'
import AlertEventTransformer from '#transformers/alert_event_transformer'
import { alertRuleEnabledValidator, alertRuleValidator, TREND_OFFSETS } from '#validators/alert'
import { ALERT_OPERATORS, ALERT_SIGNALS, SIGNAL_TRAITS } from '#enums/alert_signal'
import alertsConfig from '#config/alerts'

/** What the rule form offers. */
const formOptions = {
  signals: ALERT_SIGNALS.map((name) => ({ name, ...SIGNAL_TRAITS[name] })),
  operators: [...ALERT_OPERATORS],
  trendOffsets: [...TREND_OFFSETS],
}

/**
 * Admin → Alerts: rules over the metrics and the event log, their state
 * and history; create custom rules, change or turn off any rule.
 */
export default class AlertsController {
  async index({ inertia, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const { rules, events, deliveries } = await new AlertsOverview().handle()
    return inertia.render('admin/alerts/index', {
      rules: AlertRuleTransformer.transform(rules),
      events: events.map((event) => new AlertEventTransformer(event, deliveries).toObject()),
      evaluatedEverySeconds: Math.round(alertsConfig.everyMs / 1000),
    })
  }

  async create({ inertia, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    return inertia.render('admin/alerts/form', { rule: null, options: formOptions })
  }

  async store({ request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const input = await request.validateUsing(alertRuleValidator)
    const rule = await new SaveAlertRule().create(input)
    session.flash('success', i18n.t('alerts.flash.created', { name: rule.name }))
    return response.redirect().toRoute('admin.alerts.index')
  }

  async edit({ params, inertia, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const rule = await AlertRule.findOrFail(params.id)
    return inertia.render('admin/alerts/form', {
      rule: AlertRuleTransformer.transform(rule),
      options: formOptions,
    })
  }

  async update({ params, request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const rule = await AlertRule.findOrFail(params.id)
    const input = await request.validateUsing(alertRuleValidator)
    await new SaveAlertRule().update(rule, input)
    session.flash('success', i18n.t('alerts.flash.updated', { name: rule.name }))
    return response.redirect().toRoute('admin.alerts.index')
  }

  async toggle({ params, request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const rule = await AlertRule.findOrFail(params.id)
    const { enabled } = await request.validateUsing(alertRuleEnabledValidator)
    await new SaveAlertRule().setEnabled(rule, enabled)
    session.flash(
      'success',
      i18n.t(enabled ? 'alerts.flash.enabled' : 'alerts.flash.disabled', { name: rule.name })
    )
    return response.redirect().back()
  }

  async destroy({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const rule = await AlertRule.findOrFail(params.id)
    await new SaveAlertRule().delete(rule)
    session.flash('success', i18n.t('alerts.flash.deleted', { name: rule.name }))
    return response.redirect().toRoute('admin.alerts.index')
  }
}
