/*
|--------------------------------------------------------------------------
| Signed cookies: signatures remembered, not recomputed
|--------------------------------------------------------------------------
|
| Every browser request verifies the signed session-id cookie and signs it
| again (the session middleware re-sends it to keep it alive): two
| HMAC-SHA256 computations over the same string, ~8 % of the CPU of a list
| request in the bench:pages profile (issue 22). Signing a value without
| an expiry, and verifying such a signature, are pure functions of the
| value, the purpose and the app keys, so their results are remembered
| (bounded, per process). Values with an expiry and non-string payloads
| take the normal path every time; a tampered or unknown cookie is never
| remembered, so it is verified (and refused) as before.
|
*/

/** The signing half of the encryption service (its `getMessageVerifier()`). */
export type MessageVerifierLike = {
  sign(payload: any, expiresIn?: string | number, purpose?: string): string
  unsign<T>(payload: string, purpose?: string): T | null
}

/** Entries kept per table: far more than the sessions one process serves at once. */
const LIMIT = 10_000

/** A Map that forgets its oldest entry beyond `limit`. */
class Bounded<V> {
  #entries = new Map<string, V>()
  constructor(protected limit: number) {}
  get(key: string) {
    return this.#entries.get(key)
  }
  set(key: string, value: V) {
    this.#entries.set(key, value)
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value!)
  }
}

/** Purpose and payload as one key (a purpose never holds a NUL). */
const keyOf = (purpose: string | undefined, payload: string) =>
  `${purpose === undefined ? '' : `p:${purpose}`}\u0000${payload}`

/** Whether a signed payload (`<base64url JSON>.<hmac>`) carries an expiry date. */
function expires(payload: string) {
  try {
    const json = Buffer.from(payload.slice(0, payload.indexOf('.')), 'base64url').toString('utf8')
    return Boolean(JSON.parse(json)?.expiryDate)
  } catch {
    return true
  }
}

/**
 * Wraps `verifier.sign` and `verifier.unsign` (in place: the HTTP server's
 * cookie code holds the same instance) so that signing a string without
 * an expiry and verifying a signature without one are computed once per
 * process. Returns the verifier.
 */
export function memoizeSignatures<T extends MessageVerifierLike>(verifier: T, limit = LIMIT): T {
  const sign = verifier.sign.bind(verifier)
  const unsign = verifier.unsign.bind(verifier)
  const signatures = new Bounded<string>(limit)
  const verified = new Bounded<string>(limit)

  verifier.sign = (payload, expiresIn, purpose) => {
    if (typeof payload !== 'string' || expiresIn !== undefined) {
      return sign(payload, expiresIn, purpose)
    }
    const key = keyOf(purpose, payload)
    let signed = signatures.get(key)
    if (signed === undefined) {
      signed = sign(payload, undefined, purpose)
      signatures.set(key, signed)
    }
    return signed
  }

  verifier.unsign = <V>(payload: string, purpose?: string) => {
    if (typeof payload !== 'string') return unsign<V>(payload, purpose)
    const key = keyOf(purpose, payload)
    const known = verified.get(key)
    if (known !== undefined) return known as V
    const value = unsign<V>(payload, purpose)
    // Only valid, string, never-expiring signatures are remembered.
    if (typeof value === 'string' && !expires(payload)) verified.set(key, value)
    return value
  }
  return verifier
}
