import type { HttpContext } from '@adonisjs/core/http'
import UserTransformer from '#transformers/user_transformer'
import { serialize } from '#support/api_serializer'

/**
 * Who the bearer token belongs to; handy to check a token works.
 */
export default class MeController {
  async show({ auth }: HttpContext) {
    return serialize(UserTransformer.transform(auth.getUserOrFail()))
  }
}
