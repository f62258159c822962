import vine from '@vinejs/vine'
import { REPORT_KINDS } from '#actions/reports/types'
import { ROLES } from '#enums/role'

const date = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)

/** What the report form sends (dates are local days in `timezone`). */
export const requestReportValidator = vine.create({
  kind: vine.enum(REPORT_KINDS),
  workflowId: vine.number().withoutDecimals().min(1).optional().nullable(),
  version: vine.number().withoutDecimals().min(1).optional().nullable(),
  from: date(),
  to: date(),
  timezone: vine.string().trim().maxLength(64),
  assigneeId: vine.number().withoutDecimals().min(1).optional().nullable(),
  role: vine.enum(ROLES).optional().nullable(),
  granularity: vine.enum(['day', 'week'] as const).optional(),
})

export const reportScheduleValidator = vine.create({
  kind: vine.enum(REPORT_KINDS),
  workflowId: vine.number().withoutDecimals().min(1).optional().nullable(),
  frequency: vine.enum(['daily', 'weekly'] as const),
  timezone: vine.string().trim().maxLength(64),
  recipients: vine.array(vine.number().withoutDecimals().min(1)).minLength(1).maxLength(50),
})
