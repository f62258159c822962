import vine from '@vinejs/vine'
import { CURSOR_PATTERN } from '#support/sorted_cursor'

/**
 * Query-string filters the process pages add to the API's
 * `listProcessesValidator` (validated alongside it).
 */
export const processPageFiltersValidator = vine.create({
  dueSoon: vine.boolean().optional(),
  // The list's page links: a cursor after the last row, or before the first.
  after: vine.string().trim().regex(CURSOR_PATTERN).optional(),
  before: vine.string().trim().regex(CURSOR_PATTERN).optional(),
})

/** The board's query string: a later page of one column's cards. */
export const boardPageValidator = vine.create({
  column: vine.string().trim().maxLength(64).optional(),
  after: vine.string().trim().regex(CURSOR_PATTERN).optional(),
})

/** The process page's query string: an older page of the timeline. */
export const timelinePageValidator = vine.create({
  before: vine.number().withoutDecimals().min(1).max(2_000_000_000).optional(),
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
