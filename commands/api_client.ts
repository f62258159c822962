import { writeFile, readFile, mkdir } from 'node:fs/promises'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Writes the OpenAPI document (clients/typescript/openapi.json) and the
 * client types generated from it (clients/typescript/stageflow.d.ts).
 * --check writes nothing and fails when the committed files are stale.
 */
export default class ApiClient extends BaseCommand {
  static commandName = 'api:client'
  static description = 'Generate the TypeScript API client types from the OpenAPI document'
  static options: CommandOptions = {}

  @flags.boolean({ description: 'Fail when the committed files differ instead of writing them' })
  declare check: boolean

  async run() {
    const { openapiDocument } = await import('#support/openapi')
    const { renderClientTypes } = await import('../clients/typescript/generate.js')
    const document = openapiDocument()
    const files = {
      'clients/typescript/openapi.json': `${JSON.stringify(document, null, 2)}\n`,
      'clients/typescript/stageflow.d.ts': await renderClientTypes(document),
    }
    await mkdir(this.app.makePath('clients/typescript'), { recursive: true })
    for (const [path, content] of Object.entries(files)) {
      const target = this.app.makePath(path)
      if (this.check) {
        const current = await readFile(target, 'utf8').catch(() => '')
        if (current !== content) {
          this.logger.error(`${path} is out of date: run npm run api:client`)
          this.exitCode = 1
        }
        continue
      }
      await writeFile(target, content)
      this.logger.success(`wrote ${path}`)
    }
  }
}
