import vine from '@vinejs/vine'
import { MAX_CHECK_LIMIT } from '#actions/workflows/check_draft'

/**
 * Testing a draft against history: how many recent processes, and whether
 * to run it in the background. Strict types: a JSON body says what it means.
 */
export const draftCheckValidator = vine.create({
  limit: vine.number({ strict: true }).withoutDecimals().min(1).max(MAX_CHECK_LIMIT).optional(),
  background: vine.boolean({ strict: true }).optional(),
})
