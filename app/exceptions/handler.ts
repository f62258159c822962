import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { DomainError } from '#exceptions/domain_error'
import { answersJson } from '#middleware/force_json_middleware'
import type { LoginThrottleScope } from '#config/limiter'

type ApiError = { code: string; message: string; field?: string }

/**
 * Framework error codes, translated to the stable codes of the JSON API.
 */
const API_CODES: Record<string, string> = {
  E_VALIDATION_ERROR: 'validation_failed',
  E_UNAUTHORIZED_ACCESS: 'unauthorized',
  E_INVALID_CREDENTIALS: 'invalid_credentials',
  E_AUTHORIZATION_FAILURE: 'forbidden',
  E_ROW_NOT_FOUND: 'not_found',
  E_ROUTE_NOT_FOUND: 'not_found',
  E_TOO_MANY_REQUESTS: 'too_many_requests',
  E_BAD_CSRF_TOKEN: 'csrf_token_mismatch',
  E_REQUEST_ENTITY_TOO_LARGE: 'payload_too_large',
}

/**
 * The one place errors become responses, for pages and JSON alike:
 * - /api/v1 answers `{ errors: [{ code, message, field? }] }` with the
 *   right status (401, 403, 404, 409, 422, 429 with Retry-After, 500).
 * - Pages render the Inertia error pages for 403/404 (and 5xx in
 *   production); validation and domain errors on a form post go back to
 *   the form with the messages, keeping what the user typed.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction

  protected renderStatusPages = true

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (error, { inertia }) => inertia.render('errors/forbidden', { message: error.message }),
    '404': (_, { inertia }) => inertia.render('errors/not_found', {}),
    ...(app.inProduction
      ? {
          '500..599': ((_, { inertia }) =>
            inertia.render('errors/server_error', {})) as StatusPageRenderer,
        }
      : {}),
  }

  protected ignoreStatuses = [400, 401, 403, 404, 409, 422, 429]

  async handle(error: unknown, ctx: HttpContext) {
    if (this.isApiRequest(ctx)) {
      return this.renderApiError(error, ctx)
    }

    const code = (error as { code?: string }).code
    if (code === 'E_TOO_MANY_REQUESTS') {
      // Only sign-in is throttled in the browser: answer 429 with Retry-After
      // and show the login form again with the wait time and which budget ran out.
      const retryAfter = this.applyThrottleHeaders(error, ctx)
      const throttle = (error as { scope?: LoginThrottleScope }).scope ?? 'account'
      return ctx.response
        .status(429)
        .send(await ctx.inertia.render('auth/login', { retryAfter, throttle }))
    }

    if (code === 'E_AUTHORIZATION_FAILURE') {
      return ctx.response
        .status(403)
        .send(await ctx.inertia.render('errors/forbidden', { message: (error as Error).message }))
    }

    // A domain error raised by a form post goes back to the form with a
    // flash message (and field errors), so the user keeps what they typed.
    if (error instanceof DomainError && ctx.request.method() !== 'GET' && error.status !== 404) {
      ctx.session.flashExcept(['password', 'password_confirmation', '_csrf'])
      ctx.session.flash('error', error.message)
      if (error.fieldErrors?.length) {
        const byField = Object.fromEntries(
          error.fieldErrors.map((f) => [f.field, [f.message]])
        ) as Record<string, string[]>
        // inputErrorsBag is what Inertia's `errors` prop reads; errorsBag keeps @error/@inputError working.
        ctx.session.flashErrors(byField)
        ctx.session.flash('inputErrorsBag', byField)
      }
      if (Array.isArray(error.details?.problems)) {
        // Verifier problems with their codes, for pages that translate or place them.
        ctx.session.flash('problems', error.details.problems)
      }
      return ctx.response.redirect().back()
    }

    return super.handle(error, ctx)
  }

  protected isApiRequest(ctx: HttpContext) {
    return ctx.request.url().startsWith('/api/') || answersJson(ctx)
  }

  protected async renderApiError(error: unknown, ctx: HttpContext) {
    const httpError = this.toHttpError(error)
    const status = httpError.status ?? 500
    const frameworkCode = httpError.code ?? ''
    const code =
      error instanceof DomainError
        ? error.code!
        : (API_CODES[frameworkCode] ?? (status >= 500 ? 'internal_error' : 'error'))

    let errors: ApiError[]
    if (frameworkCode === 'E_VALIDATION_ERROR') {
      const messages =
        (error as { messages?: { field: string; message: string; rule?: string }[] }).messages ?? []
      errors = messages.map((m) => ({
        code: m.rule ? `invalid_${m.rule}` : 'invalid',
        message: m.message,
        field: m.field,
      }))
    } else if (error instanceof DomainError && error.fieldErrors?.length) {
      errors = [
        { code, message: error.message },
        ...error.fieldErrors.map((f) => ({
          code: f.code ?? code,
          message: f.message,
          field: f.field,
        })),
      ]
    } else {
      const message =
        status >= 500 && !this.debug ? 'Something went wrong on our side' : httpError.message
      errors = [{ code, message }]
    }

    if (frameworkCode === 'E_TOO_MANY_REQUESTS') {
      this.applyThrottleHeaders(error, ctx)
    }

    const body: Record<string, unknown> = { errors }
    if (error instanceof DomainError && error.details) {
      body.meta = error.details
    }
    return ctx.response.status(status).json(body)
  }

  /**
   * Copies the limiter's Retry-After and X-RateLimit-* headers onto the
   * response and returns the wait in seconds.
   */
  protected applyThrottleHeaders(error: unknown, ctx: HttpContext) {
    const throttle = error as {
      getDefaultHeaders(): Record<string, unknown>
      headers?: Record<string, unknown>
      response: { availableIn: number }
    }
    for (const [name, value] of Object.entries({
      ...throttle.getDefaultHeaders(),
      ...(throttle.headers ?? {}),
    })) {
      ctx.response.header(name, String(value))
    }
    return throttle.response.availableIn
  }
}
