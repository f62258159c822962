import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { registry } from '#support/metrics/registry'
import { isLoopback, scrapeVerdict } from '#support/metrics/access'

type Settings = { port: number; host: string; token: string | undefined }

/**
 * A worker's own /metrics: a small HTTP server next to the jobs (workers
 * serve no other HTTP). Same rules as the app's route: a bearer token when
 * METRICS_TOKEN is set, loopback clients only otherwise — and it refuses
 * to listen on a non-loopback address without a token.
 */
export async function startWorkerMetricsServer(settings: Settings) {
  if (!settings.token && !isLoopback(settings.host) && settings.host !== 'localhost') {
    throw new Error(
      `METRICS_HOST=${settings.host} would publish the metrics: set METRICS_TOKEN, or bind 127.0.0.1`
    )
  }
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: GET /metrics\n')
      return
    }
    const verdict = scrapeVerdict(
      request.headers.authorization,
      request.socket.remoteAddress,
      settings.token
    )
    if (!verdict.allowed) {
      response
        .writeHead(verdict.status, {
          'content-type': 'text/plain',
          ...(verdict.status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
        })
        .end(`${verdict.message}\n`)
      return
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: Error) =>
        response.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`)
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(settings.port, settings.host, () => resolve())
  })
  return {
    server,
    address: server.address() as AddressInfo,
    close: () => closeServer(server),
  }
}

function closeServer(server: Server) {
  return new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
