/*
|--------------------------------------------------------------------------
| Benchmark: queue throughput, outbox row → completed handler
|--------------------------------------------------------------------------
|
|   node --import=@poppinss/ts-exec bench/queue_throughput.ts
|
| Starts a redis-server of its own (never the shared one), boots the app
| in the console environment with the BullMQ driver on it, then, in
| alternating runs on the same Redis and in the same process:
|
| - pipeline: N pending outbox rows of a cheap job (deliver_notifications
|   for a comment with no recipients: three reads, nothing written) are
|   published by the real OutboxRelay and run by the real BullMQ driver's
|   worker (the notifications queue's concurrency), until BullMQ has
|   completed all N;
| - raw BullMQ: N empty jobs added one by one (as the relay adds them) to
|   a plain Queue and processed by a plain Worker of the same concurrency,
|   job options and metrics;
| - raw BullMQ, addBulk: the same with addBulk in batches of the relay's
|   size, the ceiling of what a producer can push.
|
| Database: SQLite (default, a fresh tmp/bench-queue.sqlite3) or
| DB_CONNECTION=mysql with DB_DATABASE (default stageflow_queue_bench; the
| name must contain "bench": it is dropped and created again).
| Settings: BENCH_QUEUE_JOBS (5000), BENCH_REPEATS (3),
| BENCH_DEADLINE_SECONDS (110: the script stops and prints what it has).
| See docs/benchmarks.md.
|
*/
process.env.TZ = 'UTC'

import 'reflect-metadata'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Ignitor } from '@adonisjs/core'
import { Queue, Worker } from 'bullmq'
import { RedisServer } from '../tests/helpers/redis_server.js'

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}

const JOBS = setting('BENCH_QUEUE_JOBS', 5000)
const REPEATS = setting('BENCH_REPEATS', 3)
const DEADLINE = Date.now() + setting('BENCH_DEADLINE_SECONDS', 110) * 1000
const APP_ROOT = new URL('../', import.meta.url)
const sqlite = (process.env.DB_CONNECTION || 'sqlite') === 'sqlite'
const SQLITE_FILE = 'tmp/bench-queue.sqlite3'
const DATABASE = process.env.DB_DATABASE || 'stageflow_queue_bench'

type Result = {
  jobsPerSecond: number
  seconds: number
  /** CPU time of this process (user + system) per job, in microseconds. */
  cpuMicros: number
  publishSeconds?: number
}

const cpuSince = (start: NodeJS.CpuUsage, jobs: number) => {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / jobs
}

class OutOfTime extends Error {}

function remaining() {
  const left = DEADLINE - Date.now()
  if (left <= 0) throw new OutOfTime('deadline reached')
  return left
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
const rate = (n: number) => Math.round(n).toLocaleString('en-US')

async function freshDatabase() {
  if (sqlite) {
    for (const suffix of ['', '-wal', '-shm']) {
      rmSync(fileURLToPath(new URL(SQLITE_FILE + suffix, APP_ROOT)), { force: true })
    }
    return
  }
  if (!/bench/.test(DATABASE)) {
    throw new Error(`Refusing to reset "${DATABASE}": the name must contain "bench".`)
  }
  const mysql = await import('mysql2/promise')
  const admin = await mysql.createConnection({
    host: process.env.DB_HOST || '127.0.0.1',
    port: Number(process.env.DB_PORT || 3306),
    user: process.env.DB_USER || 'root',
    password: process.env.DB_PASSWORD || '',
  })
  await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``)
  await admin.query(
    `CREATE DATABASE \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
  )
  await admin.end()
}

/** The app in the console environment, its queues on our Redis. */
async function bootApp(redisPort: number, prefix: string) {
  Object.assign(process.env, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: process.env.PORT || '3333',
    APP_URL: process.env.APP_URL || 'http://127.0.0.1:3333',
    APP_KEY: process.env.APP_KEY || randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
    DB_CONNECTION: sqlite ? 'sqlite' : 'mysql',
    SQLITE_FILE,
    DB_DATABASE: DATABASE,
    REDIS_HOST: '127.0.0.1',
    REDIS_PORT: String(redisPort),
    REDIS_CLUSTER_NODES: '',
    QUEUE_DRIVER: 'bullmq',
    QUEUE_PREFIX: prefix,
    SESSION_DRIVER: 'memory',
    LIMITER_STORE: 'memory',
  })
  const importer = (path: string) =>
    path.startsWith('./') || path.startsWith('../')
      ? import(new URL(path, APP_ROOT).href)
      : import(path)
  const app = new Ignitor(APP_ROOT, { importer })
    .tap((application) => application.booting(async () => void (await import('#start/env'))))
    .createApp('console')
  await app.init()
  await app.boot()
  await app.start(() => {})
  return app
}

async function main() {
  const load = loadavg()[0]!
  console.log(
    `Queue throughput: ${JOBS} jobs a run, ${REPEATS} runs each, ${sqlite ? 'SQLite' : `MySQL/MariaDB (${DATABASE})`}, ` +
      `load average ${load.toFixed(1)} on ${cpus().length} CPUs`
  )
  if (load > cpus().length) {
    console.log('  (the machine is busy: absolute figures will be low; compare the ratios)')
  }

  const redis = await RedisServer.start()
  const prefix = `qbench-${process.pid}`
  await freshDatabase()
  const app = await bootApp(redis.port, prefix)
  try {
    await run(app, redis.port, prefix)
  } finally {
    const { default: queue } = await import('#queue/queue_manager')
    await queue.close().catch(() => {})
    await app.terminate()
    await redis.destroy()
    if (sqlite) await freshDatabase()
  }
}

async function run(app: Awaited<ReturnType<typeof bootApp>>, redisPort: number, prefix: string) {
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const { MigrationRunner } = await import('@adonisjs/lucid/migration')
  const { default: queueConfig } = await import('#config/queue')
  const { default: queue } = await import('#queue/queue_manager')
  const { queuePrefix } = await import('#queue/redis_connection')
  const { OutboxRelay } = await import('#queue/outbox_relay')
  const { default: User } = await import('#models/user')
  const { default: StartProcess } = await import('#actions/processes/start_process')
  const { default: CommentOnProcess } = await import('#actions/processes/comment_on_process')
  const { default: SaveWorkflowDraft } = await import('#actions/workflows/save_workflow_draft')
  const { default: PublishWorkflow } = await import('#actions/workflows/publish_workflow')
  const { DEMO_DEFINITIONS } = await import('#database/definitions/index')
  const { sqlTime } = await import('#support/sql_time')
  const { DateTime } = await import('luxon')

  const migrator = new MigrationRunner(db, app, {
    direction: 'up',
    connectionName: sqlite ? 'sqlite' : 'mysql',
    // One process on a database of its own. (Lucid takes MySQL's advisory
    // lock and releases it through any pooled connection: with more than
    // one idle connection the release can land on another and fail.)
    disableLocks: true,
  })
  await migrator.run()
  if (migrator.error) throw migrator.error

  // One comment event that notifies nobody (no mentions): its job reads
  // the event, the process and its workflow, and returns.
  const author = await User.create({
    name: 'Bench Author',
    email: 'bench.author@example.test',
    password: 'bench-password-123',
    role: 'manager',
    isActive: true,
  })
  const { workflow } = await new SaveWorkflowDraft().handle({
    document: DEMO_DEFINITIONS.supportTicket,
    actor: author,
  })
  await new PublishWorkflow().handle({ workflow, actor: author })
  const { process: subject } = await new StartProcess().handle({
    workflowKey: DEMO_DEFINITIONS.supportTicket.key,
    title: 'Bench',
    actor: author,
  })
  const { event } = await new CommentOnProcess().handle({
    process: subject,
    body: 'nothing for anyone',
    expectedVersion: subject.version,
    actorId: author.id,
  })
  await db.from('outbox_messages').delete()

  if (process.env.BENCH_EMPTY_HANDLER) {
    // What-if: the same pipeline with a handler that does nothing, to
    // price the queue layer alone (relay, driver, executeJob) against raw BullMQ.
    const registry = await import('#queue/registry')
    const { Job } = await import('#queue/job')
    class EmptyJob extends Job {
      static jobName = 'deliver_notifications'
      async handle() {}
    }
    registry.JOBS.deliver_notifications = {
      queue: 'notifications',
      load: async () => ({ default: EmptyJob }),
    }
    console.log('  (what-if: deliver_notifications replaced by an empty handler)')
  }

  const settings = queueConfig.queues.notifications
  const concurrency = settings.concurrency
  const jobOptions = {
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    removeOnComplete: queueConfig.retention.completed,
    removeOnFail: queueConfig.retention.failed,
  }
  const metrics = { maxDataPoints: 60 * 24 }

  const driver = queue.driver()
  await driver.work({ queues: ['notifications'] })
  const appQueue = new Queue('notifications', {
    connection: { host: '127.0.0.1', port: redisPort },
    prefix: queuePrefix('notifications'),
  })

  const rawQueue = new Queue('raw', {
    connection: { host: '127.0.0.1', port: redisPort },
    prefix: `{${prefix}-raw:raw}`,
  })
  const rawWorker = new Worker('raw', async () => {}, {
    connection: { host: '127.0.0.1', port: redisPort, maxRetriesPerRequest: null },
    prefix: `{${prefix}-raw:raw}`,
    concurrency,
    metrics,
  })

  const completedSoFar = async (q: Queue) => {
    const counted = await q.getMetrics('completed', 0, 0)
    return counted.meta.count
  }

  /** Polls BullMQ's completed counter until it has grown by `count`. */
  async function untilCompleted(q: Queue, from: number, count: number) {
    for (;;) {
      const done = (await completedSoFar(q)) - from
      if (done >= count) return
      if (remaining() <= 0) throw new OutOfTime('deadline reached')
      const failed = await q.getFailedCount()
      if (failed) throw new Error(`${failed} jobs failed`)
      await sleep(5)
    }
  }

  async function insertOutbox(count: number) {
    const now = sqlTime(DateTime.now().minus({ seconds: 1 }))
    const payload = JSON.stringify({
      processId: subject.id,
      eventId: event.id,
      sequence: event.sequence,
    })
    for (let from = 0; from < count; from += 500) {
      const rows = []
      for (let i = from; i < Math.min(count, from + 500); i++) {
        rows.push({
          process_id: subject.id,
          event_id: event.id,
          topic: 'process.commented',
          queue: 'notifications',
          payload,
          status: 'pending',
          attempts: 0,
          available_at: now,
          created_at: now,
        })
      }
      await db.table('outbox_messages').multiInsert(rows)
    }
  }

  async function pipeline(jobs = JOBS): Promise<Result> {
    await insertOutbox(jobs)
    const before = await completedSoFar(appQueue)
    const relay = new OutboxRelay(driver)
    const started = performance.now()
    const cpu = process.cpuUsage()
    relay.start()
    let publishSeconds: number | undefined
    const published = (async () => {
      for (;;) {
        const pending = await db.from('outbox_messages').where('status', 'pending').count('* as n')
        if (Number(pending[0].n) === 0) {
          publishSeconds = (performance.now() - started) / 1000
          return
        }
        if (remaining() <= 0) return
        await sleep(20)
      }
    })()
    try {
      await untilCompleted(appQueue, before, jobs)
    } finally {
      await relay.stop()
    }
    const seconds = (performance.now() - started) / 1000
    const cpuMicros = cpuSince(cpu, jobs)
    await published
    await db.from('outbox_messages').delete()
    return { jobsPerSecond: jobs / seconds, seconds, cpuMicros, publishSeconds }
  }

  /**
   * The two halves apart: the relay publishing with the queue paused (no
   * job runs), then the worker draining what was published.
   */
  async function phases(jobs = JOBS) {
    await insertOutbox(jobs)
    await appQueue.pause()
    const before = await completedSoFar(appQueue)
    const relay = new OutboxRelay(driver)
    const started = performance.now()
    const publishCpu = process.cpuUsage()
    relay.start()
    for (;;) {
      const pending = await db.from('outbox_messages').where('status', 'pending').count('* as n')
      if (Number(pending[0].n) === 0) break
      remaining()
      await sleep(5)
    }
    const publishSeconds = (performance.now() - started) / 1000
    const publishCpuMicros = cpuSince(publishCpu, jobs)
    await relay.stop()
    const draining = performance.now()
    const handleCpu = process.cpuUsage()
    await appQueue.resume()
    await untilCompleted(appQueue, before, jobs)
    const drainSeconds = (performance.now() - draining) / 1000
    const handleCpuMicros = cpuSince(handleCpu, jobs)
    await db.from('outbox_messages').delete()
    return {
      publishPerSecond: jobs / publishSeconds,
      handlePerSecond: jobs / drainSeconds,
      publishCpuMicros,
      handleCpuMicros,
    }
  }

  async function raw(bulk: boolean, jobs = JOBS): Promise<Result> {
    const before = await completedSoFar(rawQueue)
    const started = performance.now()
    const cpu = process.cpuUsage()
    if (bulk) {
      const batch = queueConfig.relay.batchSize
      for (let from = 0; from < jobs; from += batch) {
        const chunk = []
        for (let i = from; i < Math.min(jobs, from + batch); i++) {
          chunk.push({
            name: 'empty',
            data: { i },
            opts: { ...jobOptions, jobId: `b-${started}-${i}` },
          })
        }
        await rawQueue.addBulk(chunk)
      }
    } else {
      for (let i = 0; i < jobs; i++) {
        await rawQueue.add('empty', { i }, { ...jobOptions, jobId: `s-${started}-${i}` })
      }
    }
    await untilCompleted(rawQueue, before, jobs)
    const seconds = (performance.now() - started) / 1000
    return { jobsPerSecond: jobs / seconds, seconds, cpuMicros: cpuSince(cpu, jobs) }
  }

  // Warm-up: connections, scripts loaded, JIT.
  const warmup = Math.min(JOBS, 1000)
  await raw(false, warmup)
  await raw(true, warmup)
  await pipeline(warmup)

  const runs: {
    pipeline: Result
    raw: Result
    bulk: Result
    split: Awaited<ReturnType<typeof phases>>
  }[] = []
  try {
    for (let r = 0; r < REPEATS; r++) {
      remaining()
      const p = await pipeline()
      const s = await raw(false)
      const b = await raw(true)
      const split = await phases()
      runs.push({ pipeline: p, raw: s, bulk: b, split })
      console.log(
        `  run ${r + 1}: pipeline ${rate(p.jobsPerSecond)} jobs/s, ${rate(p.cpuMicros)} µs CPU/job (${JOBS} in ${p.seconds.toFixed(2)}s, relay done at ${p.publishSeconds?.toFixed(2) ?? '?'}s); ` +
          `raw add ${rate(s.jobsPerSecond)} jobs/s, ${rate(s.cpuMicros)} µs; raw addBulk ${rate(b.jobsPerSecond)} jobs/s, ${rate(b.cpuMicros)} µs; ` +
          `ratio ${Math.round((100 * p.jobsPerSecond) / s.jobsPerSecond)}%; ` +
          `apart: relay alone ${rate(split.publishPerSecond)} msg/s (${rate(split.publishCpuMicros)} µs), handlers alone ${rate(split.handlePerSecond)} jobs/s (${rate(split.handleCpuMicros)} µs)`
      )
    }
  } catch (error) {
    if (!(error instanceof OutOfTime)) throw error
    console.log(`  stopped at the deadline after ${runs.length} run(s)`)
  } finally {
    await rawWorker.close()
    await rawQueue.close()
    await appQueue.close()
  }
  if (!runs.length) return

  const pipelineRate = median(runs.map((r) => r.pipeline.jobsPerSecond))
  const rawRate = median(runs.map((r) => r.raw.jobsPerSecond))
  const bulkRate = median(runs.map((r) => r.bulk.jobsPerSecond))
  const ratio = median(runs.map((r) => r.pipeline.jobsPerSecond / r.raw.jobsPerSecond))
  console.log('')
  const med = (pick: (r: (typeof runs)[number]) => number) => rate(median(runs.map(pick)))
  console.log('| path | jobs/s (median) | vs raw add | CPU per job (median) |')
  console.log('| ---- | --------------: | ---------: | -------------------: |')
  console.log(
    `| outbox → relay → BullMQ → deliver_notifications | ${rate(pipelineRate)} | ${Math.round(ratio * 100)} % | ${med((r) => r.pipeline.cpuMicros)} µs |`
  )
  console.log(
    `| raw BullMQ: add one by one + empty processor | ${rate(rawRate)} | 100 % | ${med((r) => r.raw.cpuMicros)} µs |`
  )
  console.log(
    `| raw BullMQ: addBulk (batches of ${queueConfig.relay.batchSize}) + empty processor | ${rate(bulkRate)} | ${Math.round((100 * bulkRate) / rawRate)} % | ${med((r) => r.bulk.cpuMicros)} µs |`
  )
  console.log(
    `| (apart) relay publishing alone, queue paused | ${med((r) => r.split.publishPerSecond)} | | ${med((r) => r.split.publishCpuMicros)} µs |`
  )
  console.log(
    `| (apart) worker running the published jobs alone | ${med((r) => r.split.handlePerSecond)} | | ${med((r) => r.split.handleCpuMicros)} µs |`
  )
  console.log('')
  console.log(
    `Pipeline / raw (median of per-run ratios): ${Math.round(ratio * 100)} % — target ≥ 50 %: ${ratio >= 0.5 ? 'met' : 'NOT met'}`
  )
}

await main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
