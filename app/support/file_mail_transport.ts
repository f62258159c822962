import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { JSONTransport } from '@adonisjs/mail/transports/json'
import type { MailTransportContract, NodeMailerMessage } from '@adonisjs/mail/types'

/**
 * Writes each e-mail as a JSON file (to, subject, text, html) into a
 * folder: the default mailer, so the quick start and tests can read
 * what would have been sent.
 */
export class FileTransport implements MailTransportContract {
  #json = new JSONTransport()

  constructor(protected directory: string) {}

  async send(message: NodeMailerMessage) {
    const response = await this.#json.send(message)
    await mkdir(this.directory, { recursive: true })
    const name = `${Date.now()}-${response.messageId.replace(/[^a-zA-Z0-9.-]/g, '')}.json`
    await writeFile(
      join(this.directory, name),
      JSON.stringify(JSON.parse(response.original.message), null, 2)
    )
    return response
  }
}
