import vine from '@vinejs/vine'
import { cursorFields } from '#support/cursor'

/**
 * Query strings of the cursor-paginated lists of /api/v1 (app/support/cursor.ts).
 */

/** A list with nothing to filter: attachments, report runs, migration items. */
export const cursorListValidator = vine.create(cursorFields())

/** The per-process results of a bulk operation, optionally one outcome. */
export const bulkItemsListValidator = vine.create({
  outcome: vine.enum(['pending', 'succeeded', 'refused', 'failed'] as const).optional(),
  ...cursorFields(),
})

/** A person's notifications: all or unread only. */
export const notificationsListValidator = vine.create({
  filter: vine.enum(['all', 'unread'] as const).optional(),
  ...cursorFields(),
})

/** Accounts (admins): searched by name or e-mail. */
export const usersListValidator = vine.create({
  q: vine.string().trim().maxLength(120).optional(),
  ...cursorFields(),
})
