import vine from '@vinejs/vine'

/**
 * A bulk action on processes (preview and run take the same input): what
 * to do, and on which processes — ticked ids or the list's current filter
 * (its query-string values, validated again as the list validates them).
 */
export const bulkActionValidator = vine.create({
  action: vine.enum(['assign', 'transition', 'cancel'] as const),
  transition: vine.string().trim().minLength(1).maxLength(64).optional(),
  // null unassigns.
  assigneeId: vine.number().withoutDecimals().min(1).nullable().optional(),
  reason: vine.string().trim().maxLength(2000).optional(),
  ids: vine.array(vine.number().withoutDecimals().min(1)).minLength(1).maxLength(500).optional(),
  filter: vine.record(vine.string().trim().maxLength(120)).optional(),
})

/** The selection alone: which transitions could run on it. */
export const bulkSelectionValidator = vine.create({
  ids: vine.array(vine.number().withoutDecimals().min(1)).minLength(1).maxLength(500).optional(),
  filter: vine.record(vine.string().trim().maxLength(120)).optional(),
})

/** The result list of an operation page: one outcome, one page. */
export const bulkResultsValidator = vine.create({
  outcome: vine.enum(['pending', 'succeeded', 'refused', 'failed'] as const).optional(),
  page: vine.number().withoutDecimals().min(1).max(100000).optional(),
})
