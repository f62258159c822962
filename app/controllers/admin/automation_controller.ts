import type { HttpContext } from '@adonisjs/core/http'
import { automationReport } from '#automation/admin_report'
import { resolveByHand, retryCompensation } from '#automation/attention'
import { resolveAttentionValidator } from '#validators/automation'

/**
 * Admin → Automation: processes whose compensation failed (retry it or
 * resolve it by hand), sagas compensating now, circuit breakers and rate
 * limits per host, and the workflow state store.
 */
export default class AutomationController {
  async index({ inertia, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    return inertia.render('admin/automation/index', await automationReport())
  }

  async retry({ params, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    await retryCompensation(Number(params.process), auth.getUserOrFail())
    session.flash('success', i18n.t('automation.flash.retried'))
    return response.redirect().back()
  }

  async resolve({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const { comment } = await request.validateUsing(resolveAttentionValidator)
    await resolveByHand(Number(params.process), auth.getUserOrFail(), comment)
    session.flash('success', i18n.t('automation.flash.resolved'))
    return response.redirect().back()
  }
}
