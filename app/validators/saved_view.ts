import vine from '@vinejs/vine'
import { VIEW_VISIBILITIES } from '#models/saved_view'

const fields = {
  filters: vine.record(vine.string().trim().maxLength(255)).optional(),
  columns: vine.array(vine.string().trim().maxLength(110)).maxLength(30).optional(),
  sort: vine.string().trim().maxLength(32).optional(),
  direction: vine.enum(['asc', 'desc'] as const).optional(),
  visibility: vine.enum(VIEW_VISIBILITIES).optional(),
  team: vine.string().trim().maxLength(64).nullable().optional(),
  role: vine.string().trim().maxLength(16).nullable().optional(),
}

/** A new saved view: a name, and optionally filter, columns, sort and sharing. */
export const createViewValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
  ...fields,
})

/** A change to a view: any of its parts. */
export const updateViewValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120).optional(),
  ...fields,
})
