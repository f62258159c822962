import vine from '@vinejs/vine'

/**
 * Query-string filters the process pages add to the API's
 * `listProcessesValidator` (validated alongside it).
 */
export const processPageFiltersValidator = vine.create({
  dueSoon: vine.boolean().optional(),
})

/**
 * Process data from a page form. A cleared field arrives as null (the
 * body parser turns empty strings into null) and means "empty it", which
 * the engine accepts; the API's `vine.any()` values would refuse it.
 */
const pageData = () => vine.record(vine.any().nullable())
const expectedVersion = () => vine.number().withoutDecimals().min(1)
/** Generated per form render (see useCommandKey): a double submit applies once. */
const idempotencyKey = () => vine.string().trim().minLength(1).maxLength(128).optional()

export const transitionFromPageValidator = vine.create({
  transition: vine.string().trim().minLength(1).maxLength(64),
  expectedVersion: expectedVersion(),
  data: pageData().optional(),
  comment: vine.string().trim().maxLength(10000).optional(),
  idempotencyKey: idempotencyKey(),
})

export const updateDataFromPageValidator = vine.create({
  data: pageData(),
  expectedVersion: expectedVersion(),
  idempotencyKey: idempotencyKey(),
})
