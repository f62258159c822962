import { isIP } from 'node:net'
import { sameSecret } from '#support/health_access'

export type ScrapeVerdict =
  { allowed: true } | { allowed: false; status: 401 | 403; code: string; message: string }

/** 127.0.0.0/8, ::1, and IPv4 loopback mapped into IPv6. */
export function isLoopback(address: string | undefined) {
  if (!address) return false
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address
  if (isIP(plain) === 4) return plain.startsWith('127.')
  return plain === '::1'
}

/**
 * Who may read /metrics. With a token configured: whoever sends
 * `Authorization: Bearer <token>`, nobody else (loopback included). Without
 * one: loopback clients only — the address the app computes, so behind a
 * trusted proxy it is the forwarded client's, not the proxy's.
 */
export function scrapeVerdict(
  authorization: string | undefined,
  clientAddress: string | undefined,
  token: string | undefined
): ScrapeVerdict {
  if (token) {
    const given = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]
    if (given && sameSecret(given, token)) return { allowed: true }
    return {
      allowed: false,
      status: 401,
      code: 'metrics_token_required',
      message: 'Metrics need the metrics token: send "Authorization: Bearer <METRICS_TOKEN>".',
    }
  }
  if (isLoopback(clientAddress)) return { allowed: true }
  return {
    allowed: false,
    status: 403,
    code: 'metrics_loopback_only',
    message:
      'Metrics are served to loopback clients only. Set METRICS_TOKEN to let a Prometheus elsewhere scrape them with a bearer token.',
  }
}
