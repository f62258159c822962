import { spawn, type ChildProcess } from 'node:child_process'
import app from '@adonisjs/core/services/app'
import { track, exitOf, stopChild } from '#tests/helpers/children'
import { waitUntil, GiveUp } from '#tests/helpers/wait'

/**
 * Where a worker finds Redis: a single node of the test's own, or the
 * seeds of a cluster the test started.
 */
export type RedisTarget = { port: number } | { clusterSeeds: string }

/**
 * BullMQ lock and stalled-check periods of a worker process (env
 * QUEUE_LOCK_DURATION_MS / QUEUE_STALLED_INTERVAL_MS). `null` keeps the
 * app's configured values (config/queue.ts).
 */
export type StallTuning = { lockDurationMs: number; stalledIntervalMs: number } | null

type LogLine = Record<string, any>

/** A worker that runs jobs only (another process runs the outbox relay). */
export const NO_RELAY = '--no-relay'

let sequence = 0

/**
 * A unique queue prefix: one per test, so the jobs, the relay lease and
 * the job ids of one test never meet those of another (or of another run).
 */
export function uniquePrefix(label: string) {
  return `rs-${label}-${process.pid}-${Date.now().toString(36)}-${++sequence}`
}

/**
 * The environment of a worker process: the test process's own database
 * settings (same SQLite file or MariaDB database, same APP_KEY) with the
 * test's Redis and queue prefix.
 */
export function workerEnv(redis: RedisTarget, prefix: string, tuning: StallTuning = null) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    TZ: 'UTC',
    LOG_LEVEL: 'info',
    QUEUE_DRIVER: 'bullmq',
    QUEUE_PREFIX: prefix,
    // Workers never serve HTTP, but the environment schema wants a port.
    PORT: process.env.PORT || '3334',
    SESSION_DRIVER: 'memory',
    LIMITER_STORE: 'memory',
    // The alert evaluator would notify admins in tests that count notifications; the alert tests turn it on.
    ALERTS_EVALUATOR: 'off',
  }
  if ('port' in redis) {
    env.REDIS_HOST = '127.0.0.1'
    env.REDIS_PORT = String(redis.port)
    env.REDIS_CLUSTER_NODES = ''
  } else {
    env.REDIS_HOST = ''
    env.REDIS_PORT = ''
    env.REDIS_CLUSTER_NODES = redis.clusterSeeds
  }
  if (tuning) {
    env.QUEUE_LOCK_DURATION_MS = String(tuning.lockDurationMs)
    env.QUEUE_STALLED_INTERVAL_MS = String(tuning.stalledIntervalMs)
  } else {
    delete env.QUEUE_LOCK_DURATION_MS
    delete env.QUEUE_STALLED_INTERVAL_MS
  }
  return env
}

/**
 * `node ace queue:work …` in the app root, as production runs it. Its
 * output is kept: JSON log lines (LOG_LEVEL=info in tests) tell which
 * jobs this very process completed.
 */
export class WorkerProcess {
  readonly child: ChildProcess
  #output = ''
  #logs: LogLine[] = []
  readonly startedAt = performance.now()

  constructor(
    public name: string,
    env: NodeJS.ProcessEnv,
    args: string[] = []
  ) {
    this.child = track(
      spawn(process.execPath, ['ace', 'queue:work', ...args], {
        cwd: app.makePath(),
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    )
    let pending = ''
    const collect = (chunk: Buffer) => {
      const text = chunk.toString()
      this.#output += text
      pending += text
      const lines = pending.split('\n')
      pending = lines.pop()!
      for (const line of lines) {
        if (!line.startsWith('{')) continue
        try {
          this.#logs.push(JSON.parse(line))
        } catch {}
      }
    }
    this.child.stdout!.on('data', collect)
    this.child.stderr!.on('data', collect)
  }

  get pid() {
    return this.child.pid!
  }

  get output() {
    return this.#output
  }

  get exited() {
    return this.child.exitCode !== null || this.child.signalCode !== null
  }

  /** Resolves once the worker printed its "working …" line. */
  async ready(timeoutMs = 30_000) {
    await waitUntil(
      () => {
        if (this.exited) {
          throw new GiveUp(`worker ${this.name} exited before it was ready:\n${this.tail()}`)
        }
        return /working .* with the bullmq driver/.test(this.#output)
      },
      { timeoutMs, intervalMs: 50, message: () => `worker ${this.name} to start:\n${this.tail()}` }
    )
  }

  /** Ids of the jobs this process reports as completed (one entry per run). */
  completedJobs() {
    return this.#logs.filter((l) => l.msg === 'job completed').map((l) => String(l.jobId))
  }

  failedJobs() {
    return this.#logs
      .filter((l) => l.msg === 'job failed, will retry' || l.msg === 'job failed for good')
      .map((l) => ({ jobId: String(l.jobId), error: String(l.err?.message ?? '') }))
  }

  logs() {
    return this.#logs
  }

  tail(chars = 3000) {
    return this.#output.slice(-chars)
  }

  kill(signal: NodeJS.Signals) {
    this.child.kill(signal)
  }

  exit() {
    return exitOf(this.child)
  }

  /** Teardown: SIGTERM, then SIGKILL if it has not stopped after `graceMs`. */
  stop(graceMs = 10_000) {
    return stopChild(this.child, 'SIGTERM', graceMs)
  }
}

/** Stops every worker given (in parallel); safe to call twice. */
export async function stopAll(workers: (WorkerProcess | null | undefined)[]) {
  await Promise.all(workers.filter((w): w is WorkerProcess => Boolean(w)).map((w) => w.stop()))
}
