/** The parts of an Inertia page a command's outcome is read from. */
export type ReturnedPage = { props: Record<string, unknown>; flash?: unknown }

export type CommandOutcome = 'done' | 'refused' | 'conflict'

/**
 * Visit options for a process command posted through Inertia. The server
 * answers every command with a redirect back to the page, so the outcome
 * is read from the fresh page: no flash error means it was done; a flash
 * error with a version other than the one the command was based on means
 * someone else changed the process first (409: nothing was written, the
 * page now shows their change); any other flash error is a refusal (422).
 * Refusals with field errors (request validation, or the engine's missing
 * or invalid fields) arrive as Inertia errors instead, shown by the form.
 */
export function commandOptions(options: {
  /** The version the form showed, sent as expectedVersion. */
  expectedVersion: number
  /** The process's version in the page that came back (undefined if it is not there). */
  versionIn: (page: ReturnedPage) => number | undefined
  onOutcome: (outcome: CommandOutcome, page: ReturnedPage) => void
}) {
  return {
    preserveScroll: true,
    preserveState: true,
    onSuccess: (page: ReturnedPage) => {
      const error = (page.flash as { error?: string } | undefined)?.error
      if (!error) return options.onOutcome('done', page)
      const now = options.versionIn(page)
      options.onOutcome(
        now !== undefined && now !== options.expectedVersion ? 'conflict' : 'refused',
        page
      )
    },
    onError: () => {
      // Field errors: the form shows them next to the fields and keeps what was typed.
    },
  }
}
