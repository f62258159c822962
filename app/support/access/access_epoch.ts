import { randomInt } from 'node:crypto'
import { HttpContext } from '@adonisjs/core/http'
import redis from '@adonisjs/redis/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'

/*
|--------------------------------------------------------------------------
| The access epoch: one stamp for "who may do what"
|--------------------------------------------------------------------------
|
| Every request needs the signed-in user, the workflows' access rules and
| the viewer's teams. They change rarely (an admin edits a user, a team or
| a workflow's access; a user edits their profile), so each instance keeps
| them in memory, tagged with the epoch they were read under, and reuses
| them while the epoch is unchanged.
|
| The epoch is bumped after every committed change to users, teams, team
| memberships or workflows (model hooks on User, Team and Workflow; the
| actions that write those tables directly call `bumpAfterCommit`). It is
|
| - with Redis (several instances): a Redis counter, read once per request
|   (one GET) and incremented by the instance that made the change, so every
|   instance sees the change from its next request on;
| - without Redis (the embedded default, one instance): a counter in this
|   process.
|
| A value is cached under the epoch read *before* it was loaded, so a change
| that commits while it loads only bumps the epoch past it: a stale value is
| never stored under the new epoch. If Redis cannot be read, the epoch is a
| value no cache entry has, and everything is read from the database.
|
*/

const redisConfigured = Boolean(env.get('REDIS_HOST') || env.get('REDIS_CLUSTER_NODES'))
const KEY = `${env.get('QUEUE_PREFIX') || 'sf'}:access-epoch`

/** Where the epoch is shared between instances (null: this process only). */
export const sharedEpochKey = redisConfigured ? KEY : null

/** Bumped in this process on every change (also with Redis: this instance sees its own writes at once). */
let local = 0
/** Gives an unreadable epoch a value that matches no cache entry. */
let unreadable = 0

const perRequest = new WeakMap<object, Promise<string>>()

/**
 * A missing counter (Redis was emptied or restarted) starts again from a
 * random value, never from 0: counting up from 0 again could come back to
 * an epoch that entries cached before the restart were stored under.
 */
async function seeded(): Promise<string> {
  const connection = redis.connection('main')
  await connection.set(KEY, String(randomInt(1, 2 ** 47)), 'NX')
  return (await connection.get(KEY)) ?? 'unseeded'
}

async function read(): Promise<string> {
  if (!redisConfigured) return String(local)
  try {
    const shared = (await redis.connection('main').get(KEY)) ?? (await seeded())
    return `${shared}:${local}`
  } catch {
    return `unreadable:${++unreadable}`
  }
}

/** The current epoch, read at most once per HTTP request. */
export function currentEpoch(): Promise<string> {
  const ctx = HttpContext.get()
  if (!ctx) return read()
  let epoch = perRequest.get(ctx)
  if (!epoch) {
    epoch = read()
    perRequest.set(ctx, epoch)
  }
  return epoch
}

/** Marks everything cached under older epochs stale, on every instance. */
export async function bumpEpoch() {
  local++
  const ctx = HttpContext.get()
  if (ctx) perRequest.delete(ctx)
  if (!redisConfigured) return
  try {
    // 1: the counter was missing (and is now 1): start it from a random value instead.
    const connection = redis.connection('main')
    if ((await connection.incr(KEY)) === 1) await connection.set(KEY, String(randomInt(2, 2 ** 47)))
  } catch (error) {
    // Other instances keep their cached copies until Redis answers again.
    logger.error({ err: error }, 'access epoch: could not bump the shared counter')
    throw error
  }
}

/**
 * Bumps the epoch once `trx` has committed (at once without a transaction):
 * bumping before the commit would let another request cache the old rows
 * under the new epoch.
 */
export function bumpAfterCommit(trx?: TransactionClientContract | null) {
  if (trx && trx.isTransaction) {
    trx.after('commit', () => bumpEpoch())
    return Promise.resolve()
  }
  return bumpEpoch()
}

/**
 * Values keyed by `K`, each reused while the access epoch is the one it was
 * loaded under. Bounded: past `maxEntries` the oldest entry goes.
 */
export class EpochCache<K, V> {
  #entries = new Map<K, { epoch: string; value: V }>()

  constructor(protected maxEntries = 10_000) {}

  async get(key: K, load: () => Promise<V>): Promise<V> {
    const epoch = await currentEpoch()
    const entry = this.#entries.get(key)
    if (entry && entry.epoch === epoch) return entry.value
    const value = await load()
    this.#remember(key, epoch, value)
    return value
  }

  /** Several keys at once: those not cached (or stale) are loaded by one call to `load`. */
  async getMany(keys: K[], load: (missing: K[]) => Promise<Map<K, V>>): Promise<Map<K, V>> {
    const epoch = await currentEpoch()
    const found = new Map<K, V>()
    const missing: K[] = []
    for (const key of new Set(keys)) {
      const entry = this.#entries.get(key)
      if (entry && entry.epoch === epoch) found.set(key, entry.value)
      else missing.push(key)
    }
    if (missing.length === 0) return found
    const loaded = await load(missing)
    for (const key of missing) {
      const value = loaded.get(key) as V
      this.#remember(key, epoch, value)
      found.set(key, value)
    }
    return found
  }

  #remember(key: K, epoch: string, value: V) {
    this.#entries.delete(key)
    this.#entries.set(key, { epoch, value })
    if (this.#entries.size > this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!)
    }
  }

  clear() {
    this.#entries.clear()
  }
}
