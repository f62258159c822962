/**
 * The action keys of the admin audit log (`audit_events.action`), as
 * `<subject>.<verb in the past tense>`. A new administrative act adds its
 * key here (the Admin → Audit filter and the API's `action` filter offer
 * exactly these) and its label in resources/lang/{en,pt-BR}/audit.json.
 */
export const AUDIT_ACTIONS = [
  'auth.login_succeeded',
  'auth.login_failed',
  'user.created',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'team.created',
  'team.updated',
  'team.deleted',
  'team.members_changed',
  'workflow.access_changed',
  'workflow.published',
  'workflow.archived',
  'migration.started',
  'bulk.started',
  'webhook.created',
  'webhook.updated',
  'webhook.revoked',
  'webhook.secret_rotated',
  'token.created',
  'token.revoked',
  'sso.settings_changed',
  'alert_rule.created',
  'alert_rule.updated',
  'alert_rule.enabled',
  'alert_rule.disabled',
  'alert_rule.deleted',
  'calendar.created',
  'calendar.updated',
  'calendar.deleted',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]
