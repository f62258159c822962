import vine from '@vinejs/vine'
import { VOTE_DECISIONS } from '#engine/approvals'

const idempotencyKey = () => vine.string().trim().minLength(1).maxLength(128).optional()

/** A vote on the approval of the process's current stage (a comment is required to reject). */
export const voteValidator = vine.create({
  decision: vine.enum(VOTE_DECISIONS),
  comment: vine.string().trim().maxLength(10000).optional(),
  idempotencyKey: idempotencyKey(),
})

export const claimValidator = vine.create({
  idempotencyKey: idempotencyKey(),
})

/** An absence (whole days, inclusive) and the delegate (by e-mail) who acts meanwhile. */
export const absenceValidator = vine.create({
  from: vine.date({ formats: ['YYYY-MM-DD'] }),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).afterOrSameAs('from'),
  delegate: vine.string().trim().email().maxLength(254),
})
