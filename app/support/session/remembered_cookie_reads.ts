import { configProvider } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { ConfigProvider } from '@adonisjs/core/types'
import type {
  SessionData,
  SessionStoreContract,
  SessionStoreFactory,
} from '@adonisjs/session/types'

/**
 * The cookie session store, remembering what each session cookie it has
 * read decrypts to (bounded, per process): a page view that finds the same
 * cookie as the last one — most of them, since an unchanged session is not
 * written again (throttled_touch.ts) — gets a copy of those values instead
 * of an AES-GCM decryption (~6 % of a list request's CPU in the bench:pages
 * profile, issue 22).
 *
 * Equivalent by construction: the cookie's value is ciphertext under the
 * app key with the session id as purpose and no expiry inside, so what it
 * decrypts to depends on that exact string alone. Only cookies that
 * decrypted are remembered; anything else is read (and refused) as before.
 * Each request gets its own copy, since the session changes its values.
 */
export class RememberedCookieReads implements SessionStoreContract {
  /** Decrypted values by session id and exact cookie value, oldest first. */
  static #values = new Map<string, SessionData>()
  static readonly MAX_REMEMBERED = 5_000

  constructor(
    protected inner: SessionStoreContract,
    protected ctx: HttpContext
  ) {}

  async read(sessionId: string) {
    const raw = this.ctx.request.cookiesList()[sessionId]
    if (typeof raw !== 'string') return this.inner.read(sessionId)
    const key = `${sessionId}\u0000${raw}`
    const known = RememberedCookieReads.#values.get(key)
    if (known) return structuredClone(known)
    const values = await this.inner.read(sessionId)
    if (values && typeof values === 'object') this.remember(key, structuredClone(values))
    return values
  }

  write(sessionId: string, values: SessionData) {
    return this.inner.write(sessionId, values)
  }

  destroy(sessionId: string) {
    return this.inner.destroy(sessionId)
  }

  touch(sessionId: string) {
    return this.inner.touch(sessionId)
  }

  protected remember(key: string, values: SessionData) {
    const remembered = RememberedCookieReads.#values
    remembered.set(key, values)
    if (remembered.size > RememberedCookieReads.MAX_REMEMBERED) {
      remembered.delete(remembered.keys().next().value!)
    }
  }
}

/** Wraps the cookie store's config provider so its reads are remembered. */
export function rememberedCookieReads(
  store: ConfigProvider<SessionStoreFactory>
): ConfigProvider<SessionStoreFactory> {
  return configProvider.create(async (app) => {
    const factory = await store.resolver(app)
    return (ctx, config) => new RememberedCookieReads(factory(ctx, config), ctx)
  })
}
