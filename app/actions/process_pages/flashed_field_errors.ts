import type { HttpContext } from '@adonisjs/core/http'

/**
 * Field errors of a domain error raised by the last form post (a required
 * field of a transition, an invalid value). The exception handler flashes
 * them with `session.flashErrors`, i.e. into `errorsBag`, which Inertia's
 * shared `errors` prop does not read (it reads `inputErrorsBag`), so the
 * process pages pass them as a prop of their own. Framework summaries
 * (E_VALIDATION_ERROR and the like) are left out.
 */
export function flashedFieldErrors(session: HttpContext['session']): Record<string, string> {
  const bag = session.flashMessages.get('errorsBag', {}) as Record<string, string | string[]>
  return Object.fromEntries(
    Object.entries(bag)
      .filter(([field]) => !field.startsWith('E_'))
      .map(([field, messages]) => [field, Array.isArray(messages) ? messages[0]! : messages])
  )
}
