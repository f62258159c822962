import type { HttpContext } from '@adonisjs/core/http'
import { openapiDocument } from '#support/openapi'

/**
 * The OpenAPI 3.1 description of /api/v1.
 */
export default class OpenapiController {
  async show({ response }: HttpContext) {
    return response.json(openapiDocument())
  }
}
