import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import SetAbsence from '#actions/users/set_absence'
import AbsenceTransformer from '#transformers/absence_transformer'
import { serialize } from '#support/api_serializer'
import { absenceValidator } from '#validators/collaboration'

/**
 * The signed-in user's absence and delegate (delegation, issue 19).
 * Everyone manages only their own.
 */
export default class AbsenceController {
  async update({ request, auth }: HttpContext) {
    const input = await request.validateUsing(absenceValidator)
    const { user, delegate } = await new SetAbsence().handle(auth.getUserOrFail(), input)
    return serialize(AbsenceTransformer.transform(user, delegate))
  }

  async destroy({ auth, response }: HttpContext) {
    const user = await User.findOrFail(auth.getUserOrFail().id)
    user.merge({ absentFrom: null, absentTo: null, delegateId: null })
    await user.save()
    return response.noContent()
  }
}
