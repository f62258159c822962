import { Exception } from '@adonisjs/core/exceptions'

/**
 * Base of the errors the domain raises on purpose. Each carries its HTTP
 * status, a stable snake_case `code` clients can branch on and optional
 * `details` (e.g. the current version on a conflict). The exception
 * handler turns them into the JSON error shape or a page flash; nothing
 * else catches them.
 */
export class DomainError extends Exception {
  declare details?: Record<string, unknown>
  /** Problems tied to one input field each, e.g. missing required fields. */
  declare fieldErrors?: { field: string; message: string; code?: string }[]

  constructor(
    message: string,
    options: {
      status: number
      code: string
      details?: Record<string, unknown>
      fieldErrors?: { field: string; message: string; code?: string }[]
      cause?: unknown
    }
  ) {
    super(message, { status: options.status, code: options.code, cause: options.cause })
    this.details = options.details
    this.fieldErrors = options.fieldErrors
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super(`${what} was not found`, { status: 404, code: 'not_found' })
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(message, { status: 403, code: 'forbidden' })
  }
}

export class InvalidInput extends DomainError {
  constructor(
    message: string,
    fieldErrors: { field: string; message: string; code?: string }[] = []
  ) {
    super(message, { status: 422, code: 'invalid_input', fieldErrors })
  }
}

/** JSON or a definition nested deeper than the parsers and validators can safely walk. */
export class TooDeeplyNested extends DomainError {
  constructor(what: string, limit: number) {
    super(`${what} is nested more than ${limit} levels deep`, {
      status: 422,
      code: 'too_deeply_nested',
    })
  }
}
