import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import ssoConfig from '#config/sso'
import { DomainError, InvalidInput } from '#exceptions/domain_error'
import { recordAudit, type AuditActor } from '#actions/audit/record_audit'
import { sqlTime } from '#support/sql_time'

/**
 * What an admin sets in Admin → Single sign-on: whether everyone must sign
 * in through the identity provider, and the break-glass local admins (by
 * e-mail) who may still use their password, e.g. while the provider is down.
 */
export type SsoSettings = { required: boolean; breakGlassEmails: string[] }

const KEY = 'sso'
const DEFAULTS: SsoSettings = { required: false, breakGlassEmails: [] }

/** Raised by a password sign-in that single sign-on replaces. */
export class SsoRequired extends DomainError {
  constructor() {
    super(
      'Sign in with single sign-on: your administrator has turned off password sign-in for your account.',
      { status: 403, code: 'sso_required' }
    )
  }
}

export function ssoEnabled() {
  return Boolean(ssoConfig.issuer && ssoConfig.clientId)
}

export async function loadSsoSettings(
  client: QueryClientContract | TransactionClientContract = db.connection()
): Promise<SsoSettings> {
  const row = await client.from('app_settings').where('key', KEY).first()
  if (!row) return { ...DEFAULTS }
  const value = JSON.parse(row.value) as Partial<SsoSettings>
  return {
    required: value.required === true,
    breakGlassEmails: Array.isArray(value.breakGlassEmails) ? value.breakGlassEmails : [],
  }
}

/**
 * True when this user may not sign in with a password: single sign-on is
 * configured and required, and they are not an active break-glass admin.
 */
export async function ssoRequiredFor(user: { email: string; role: string }) {
  if (!ssoEnabled()) return false
  const settings = await loadSsoSettings()
  if (!settings.required) return false
  return !(user.role === 'admin' && settings.breakGlassEmails.includes(user.email))
}

/**
 * Saves the settings and their audit entry (`sso.settings_changed`, before
 * and after) in one transaction. Requiring SSO needs SSO configured and at
 * least one break-glass admin, so nobody is locked out by a provider outage.
 */
export default class SaveSsoSettings {
  async handle(input: SsoSettings, actor: AuditActor) {
    const settings: SsoSettings = {
      required: input.required,
      breakGlassEmails: [...new Set(input.breakGlassEmails.map((e) => e.trim().toLowerCase()))]
        .filter(Boolean)
        .sort(),
    }
    if (settings.required && !ssoEnabled()) {
      throw new InvalidInput('Single sign-on is not configured (SSO_ISSUER).', [
        { field: 'required', message: 'Configure single sign-on first' },
      ])
    }

    return db.transaction(async (trx) => {
      if (settings.breakGlassEmails.length) {
        const admins = await trx
          .from('users')
          .whereIn('email', settings.breakGlassEmails)
          .where('role', 'admin')
          .select('email')
        const known = new Set(admins.map((row) => row.email as string))
        const unknown = settings.breakGlassEmails.filter((email) => !known.has(email))
        if (unknown.length) {
          throw new InvalidInput('Break-glass accounts must be admins.', [
            { field: 'breakGlassEmails', message: `Not an admin: ${unknown.join(', ')}` },
          ])
        }
      }
      if (settings.required && !settings.breakGlassEmails.length) {
        throw new InvalidInput('Name at least one break-glass admin before requiring SSO.', [
          { field: 'breakGlassEmails', message: 'Name at least one break-glass admin' },
        ])
      }

      const before = await loadSsoSettings(trx)
      const value = JSON.stringify(settings)
      const now = sqlTime(new Date())
      const updated = await trx
        .from('app_settings')
        .where('key', KEY)
        .update({ value, updated_at: now })
      if (!updated) await trx.table('app_settings').insert({ key: KEY, value, updated_at: now })
      await recordAudit(trx, {
        action: 'sso.settings_changed',
        actor,
        subject: { type: 'settings', id: KEY, label: 'Single sign-on' },
        before,
        after: settings,
      })
      return settings
    })
  }
}
