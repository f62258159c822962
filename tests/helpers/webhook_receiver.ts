import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ReceivedHook = {
  contentType: string | undefined
  body: unknown
  raw: string
  headers: IncomingHttpHeaders
}

/**
 * A local HTTP receiver for alert webhooks on a loopback port (allowed by
 * AUTOMATION_ALLOWED_HOSTS=127.0.0.1 in the test environment). Records
 * every POST; answers `status` (200 unless told otherwise).
 */
export class WebhookReceiver {
  received: ReceivedHook[] = []
  status = 200
  #server: Server

  private constructor(server: Server) {
    this.#server = server
  }

  static async start() {
    const receiver: WebhookReceiver = new WebhookReceiver(
      createServer((request, response) => {
        let raw = ''
        request.on('data', (chunk) => (raw += chunk))
        request.on('end', () => {
          let body: unknown = null
          try {
            body = JSON.parse(raw)
          } catch {
            body = null
          }
          receiver.received.push({
            contentType: request.headers['content-type'],
            body,
            raw,
            headers: request.headers,
          })
          response.writeHead(receiver.status, { 'content-type': 'text/plain' })
          response.end(receiver.status < 300 ? 'ok' : 'failing on purpose')
        })
      })
    )
    await new Promise<void>((resolve) => receiver.#server.listen(0, '127.0.0.1', resolve))
    return receiver
  }

  get url() {
    const { port } = this.#server.address() as AddressInfo
    return `http://127.0.0.1:${port}/hooks/alerts`
  }

  close() {
    return new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }
}
