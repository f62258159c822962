import type { HttpContext } from '@adonisjs/core/http'
import ssoConfig from '#config/sso'
import SaveSsoSettings, { loadSsoSettings, ssoEnabled } from '#actions/sso/sso_settings'
import { auditActor } from '#actions/audit/record_audit'
import { ssoSettingsValidator } from '#validators/audit'

/**
 * Admin → Single sign-on: what is configured (from the environment) and
 * whether password sign-in is turned off for all but break-glass admins.
 */
export default class SsoSettingsController {
  async show({ inertia, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const settings = await loadSsoSettings()
    return inertia.render('admin/sso/show', {
      configured: ssoEnabled(),
      issuer: ssoConfig.issuer,
      buttonLabel: ssoConfig.buttonLabel,
      roleClaim: ssoConfig.roleClaim,
      teamsClaim: ssoConfig.teamsClaim,
      settings,
    })
  }

  async update({ request, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const input = await request.validateUsing(ssoSettingsValidator)
    await new SaveSsoSettings().handle(
      {
        required: input.required,
        breakGlassEmails: (input.breakGlassEmails ?? '').split(/[\s,;]+/).filter(Boolean),
      },
      auditActor(auth.getUserOrFail())!
    )
    session.flash('success', i18n.t('audit.sso.saved'))
    return response.redirect().toRoute('admin.sso.show')
  }
}
