import type { HttpContext } from '@adonisjs/core/http'
import SaveView from '#actions/views/save_view'
import { findVisibleView } from '#actions/views/visible_views'
import { unwatchView, watchView } from '#actions/views/view_watches'
import { createViewValidator, updateViewValidator } from '#validators/saved_view'

/**
 * Saving the process list's current filter as a view, changing and deleting one,
 * from the list page (the session's counterpart of /api/v1/views).
 */
export default class SavedViewsController {
  async store({ request, response, auth, session, i18n }: HttpContext) {
    const input = await request.validateUsing(createViewValidator)
    const view = await new SaveView().create(auth.getUserOrFail(), input)
    session.flash('success', i18n.t('search.views.saved', { name: view.name }))
    return response.redirect().back()
  }

  /** The list page saves the columns it shows in the view it was opened from. */
  async update({ params, request, response, auth, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(updateViewValidator)
    const view = await new SaveView().update(await findVisibleView(params.id, user), user, input)
    session.flash('success', i18n.t('search.views.updated', { name: view.name }))
    return response.redirect().back()
  }

  async destroy({ params, response, auth, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    await new SaveView().destroy(await findVisibleView(params.id, user), user)
    session.flash('success', i18n.t('search.views.deleted'))
    return response.redirect().back()
  }

  async watch({ params, response, auth, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    await watchView(await findVisibleView(params.id, user), user)
    session.flash('success', i18n.t('search.views.watched'))
    return response.redirect().back()
  }

  async unwatch({ params, response, auth, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    await unwatchView(await findVisibleView(params.id, user), user)
    session.flash('success', i18n.t('search.views.unwatched'))
    return response.redirect().back()
  }
}
