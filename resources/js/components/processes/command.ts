import { useState } from 'react'

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

/**
 * Idempotency keys for the page's commands: one per kind of command,
 * process and version the form showed, plus a random part per page mount.
 * A double-submitted form or a browser retry sends the same key and the
 * server applies it once; after a change the version (and so the key)
 * differs, and a refused command (nothing written) may simply be sent again.
 */
export function useCommandKey() {
  const [mount] = useState(randomPart)
  return (kind: string, processId: number, version: number) =>
    `page-${kind}-${processId}-v${version}-${mount}`
}

function randomPart() {
  // getRandomValues works outside secure contexts too (unlike randomUUID).
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
