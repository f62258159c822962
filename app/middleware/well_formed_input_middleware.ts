import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors } from '@vinejs/vine'

/** At most this many fields are named in one answer. */
const MAX_PROBLEMS = 20

/**
 * Refuses input whose text is not well-formed Unicode (a lone surrogate
 * such as "\uD800" in JSON): it cannot be stored as UTF-8, so it would
 * come back changed. A 422 naming each field, like any validation error,
 * for the API and the forms alike. Walks keys and values without
 * recursion (bodies may nest deeply).
 */
export default class WellFormedInputMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const problems = malformedFields(ctx.request.all())
    if (problems.length) {
      throw new errors.E_VALIDATION_ERROR(
        problems.map((field) => ({
          field,
          rule: 'well_formed',
          message: 'The text contains an unpaired surrogate (not valid Unicode).',
        }))
      )
    }
    return next()
  }
}

export function malformedFields(input: unknown): string[] {
  const problems: string[] = []
  const stack: [unknown, string][] = [[input, '']]
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const [value, path] = stack.pop()!
    if (typeof value === 'string') {
      if (!value.isWellFormed()) problems.push(path || 'body')
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key
        if (!key.isWellFormed()) problems.push(at)
        else stack.push([item, at])
      }
    }
  }
  return problems
}
