/**
 * The one way the application calls out over HTTP (actions,
 * compensations, and later webhooks and alerts): every hop passes the
 * egress guard and connects to the address the guard checked.
 */
import http from 'node:http'
import https from 'node:https'
import {
  EgressRefused,
  pinnedLookup,
  resolveDestination,
  type EgressPolicy,
} from '#support/egress/guard'
import { injectTraceHeaders } from '#support/observability/tracing'

export type EgressInit = {
  method: string
  headers: Record<string, string>
  body?: string
  /** For the whole exchange, redirects included. */
  timeoutMs: number
  /** Bytes of the response body kept; the rest is not read. */
  maxBytes: number
  /** Redirects followed (each one checked by the guard); more are answered as they are. */
  maxRedirects?: number
  /** Headers (e.g. ones carrying secrets) never sent to another origin after a redirect. */
  originBoundHeaders?: string[]
}

export type EgressResponse = { status: number; text: string; url: string }

const REDIRECTS = new Set([301, 302, 303, 307, 308])
/** Dropped on a cross-origin redirect, as browsers do. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization']

/**
 * Sends a request through the guard. Redirects are followed by hand so
 * that each Location is checked like the first URL.
 *
 * @throws EgressRefused before anything is sent to a refused address;
 *   network errors and the timeout (an AbortError) as Node raises them.
 */
export async function egressRequest(
  target: string,
  init: EgressInit,
  policy: EgressPolicy
): Promise<EgressResponse> {
  const signal = AbortSignal.timeout(init.timeoutMs)
  let url = new URL(target)
  let { method, body } = init
  let headers = { ...init.headers }
  // The external system can join our trace (W3C traceparent); nothing is added when tracing is off.
  injectTraceHeaders(headers)
  for (let hop = 0; ; hop++) {
    const answer = await send(url, method, headers, body, signal, init.maxBytes, policy)
    const location = answer.location
    if (!REDIRECTS.has(answer.status) || !location || hop >= (init.maxRedirects ?? 5)) {
      return { status: answer.status, text: answer.text, url: url.href }
    }
    let next: URL
    try {
      next = new URL(location, url)
    } catch {
      throw new EgressRefused(`Refused to follow the redirect to "${location}": not a valid URL`)
    }
    if (next.origin !== url.origin) {
      const drop = new Set([
        ...CREDENTIAL_HEADERS,
        ...(init.originBoundHeaders ?? []).map((h) => h.toLowerCase()),
      ])
      headers = Object.fromEntries(
        Object.entries(headers).filter(([name]) => !drop.has(name.toLowerCase()))
      )
    }
    if (
      answer.status === 303 ||
      (answer.status !== 307 && answer.status !== 308 && method === 'POST')
    ) {
      method = 'GET'
      body = undefined
      headers = Object.fromEntries(
        Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type')
      )
    }
    url = next
  }
}

async function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal,
  maxBytes: number,
  policy: EgressPolicy
) {
  const destination = await resolveDestination(url, policy)
  const transport = url.protocol === 'https:' ? https : http
  return new Promise<{ status: number; text: string; location: string | undefined }>(
    (resolve, reject) => {
      const request = transport.request(
        url,
        {
          method,
          headers:
            body === undefined
              ? headers
              : { ...headers, 'Content-Length': Buffer.byteLength(body) },
          signal,
          // A fresh connection per call: a pooled socket could be to an address checked under other rules.
          agent: false,
          lookup: pinnedLookup(destination, policy),
        },
        (response) => {
          const chunks: Buffer[] = []
          let size = 0
          const finish = () => {
            resolve({
              status: response.statusCode ?? 0,
              text: Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'),
              location: response.headers.location,
            })
          }
          response.on('data', (chunk: Buffer) => {
            chunks.push(chunk)
            size += chunk.length
            if (size >= maxBytes) {
              // Enough: stop reading a body we would throw away.
              response.removeAllListeners('data')
              response.destroy()
              finish()
            }
          })
          response.on('end', finish)
          response.on('error', reject)
        }
      )
      request.on('error', reject)
      request.end(body)
    }
  )
}
