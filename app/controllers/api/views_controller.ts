import type { HttpContext } from '@adonisjs/core/http'
import SaveView from '#actions/views/save_view'
import { findVisibleView, visibleViews, withCounts } from '#actions/views/visible_views'
import SavedViewTransformer from '#transformers/saved_view_transformer'
import { unwatchView, watchView } from '#actions/views/view_watches'
import { serialize } from '#support/api_serializer'
import { createViewValidator, updateViewValidator } from '#validators/saved_view'

/**
 * Saved views over the JSON API: the caller's own and those shared with
 * their team or role (of workflows they may see), each with its capped
 * live count. Only a view's owner changes or deletes it.
 */
export default class ViewsController {
  async index({ auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const views = await visibleViews(user)
    return serialize(SavedViewTransformer.transform(await withCounts(views, user)))
  }

  async store({ request, response, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(createViewValidator)
    const created = await new SaveView().create(user, input)
    const view = await findVisibleView(created.id, user)
    const [counted] = await withCounts([view], user)
    return response.created(await serialize(SavedViewTransformer.transform(counted)))
  }

  async show({ params, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const view = await findVisibleView(params.id, user)
    const [counted] = await withCounts([view], user)
    return serialize(SavedViewTransformer.transform(counted))
  }

  async update({ params, request, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const view = await findVisibleView(params.id, user)
    const input = await request.validateUsing(updateViewValidator)
    await new SaveView().update(view, user, input)
    const [counted] = await withCounts([await findVisibleView(view.id, user)], user)
    return serialize(SavedViewTransformer.transform(counted))
  }

  async destroy({ params, response, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const view = await findVisibleView(params.id, user)
    await new SaveView().destroy(view, user)
    return response.noContent()
  }

  /** Watching a view: notified when a process newly matches it (issue 22). */
  async watch({ params, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const view = await findVisibleView(params.id, user)
    await watchView(view, user)
    const [counted] = await withCounts([view], user)
    return serialize(SavedViewTransformer.transform(counted))
  }

  async unwatch({ params, response, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    await unwatchView(await findVisibleView(params.id, user), user)
    return response.noContent()
  }
}
