import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import CreateUser from '#actions/users/create_user'
import UpdateUser from '#actions/users/update_user'
import UserTransformer from '#transformers/user_transformer'
import { createUserValidator, listUsersValidator, updateUserValidator } from '#validators/user'

/**
 * Account management for admins.
 */
export default class UsersController {
  async index({ request, inertia, bouncer }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('viewList')
    const { q, page } = await request.validateUsing(listUsersValidator, { data: request.qs() })

    const users = await User.query()
      .withScopes((s) => s.search(q))
      .orderBy('name')
      .paginate(page ?? 1, 25)
    users.baseUrl(request.url())
    users.queryString({ q })

    return inertia.render('users/index', {
      users: UserTransformer.paginate(users.all(), users.getMeta()),
      filters: { q: q ?? '' },
    })
  }

  async create({ inertia, bouncer }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('create')
    return inertia.render('users/create', {})
  }

  async store({ request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('create')
    const payload = await request.validateUsing(createUserValidator)
    const user = await new CreateUser().handle(payload)
    session.flash('success', i18n.t('users.flash.created', { name: user.name }))
    return response.redirect().toRoute('users.index')
  }

  async update({ params, request, response, session, bouncer, i18n }: HttpContext) {
    const user = await User.findOrFail(params.id)
    await bouncer.with(UserPolicy).authorize('update', user)
    const changes = await request.validateUsing(updateUserValidator)
    await new UpdateUser().handle(user, changes)
    session.flash('success', i18n.t('users.flash.updated', { name: user.name }))
    return response.redirect().back()
  }
}
