import { configProvider } from '@adonisjs/core'
import type { ConfigProvider } from '@adonisjs/core/types'
import type { SessionStoreContract, SessionStoreFactory } from '@adonisjs/session/types'

/**
 * A session store whose `touch` — the write that keeps an unchanged
 * session alive, which the session middleware makes on every request —
 * reaches the real store at most once per `intervalMs` for a session
 * (per process). Reads, writes, destroys and tags pass straight through;
 * a write also counts as a touch.
 *
 * Without it every page view of a signed-in user wrote the session row
 * (database store) or its TTL (Redis): a fixed per-request cost measured
 * by `bench:pages` (issue 22). The price is that the server-side expiry may
 * lag the cookie's by up to `intervalMs`: keep it a small part of the
 * session's age.
 */
export class ThrottledTouchStore implements SessionStoreContract {
  /** Last time each session was written or touched, oldest first (bounded). */
  static #touched = new Map<string, number>()
  static readonly MAX_TRACKED = 50_000

  constructor(
    protected inner: SessionStoreContract,
    protected intervalMs: number,
    protected now: () => number = Date.now
  ) {
    const tagging = inner as Partial<Record<'tag' | 'untag' | 'tagged', unknown>>
    // Tagging (sign out everywhere) is offered only when the real store offers it.
    if (typeof tagging.tag === 'function' && typeof tagging.tagged === 'function') {
      Object.assign(this, {
        tag: (tagging.tag as Function).bind(inner),
        untag: (tagging.untag as Function).bind(inner),
        tagged: (tagging.tagged as Function).bind(inner),
      })
    }
  }

  read(sessionId: string) {
    return this.inner.read(sessionId)
  }

  async write(sessionId: string, values: Record<string, any>) {
    await this.inner.write(sessionId, values)
    this.remember(sessionId)
  }

  async destroy(sessionId: string) {
    ThrottledTouchStore.#touched.delete(sessionId)
    await this.inner.destroy(sessionId)
  }

  async touch(sessionId: string) {
    const last = ThrottledTouchStore.#touched.get(sessionId)
    if (last !== undefined && this.now() - last < this.intervalMs) return
    await this.inner.touch(sessionId)
    this.remember(sessionId)
  }

  protected remember(sessionId: string) {
    const touched = ThrottledTouchStore.#touched
    touched.delete(sessionId)
    touched.set(sessionId, this.now())
    if (touched.size > ThrottledTouchStore.MAX_TRACKED) {
      touched.delete(touched.keys().next().value!)
    }
  }
}

/** Wraps a session store's config provider so its touches are throttled. */
export function throttledTouch(
  store: ConfigProvider<SessionStoreFactory>,
  intervalMs: number
): ConfigProvider<SessionStoreFactory> {
  return configProvider.create(async (app) => {
    const factory = await store.resolver(app)
    return (ctx, config) => new ThrottledTouchStore(factory(ctx, config), intervalMs)
  })
}
