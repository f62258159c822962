import { AsyncLocalStorage } from 'node:async_hooks'
import knex, { type Knex } from 'knex'
import { QueryClient } from '@adonisjs/lucid/database'
import db from '@adonisjs/lucid/services/db'
import { stickyReads as settings } from '#config/database'
import { RAN_ON_REPLICA } from '#support/metrics/database'
import { stickyReadHits } from '#support/metrics/instruments'

/*
|--------------------------------------------------------------------------
| Sticky reads over MySQL read replicas
|--------------------------------------------------------------------------
|
| Lucid sends every select to a replica and has no memory of writes. This
| module routes each query of a connection that has replicas:
|
| - writes (insert/update/delete), raw statements that are not plain
|   selects, `FOR UPDATE`/`FOR SHARE` selects and transactions → primary,
|   and the current scope is marked as having written;
| - selects in a scope that has written (or was told to read the primary,
|   e.g. the session marker after a form post) → primary;
| - selects outside any scope (jobs, commands, boot) → primary: background
|   work reads what it is about to change;
| - other selects → a healthy replica, round-robin; none healthy → primary.
|
| A replica is healthy when it answered the last check and, if it reports
| replication status, both replication threads run and it is at most
| `maxLagSeconds` behind. Checks run every second in the background.
|
*/

export type StickyScope = {
  /** Something in this scope wrote (or opened a transaction). */
  wrote: boolean
  /** Read the primary from the start (the session said this client wrote recently). */
  primary: boolean
  /** Reads that went to a replica / to the primary, for tests and logs. */
  replicaReads: number
  primaryReads: number
}

const storage = new AsyncLocalStorage<StickyScope>()

export function newScope(primary = false): StickyScope {
  return { wrote: false, primary, replicaReads: 0, primaryReads: 0 }
}

/** Runs `callback` as one sticky scope (one HTTP request). */
export function withStickyScope<T>(scope: StickyScope, callback: () => T): T {
  return storage.run(scope, callback)
}

/**
 * Something in this scope is about to write outside Lucid's query builder
 * (the engine's lean transactions): what follows must read the primary.
 */
export function markWrite() {
  const scope = storage.getStore()
  if (scope) scope.wrote = true
}

type ReplicaState = {
  label: string
  client: Knex
  healthy: boolean
  lagSeconds: number | null
  reason: string
}

/**
 * The replicas of one Lucid connection: one small pool each (so a dead
 * replica can be left out on its own) and their health.
 */
class ReplicaSet {
  replicas: ReplicaState[]
  #next = 0
  #timer: NodeJS.Timeout | null = null
  #checking: Promise<void> | null = null

  constructor(
    readonly connectionName: string,
    configs: Record<string, any>[],
    base: Record<string, any>
  ) {
    this.replicas = configs.map((connection) => ({
      label: `${connection.host}:${connection.port ?? 3306}`,
      client: knex({
        client: base.client,
        connection,
        pool: { min: 0, max: base.pool?.max ?? 10, acquireTimeoutMillis: 5000 },
        // A replica that is down is reported by the health check, not per connection attempt.
        log: { warn() {}, error() {}, deprecate() {}, debug() {} },
      }),
      healthy: false,
      lagSeconds: null,
      reason: 'not checked yet',
    }))
  }

  /** A healthy replica, round-robin; null when none is healthy. */
  pick(): Knex | null {
    const count = this.replicas.length
    for (let i = 0; i < count; i++) {
      const replica = this.replicas[this.#next++ % count]!
      if (replica.healthy) return replica.client
    }
    return null
  }

  start() {
    if (this.#timer) return
    void this.check()
    this.#timer = setInterval(() => void this.check(), settings.checkIntervalMs)
    // Health checks never keep a process alive.
    this.#timer.unref()
  }

  /** Checks every replica now (at most one round at a time). */
  check(): Promise<void> {
    this.#checking ??= Promise.all(this.replicas.map((r) => checkReplica(r))).then(() => {
      this.#checking = null
    })
    return this.#checking
  }

  async close() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
    await this.#checking
    await Promise.all(this.replicas.map((r) => r.client.destroy()))
  }
}

async function checkReplica(replica: ReplicaState) {
  try {
    const [rows] = await withTimeout(replica.client.raw('SHOW SLAVE STATUS'), 2000)
    const status = (rows as Record<string, any>[])[0]
    if (!status) {
      // Not a replication replica (e.g. a read-only copy): nothing to lag behind.
      Object.assign(replica, { healthy: true, lagSeconds: null, reason: 'answers' })
      return
    }
    const running = status.Slave_IO_Running === 'Yes' && status.Slave_SQL_Running === 'Yes'
    const lag = status.Seconds_Behind_Master === null ? null : Number(status.Seconds_Behind_Master)
    if (!running || lag === null) {
      Object.assign(replica, { healthy: false, lagSeconds: lag, reason: 'replication stopped' })
    } else if (lag > settings.maxLagSeconds) {
      Object.assign(replica, { healthy: false, lagSeconds: lag, reason: `${lag}s behind` })
    } else {
      Object.assign(replica, { healthy: true, lagSeconds: lag, reason: `${lag}s behind` })
    }
  } catch (error) {
    Object.assign(replica, {
      healthy: false,
      lagSeconds: null,
      reason: `down: ${(error as Error).message}`,
    })
  }
}

function withTimeout<T>(promise: PromiseLike<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
    Promise.resolve(promise).then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      }
    )
  })
}

const replicaSets = new Map<string, ReplicaSet | null>()

/** The replica set of a connection, null when it has no replicas. */
export function replicasOf(connectionName: string): ReplicaSet | null {
  if (replicaSets.has(connectionName)) return replicaSets.get(connectionName)!
  const config = db.manager.get(connectionName)?.config as Record<string, any> | undefined
  const reads = config?.replicas?.read?.connection
  const set =
    config && Array.isArray(reads) && reads.length && !String(config.client).includes('sqlite')
      ? new ReplicaSet(connectionName, reads, config)
      : null
  replicaSets.set(connectionName, set)
  set?.start()
  return set
}

/** Forgets a connection's replicas (closes their pools); tests remove connections. */
export async function forgetReplicas(connectionName: string) {
  const set = replicaSets.get(connectionName)
  replicaSets.delete(connectionName)
  await set?.close()
}

export async function closeAllReplicas() {
  for (const name of [...replicaSets.keys()]) await forgetReplicas(name)
}

/** What a health report shows about replicas. */
export function replicaHealth() {
  return [...replicaSets.values()].flatMap((set) =>
    set
      ? set.replicas.map((r) => ({
          connection: set.connectionName,
          replica: r.label,
          healthy: r.healthy,
          lagSeconds: r.lagSeconds,
          reason: r.reason,
        }))
      : []
  )
}

const READ_ONLY_SQL = /^\s*\(?\s*(select|with|show|explain|describe|desc)\b/i
const LOCKING_SQL = /\bfor\s+update\b|\bfor\s+share\b|\block\s+in\s+share\s+mode\b/i

/**
 * Whether a knex query must run on the primary although Lucid would call
 * it a read: locking selects, and raw SQL that is not a plain select
 * (Lucid sends every raw statement, even an UPDATE, to a replica).
 */
export function needsPrimary(query: any): boolean {
  if (query?._single?.lock) return true
  if (typeof query?.sql === 'string' && query._method === undefined) {
    return !READ_ONLY_SQL.test(query.sql) || LOCKING_SQL.test(query.sql)
  }
  return false
}

let installed = false

/**
 * Installs the router into Lucid's query runner (once per process).
 * Lucid does not export the runner; it is reached through the package's
 * own files, and its shape is checked so a Lucid upgrade fails loudly.
 */
export async function installStickyReads() {
  if (installed) return
  const runnerUrl = new URL('./src/query_runner/index.js', import.meta.resolve('@adonisjs/lucid'))
  const { QueryRunner } = await import(runnerUrl.href)
  const proto = QueryRunner?.prototype
  if (typeof proto?.getQueryClient !== 'function' || typeof proto?.isWriteQuery !== 'function') {
    throw new Error('Sticky reads: this Lucid version has no QueryRunner.getQueryClient')
  }
  const original = proto.getQueryClient as (query: any) => Knex

  proto.getQueryClient = function (this: any, query: any): Knex {
    const client = this.client
    if (!(client instanceof QueryClient) || client.mode !== 'dual') {
      return original.call(this, query)
    }
    const replicas = replicasOf(client.connectionName)
    if (!replicas) return original.call(this, query)

    const scope = storage.getStore()
    if (this.isWriteQuery(query) || needsPrimary(query)) {
      if (scope) scope.wrote = true
      return client.getWriteClient()
    }
    const sticky = Boolean(scope && (scope.wrote || scope.primary))
    const replica = scope && !sticky ? replicas.pick() : null
    if (scope) replica ? scope.replicaReads++ : scope.primaryReads++
    if (sticky) stickyReadHits.inc()
    if (replica) this[RAN_ON_REPLICA] = true
    return replica ?? client.getWriteClient()
  }

  // A transaction runs on the primary (Lucid does that); what follows it in
  // the same scope must see what it wrote.
  const transaction = QueryClient.prototype.transaction
  QueryClient.prototype.transaction = function (this: QueryClient, ...args: any[]) {
    const scope = storage.getStore()
    if (scope) scope.wrote = true
    return (transaction as any).apply(this, args)
  } as typeof transaction

  installed = true
}
