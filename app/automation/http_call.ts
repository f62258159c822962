import logger from '@adonisjs/core/services/logger'
import type { HttpCall } from '#engine/definition'
import automationConfig, { secretOf } from '#config/automation'
import { parseStepDuration } from '#engine/actions/durations'
import {
  placeholdersOf,
  renderString,
  renderValue,
  type TemplateScope,
} from '#engine/actions/templates'
import { literalOrigin } from '#engine/actions/call_origin'
import { egressPolicy, secretRefusal } from '#support/egress/rules'
import { EgressRefused } from '#support/egress/guard'
import { egressRequest } from '#support/egress/request'
import { SpanKind, SpanStatusCode, inSpan } from '#support/observability/tracing'

export type PreparedCall = {
  method: string
  url: string
  host: string
  headers: Record<string, string>
  body: string | undefined
  timeoutMs: number
  /** For the attempt log: method, URL and body size; never header values. */
  summary: string
  /** Headers that carry a secret: never sent to another origin after a redirect. */
  secretHeaders: string[]
}

export type CallResult = {
  ok: boolean
  /** Worth trying again: timeouts, network errors, 408, 429, 5xx. */
  retryable: boolean
  status: number | null
  durationMs: number
  body: unknown
  error: string | null
}

/**
 * A definition problem found at run time (a missing secret, a refused
 * destination or secret): no retry can fix it, nothing was sent.
 */
export class StepConfigurationError extends Error {}

export function prepareCall(call: HttpCall, scope: TemplateScope): PreparedCall {
  const url = String(renderString(call.url, scope) ?? '')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new StepConfigurationError(`The URL "${url}" is not valid.`)
  }
  // Defence in depth behind the verifier: placeholders fill the path, never the origin.
  const origin = literalOrigin(call.url)?.origin
  if (parsed.origin !== origin || parsed.username || parsed.password) {
    throw new StepConfigurationError(
      `Refused to call ${parsed.origin}: the rendered URL must keep the definition's origin ${origin ?? '(none: its host is not literal)'}.`
    )
  }
  const headerScope: TemplateScope = {
    ...scope,
    secret: (name) => {
      const refused = secretRefusal(name, parsed)
      if (refused) {
        throw new StepConfigurationError(
          `Refused to send the secret "${name}" to ${parsed.host}: ${refused}.`
        )
      }
      const value = secretOf(name)
      if (value === undefined) {
        throw new StepConfigurationError(
          `The secret "${name}" is not set (environment variable ${automationConfig.secretPrefix}${name}).`
        )
      }
      return value
    },
  }
  const headers: Record<string, string> = {}
  const secretHeaders: string[] = []
  for (const [name, template] of Object.entries(call.headers ?? {})) {
    headers[name] = String(renderString(template, headerScope) ?? '')
    if (placeholdersOf(template).some((p) => p.startsWith('secret.'))) secretHeaders.push(name)
  }
  headers['Idempotency-Key'] = scope.idempotencyKey
  const body = call.body === undefined ? undefined : JSON.stringify(renderValue(call.body, scope))
  if (body !== undefined) headers['Content-Type'] ??= 'application/json'
  headers['Accept'] ??= 'application/json'
  return {
    method: call.method,
    url,
    host: parsed.host,
    headers,
    body,
    secretHeaders,
    timeoutMs: parseStepDuration(call.timeout) ?? automationConfig.defaults.timeoutMs,
    summary:
      `${call.method} ${parsed.origin}${parsed.pathname}${body ? ` (${body.length} B JSON)` : ''}`.slice(
        0,
        500
      ),
  }
}

/** One attempt, in a span of its own (the outbound HTTP request's span is its child). */
export function performCall(call: PreparedCall): Promise<CallResult> {
  return inSpan(
    `http action ${call.method} ${call.host}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: { 'http.request.method': call.method, 'server.address': call.host },
    },
    async (span) => {
      const result = await attempt(call)
      if (result.status !== null) span.setAttribute('http.response.status_code', result.status)
      if (!result.ok) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: result.error ?? 'failed' })
        // Info, not warn: retries and refusals are routine (the attempt log and the attention page
        // report them). The external system's own words can echo what we sent: the log scrubs secrets.
        logger.info(
          { call: call.summary, status: result.status, ms: result.durationMs, error: result.error },
          'http action attempt failed'
        )
      }
      return result
    }
  )
}

async function attempt(call: PreparedCall): Promise<CallResult> {
  const started = performance.now()
  try {
    const response = await egressRequest(
      call.url,
      {
        method: call.method,
        headers: call.headers,
        body: call.body,
        timeoutMs: call.timeoutMs,
        maxBytes: automationConfig.maxResponseBytes,
        maxRedirects: automationConfig.egress.maxRedirects,
        originBoundHeaders: call.secretHeaders,
      },
      egressPolicy()
    )
    const text = response.text
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : null
    } catch {}
    const durationMs = Math.round(performance.now() - started)
    const ok = response.status >= 200 && response.status < 300
    const retryable =
      !ok && (response.status >= 500 || response.status === 408 || response.status === 429)
    return {
      ok,
      retryable,
      status: response.status,
      durationMs,
      body,
      error: ok ? null : `HTTP ${response.status}${describeBody(body)}`,
    }
  } catch (error) {
    const durationMs = Math.round(performance.now() - started)
    const err = error as Error
    if (err instanceof EgressRefused) {
      // Refused before anything was sent: final, like a 4xx.
      return {
        ok: false,
        retryable: false,
        status: null,
        durationMs,
        body: null,
        error: err.message,
      }
    }
    const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError'
    return {
      ok: false,
      retryable: true,
      status: null,
      durationMs,
      body: null,
      error: timedOut
        ? `No answer within ${call.timeoutMs} ms`
        : `Network error: ${(err.cause as Error | undefined)?.message ?? err.message}`,
    }
  }
}

function describeBody(body: unknown) {
  if (body && typeof body === 'object') {
    const message =
      (body as Record<string, unknown>).error ?? (body as Record<string, unknown>).message
    if (typeof message === 'string') return `: ${message.slice(0, 200)}`
  }
  return ''
}
