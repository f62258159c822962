import vine from '@vinejs/vine'
import { PRIORITIES } from '#engine/replay'
import { PROCESS_SORTS } from '#enums/process_list'
import { cursorFields } from '#support/cursor'

const idempotencyKey = () => vine.string().trim().minLength(1).maxLength(128).optional()
const expectedVersion = () => vine.number().withoutDecimals().min(1)
// Values may be null: that clears a field.
const data = () => vine.record(vine.any().nullable())

export const startProcessValidator = vine.create({
  workflow: vine.string().trim().maxLength(64),
  title: vine.string().trim().minLength(1).maxLength(200),
  data: data().optional(),
  assignee: vine.number().withoutDecimals().min(1).nullable().optional(),
  priority: vine.enum(PRIORITIES).optional(),
  idempotencyKey: idempotencyKey(),
})

export const transitionProcessValidator = vine.create({
  transition: vine.string().trim().minLength(1).maxLength(64),
  expectedVersion: expectedVersion(),
  data: data().optional(),
  comment: vine.string().trim().maxLength(10000).optional(),
  idempotencyKey: idempotencyKey(),
})

export const assignProcessValidator = vine.create({
  assigneeId: vine.number().withoutDecimals().min(1).nullable(),
  expectedVersion: expectedVersion(),
  idempotencyKey: idempotencyKey(),
})

/** A comment never conflicts with other changes, so the version is optional. */
export const commentProcessValidator = vine.create({
  body: vine.string().trim().minLength(1).maxLength(10000),
  expectedVersion: expectedVersion().optional(),
  idempotencyKey: idempotencyKey(),
})

export const updateProcessDataValidator = vine.create({
  data: data(),
  expectedVersion: expectedVersion(),
  idempotencyKey: idempotencyKey(),
})

export const cancelProcessValidator = vine.create({
  reason: vine.string().trim().maxLength(2000).optional(),
  expectedVersion: expectedVersion(),
  idempotencyKey: idempotencyKey(),
})

export const listProcessesValidator = vine.create({
  workflow: vine.string().trim().maxLength(64).optional(),
  stage: vine.string().trim().maxLength(64).optional(),
  status: vine.enum(['active', 'completed', 'cancelled', 'failed'] as const).optional(),
  // A user id, "me" or "none" (unassigned).
  assignee: vine
    .string()
    .trim()
    .regex(/^(me|none|[1-9]\d{0,9})$/)
    .transform((value) => (value === 'me' || value === 'none' ? value : Number(value)))
    .optional(),
  priority: vine.enum(PRIORITIES).optional(),
  overdue: vine.boolean().optional(),
  createdFrom: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  createdTo: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  q: vine.string().trim().maxLength(120).optional(),
  page: vine.number().withoutDecimals().min(1).max(100000).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
  sort: vine.enum(PROCESS_SORTS).optional(),
  direction: vine.enum(['asc', 'desc'] as const).optional(),
  parent: vine.enum(['has_parent', 'top_level'] as const).optional(),
  // Keyset pagination (API): newest first, instead of page/perPage/sort.
  ...cursorFields(),
})
