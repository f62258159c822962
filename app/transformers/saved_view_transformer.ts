import { BaseTransformer } from '@adonisjs/core/transformers'
import type SavedView from '#models/saved_view'

/**
 * A saved view for pages and the API. `count` (capped at `countCap`) is
 * there when the caller counted it; `mine` says whether the reader owns it,
 * `watching` whether they watch it.
 */
export default class SavedViewTransformer extends BaseTransformer<SavedView> {
  toObject() {
    const view = this.resource
    const count = view.$extras.count as { count: number; capped: boolean } | undefined
    return {
      id: view.id,
      name: view.name,
      filters: view.filters,
      columns: view.columns,
      sort: view.sort,
      direction: view.direction,
      visibility: view.visibility,
      team: view.team?.key ?? null,
      role: view.role,
      mine: Boolean(view.$extras.mine),
      watching: Boolean(view.$extras.watching),
      count: count ? count.count : null,
      countCapped: count ? count.capped : false,
      updatedAt: view.updatedAt.toISO()!,
    }
  }
}
