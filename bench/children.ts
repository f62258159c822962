/*
|--------------------------------------------------------------------------
| Benchmark: sub-processes (a stage with children)
|--------------------------------------------------------------------------
|
|   npm run bench:children      (DB_CONNECTION=mysql DB_DATABASE=…bench… for MariaDB)
|
| Starts a redis-server of its own, boots the app with the BullMQ driver
| on it, runs the real outbox relay and workers in this process, and times:
|
| - spawn: from the parent's stage entry (its transition into the children
|   stage) to BENCH_CHILDREN (100) children started (rows and `started`
|   events written, the entry marked waiting);
| - settle: from the last child's close to the parent's move (the child's
|   outbox message, the settle job, the parent's transition);
| - raw: the same rows written by hand — per child one INSERT of the
|   process, its event and its outbox row in a transaction; for the move
|   one conditional UPDATE and one event.
| Each BENCH_REPEATS (3) times; medians. See docs/benchmarks.md.
|
*/
process.env.TZ = 'UTC'

import 'reflect-metadata'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Ignitor } from '@adonisjs/core'
import { RedisServer } from '../tests/helpers/redis_server.js'

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}

const CHILDREN = setting('BENCH_CHILDREN', 100)
const REPEATS = setting('BENCH_REPEATS', 3)
const DEADLINE = Date.now() + setting('BENCH_DEADLINE_SECONDS', 300) * 1000
const APP_ROOT = new URL('../', import.meta.url)
const sqlite = (process.env.DB_CONNECTION || 'sqlite') === 'sqlite'
const SQLITE_FILE = 'tmp/bench-children.sqlite3'
const DATABASE = process.env.DB_DATABASE || 'stageflow_children_bench'

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
    ALERTS_EVALUATOR: 'off',
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
    `Sub-processes: ${CHILDREN} children, ${REPEATS} runs, ${sqlite ? 'SQLite' : `MySQL/MariaDB (${DATABASE})`} + Redis, ` +
      `load average ${load.toFixed(1)} on ${cpus().length} CPUs`
  )
  const redis = await RedisServer.start()
  const prefix = `cbench-${process.pid}`
  await freshDatabase()
  const app = await bootApp(redis.port, prefix)
  try {
    await run(app)
  } finally {
    const { default: queue } = await import('#queue/queue_manager')
    await queue.close().catch(() => {})
    await app.terminate()
    await redis.destroy()
    if (sqlite) await freshDatabase()
  }
}

async function run(app: Awaited<ReturnType<typeof bootApp>>) {
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const { MigrationRunner } = await import('@adonisjs/lucid/migration')
  const { default: queue, QUEUE_NAMES } = await import('#queue/queue_manager')
  const { OutboxRelay } = await import('#queue/outbox_relay')
  const { default: User } = await import('#models/user')
  const { default: Process } = await import('#models/process')
  const { default: StartProcess } = await import('#actions/processes/start_process')
  const { default: TransitionProcess } = await import('#actions/processes/transition_process')
  const { default: SaveWorkflowDraft } = await import('#actions/workflows/save_workflow_draft')
  const { default: PublishWorkflow } = await import('#actions/workflows/publish_workflow')
  const { orderDefinition, shipmentDefinition, items } =
    await import('../tests/helpers/children_fixtures.js')
  const { sqlTime } = await import('#support/sql_time')
  const { DateTime } = await import('luxon')

  const migrator = new MigrationRunner(db, app, {
    direction: 'up',
    connectionName: sqlite ? 'sqlite' : 'mysql',
    disableLocks: true,
  })
  await migrator.run()
  if (migrator.error) throw migrator.error

  const admin = await User.create({
    name: 'Bench Admin',
    email: 'bench.admin@example.test',
    password: 'bench-password-123',
    role: 'admin',
  })
  for (const document of [shipmentDefinition(), orderDefinition()]) {
    const { workflow } = await new SaveWorkflowDraft().handle({ document, actor: admin })
    await new PublishWorkflow().handle({ workflow, actor: admin })
  }

  const driver = queue.driver()
  await driver.work({ queues: QUEUE_NAMES })
  const relay = new OutboxRelay(driver)
  let relaying = true
  const relayLoop = (async () => {
    while (relaying) {
      const published = await relay.tick().catch(() => 0)
      if (published === 0) await sleep(2)
    }
  })()
  const until = async (check: () => Promise<boolean>) => {
    while (!(await check())) {
      remaining()
      await sleep(2)
    }
  }
  const childCount = async (parentId: number) =>
    db
      .from('processes')
      .where('parent_id', parentId)
      .count('* as n')
      .first()
      .then((row) => Number(row?.n))

  const spawns: number[] = []
  const settles: number[] = []
  const rawInserts: number[] = []
  const rawMoves: number[] = []
  try {
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const { process: parent } = await new StartProcess().handle({
        workflowKey: 'order-items',
        title: `Bench order ${repeat}`,
        data: { items: items(CHILDREN) },
        actor: admin,
      })
      let t0 = performance.now()
      await new TransitionProcess().handle({
        process: parent,
        transition: 'ship',
        expectedVersion: parent.version,
        actor: { id: admin.id, role: 'admin' },
      })
      await until(async () => (await childCount(parent.id)) === CHILDREN)
      spawns.push((performance.now() - t0) / 1000)

      const children = await Process.query().where('parent_id', parent.id).orderBy('parent_index')
      for (const child of children.slice(0, -1)) {
        await new TransitionProcess().handle({
          process: child,
          transition: 'deliver',
          expectedVersion: child.version,
          actor: { id: admin.id, role: 'admin' },
        })
      }
      // Let the settle jobs of the first ones run before timing the last.
      await sleep(500)
      const last = children.at(-1)!
      t0 = performance.now()
      await new TransitionProcess().handle({
        process: last,
        transition: 'deliver',
        expectedVersion: last.version,
        actor: { id: admin.id, role: 'admin' },
      })
      await until(() => Process.findOrFail(parent.id).then((p) => p.status === 'completed'))
      settles.push((performance.now() - t0) / 1000)

      // Raw: the same rows by hand.
      const at = sqlTime(DateTime.now())
      t0 = performance.now()
      for (let i = 0; i < CHILDREN; i++) {
        await db.transaction(async (trx) => {
          const [id] = await trx.table('processes').insert({
            workflow_id: last.workflowId,
            workflow_version_id: last.workflowVersionId,
            reference: `RAW-${repeat}-${i}`,
            title: `Raw ${i}`,
            data: JSON.stringify({ sku: `SKU-${i}`, qty: i }),
            stage_key: 'preparing',
            status: 'active',
            priority: 'normal',
            creator_id: null,
            assignee_id: null,
            due_at: null,
            sla_breached: false,
            version: 1,
            idempotency_key: `raw:${repeat}:${i}`,
            stage_entered_at: at,
            created_at: at,
            updated_at: at,
            closed_at: null,
          })
          const [eventId] = await trx.table('process_events').insert({
            process_id: Number(id),
            sequence: 1,
            type: 'started',
            from_stage: null,
            to_stage: 'preparing',
            actor_id: null,
            payload: '{}',
            idempotency_key: null,
            occurred_at: at,
          })
          await trx.table('outbox_messages').insert({
            process_id: Number(id),
            event_id: Number(eventId),
            topic: 'bench.raw',
            queue: 'default',
            payload: '{}',
            status: 'sent',
            attempts: 0,
            available_at: at,
            created_at: at,
          })
        })
      }
      rawInserts.push((performance.now() - t0) / 1000)
      const moved = await Process.findOrFail(parent.id)
      t0 = performance.now()
      await db.transaction(async (trx) => {
        await trx
          .from('processes')
          .where('id', moved.id)
          .where('version', moved.version)
          .update({ version: moved.version + 1, updated_at: at })
        await trx.table('process_events').insert({
          process_id: moved.id,
          sequence: moved.version + 1,
          type: 'commented',
          from_stage: null,
          to_stage: null,
          actor_id: null,
          payload: '{}',
          idempotency_key: null,
          occurred_at: at,
        })
      })
      rawMoves.push((performance.now() - t0) / 1000)
      console.log(
        `  run ${repeat + 1}: spawn ${spawns.at(-1)!.toFixed(3)} s, settle ${settles.at(-1)!.toFixed(3)} s, ` +
          `raw inserts ${rawInserts.at(-1)!.toFixed(3)} s, raw move ${(rawMoves.at(-1)! * 1000).toFixed(1)} ms`
      )
    }
  } catch (error) {
    if (!(error instanceof OutOfTime)) throw error
    console.log('  (deadline reached; printing what was measured)')
  } finally {
    relaying = false
    await relayLoop
  }
  if (spawns.length === 0) return
  console.log('')
  console.log('| measure | engine (median) | raw rows (median) | ratio |')
  console.log('| ------- | --------------: | ----------------: | ----: |')
  const spawn = median(spawns)
  const raw = median(rawInserts)
  console.log(
    `| stage entry → ${CHILDREN} children started | ${spawn.toFixed(2)} s (${rate(CHILDREN / spawn)} children/s) | ${raw.toFixed(2)} s (${rate(CHILDREN / raw)}/s) | ${Math.round((raw / spawn) * 100)} % |`
  )
  if (settles.length) {
    const settle = median(settles)
    const move = median(rawMoves)
    console.log(
      `| last child's close → parent's move | ${(settle * 1000).toFixed(0)} ms | ${(move * 1000).toFixed(1)} ms | — |`
    )
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
