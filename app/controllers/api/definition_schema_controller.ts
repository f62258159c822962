import { createHash } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'
import { definitionJsonSchema } from '#support/definition_schema'

/**
 * The JSON Schema of definition documents, for editors validating YAML
 * and JSON files. Public and cacheable: it changes only with a release.
 */
export default class DefinitionSchemaController {
  async show({ request, response }: HttpContext) {
    const id = new URL(urlFor('api.definition.schema'), appUrl).toString()
    const body = JSON.stringify(definitionJsonSchema(id), null, 2)
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
    response.header('Cache-Control', 'public, max-age=3600')
    response.header('ETag', etag)
    if (request.header('if-none-match') === etag) return response.notModified()
    response.header('Content-Type', 'application/schema+json; charset=utf-8')
    return response.send(body)
  }
}
