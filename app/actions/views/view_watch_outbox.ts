import db from '@adonisjs/lucid/services/db'
import type { OutboxDraft } from '#actions/processes/outbox'

/**
 * Whether anybody watches any view, cached per process so the write path
 * gains no query per change: at most one read every TTL_MS (and after a
 * local change, see `forgetWatching`). A watch set in another process is
 * seen within TTL_MS. Read before the change's transaction opens.
 */
const TTL_MS = 10_000
let cached: { any: boolean; at: number } | null = null

export async function anyWatchedViews(): Promise<boolean> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.any
  const row = await db.from('view_watches').select('id').first()
  cached = { any: Boolean(row), at: Date.now() }
  return cached.any
}

export function forgetWatching() {
  cached = null
}

/** The change's watch evaluation: one outbox message, only when some view is watched. */
export function viewWatchOutbox(watching: boolean, processId: number): OutboxDraft[] {
  return watching ? [{ topic: 'view.watch', queue: 'notifications', payload: { processId } }] : []
}
