import type { DateTime } from 'luxon'
import type { GuardContext } from '#engine/state_machine'
import type Process from '#models/process'
import User from '#models/user'

/** What a guard reads of a process: a model, or a board's card (`listedRows`). */
export type GuardedProcess = Pick<
  Process,
  'reference' | 'title' | 'priority' | 'stageKey' | 'createdAt' | 'dueAt'
>

/** What a transition guard sees about the process, the acting user and the time. */
export function guardContextOf(
  process: GuardedProcess,
  user: { email?: string | null; role: string; teams?: string[] } | undefined,
  at?: DateTime
): GuardContext {
  return {
    process: {
      reference: process.reference,
      title: process.title,
      priority: process.priority,
      stage: process.stageKey,
      createdAt: process.createdAt?.toJSDate() ?? null,
      dueAt: process.dueAt?.toJSDate() ?? null,
    },
    user: { email: user?.email ?? '', role: user?.role ?? '', teams: user?.teams ?? [] },
    now: at?.toJSDate() ?? new Date(),
  }
}

/** The actor's e-mail when only its id is known (system actors have none). */
export async function actorEmail(actor: { id: number | null; email?: string }): Promise<string> {
  if (actor.email !== undefined) return actor.email
  if (actor.id === null) return ''
  const user = await User.find(actor.id)
  return user?.email ?? ''
}
