import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import CreateUser from '#actions/users/create_user'
import UpdateUser from '#actions/users/update_user'
import UserTransformer from '#transformers/user_transformer'
import { NotFound } from '#exceptions/domain_error'
import { serialize } from '#support/api_serializer'
import { keyset, pageOf } from '#support/cursor'
import { createUserValidator, updateUserValidator } from '#validators/user'
import { usersListValidator } from '#validators/api_list'

/**
 * Accounts over the JSON API (admins), with the admin pages' actions:
 * list and search, create, change the role, deactivate or reactivate
 * (which ends the person's sessions and tokens).
 */
export default class UsersController {
  async index({ request, bouncer }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('viewList')
    const input = await request.validateUsing(usersListValidator, { data: request.qs() })
    const users = await keyset(
      User.query().withScopes((s) => s.search(input.q)),
      input,
      { direction: 'asc' }
    )
    const { rows, metadata } = pageOf(users, input)
    const body = await serialize(UserTransformer.transform(rows))
    return { ...body, metadata }
  }

  async store({ request, response, bouncer }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('create')
    const payload = await request.validateUsing(createUserValidator)
    const user = await new CreateUser().handle(payload)
    await user.refresh()
    response.status(201)
    return serialize(UserTransformer.transform(user))
  }

  async update({ params, request, bouncer }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('viewList')
    const user = await User.find(Number(params.id) || 0)
    if (!user) throw new NotFound('User')
    await bouncer.with(UserPolicy).authorize('update', user)
    const changes = await request.validateUsing(updateUserValidator)
    await new UpdateUser().handle(user, changes)
    return serialize(UserTransformer.transform(user))
  }
}
