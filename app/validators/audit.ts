import vine from '@vinejs/vine'
import { AUDIT_ACTIONS } from '#enums/audit_action'

const day = () => vine.date({ formats: ['YYYY-MM-DD'] }).optional()

/**
 * Filters of Admin → Audit, its CSV export and GET /api/v1/audit. `actor`
 * is a user id or an e-mail address; `action` a key or a family
 * (`user.*`); `cursor` the `nextCursor` of the previous page.
 */
export const auditFiltersValidator = vine.create({
  actor: vine.string().trim().maxLength(254).optional(),
  action: vine
    .string()
    .trim()
    .maxLength(64)
    .in([...AUDIT_ACTIONS, ...new Set(AUDIT_ACTIONS.map((action) => `${action.split('.')[0]}.*`))])
    .optional(),
  subjectType: vine
    .string()
    .trim()
    .maxLength(32)
    .regex(/^[a-z_]+$/)
    .optional(),
  subjectId: vine.string().trim().maxLength(64).optional(),
  from: day(),
  to: day(),
  cursor: vine
    .string()
    .trim()
    .maxLength(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  limit: vine.number().withoutDecimals().range([1, 200]).optional(),
})

/**
 * Admin → Single sign-on: whether SSO is required, and the break-glass
 * admins (comma- or line-separated e-mail addresses).
 */
export const ssoSettingsValidator = vine.create({
  required: vine.boolean(),
  breakGlassEmails: vine.string().trim().maxLength(2000).optional(),
})
