import type { HttpContext } from '@adonisjs/core/http'

/**
 * Field errors of the domain error raised by the last form post, by field
 * (for definitions: the JSON path of each verifier problem). The exception
 * handler flashes them with `session.flashErrors`, i.e. into `errorsBag`,
 * which Inertia's shared `errors` prop does not read, so the workflow
 * pages pass them as a prop of their own. Framework summaries (E_*) are
 * left out.
 */
export function flashedProblems(session: HttpContext['session']): Record<string, string> {
  const bag = session.flashMessages.get('errorsBag', {}) as Record<string, string | string[]>
  return Object.fromEntries(
    Object.entries(bag)
      .filter(([field]) => !field.startsWith('E_'))
      .map(([field, messages]) => [field, Array.isArray(messages) ? messages[0]! : messages])
  )
}
