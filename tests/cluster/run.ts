/*
|--------------------------------------------------------------------------
| `npm run test:cluster`: Stageflow scaled out, on this machine
|--------------------------------------------------------------------------
|
| Starts, on random loopback ports and under tmp/cluster-<pid>/:
|   - MariaDB primary + replica with real (GTID) replication
|   - a Redis Cluster of three primaries
|   - two app instances (bin/server.ts, NODE_ENV=production) and two
|     workers (`node ace queue:work`), all with DB_READ_HOSTS = the replica
|   - nginx in front (the directives of docker/nginx.conf)
|   - Prometheus (Debian's package) scraping both app instances and both
|     workers with the metrics token (docker/prometheus/prometheus.yml's shape)
| then checks through Prometheus's HTTP API that all four targets are up and,
| after every user moved one process to its end, that the transition counter
| summed over the instances equals the transitions the users made;
| then runs many simulated users through nginx (log in, start processes,
| move them, read each page right after the write: it must show the write),
| SIGKILLs one app instance and one worker mid-run, stops replication on the
| replica for a moment (it must be skipped), and checks that nothing was lost
| or doubled: events, transitions, notifications. Everything it started is
| stopped, also on failure or timeout. Prints a summary; exit 0 = pass.
|
| Knobs: CLUSTER_USERS (default 12), CLUSTER_SECONDS (scenario length, 20),
| CLUSTER_TIMEOUT_SECONDS (hard limit of the whole run, 170).
|
*/
process.env.TZ = 'UTC'

import 'reflect-metadata'
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { RedisCluster, freePort } from '../helpers/redis_server.js'
import { MariaDbServer, startReplication, TEST_USER } from './mariadb_server.js'
import { track, stopChild } from '../helpers/children.js'
import { waitUntil, sleep } from '../helpers/wait.js'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const USERS = Number(process.env.CLUSTER_USERS || 12)
const SCENARIO_MS = Number(process.env.CLUSTER_SECONDS || 20) * 1000
const TIMEOUT_MS = Number(process.env.CLUSTER_TIMEOUT_SECONDS || 170) * 1000
const HEALTH_TOKEN = randomBytes(24).toString('base64url')
const METRICS_TOKEN = randomBytes(24).toString('base64url')
const STARTED = performance.now()
const DIR = join(ROOT, 'tmp', `cluster-${process.pid}`)
const TOKEN = randomBytes(3).toString('hex')
const PASSWORD = 'cluster-password-1'
const WORKFLOW = {
  key: `cluster-flow-${TOKEN}`,
  name: 'Cluster flow',
  stages: [
    { key: 'open', name: 'Open', type: 'start' },
    { key: 'review', name: 'Review', type: 'task' },
    { key: 'approved', name: 'Approved', type: 'task' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'submit', from: 'open', to: 'review' },
    { key: 'approve', from: 'review', to: 'approved' },
    { key: 'finish', from: 'approved', to: 'done' },
  ],
}
const MOVES = [
  { transition: 'submit', stage: 'review' },
  { transition: 'approve', stage: 'approved' },
  { transition: 'finish', stage: 'done' },
]

const log = (line: string) =>
  console.log(`[cluster +${((performance.now() - STARTED) / 1000).toFixed(1)}s] ${line}`)

/* ------------------------------------------------------------------ */
/* Processes this run started                                          */
/* ------------------------------------------------------------------ */

class Service {
  child: ChildProcess
  output = ''
  constructor(
    readonly name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv
  ) {
    this.child = track(spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }))
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000)
    }
    this.child.stdout!.on('data', keep)
    this.child.stderr!.on('data', keep)
  }
  get alive() {
    return this.child.exitCode === null && this.child.signalCode === null
  }
  tail(chars = 2000) {
    return this.output.slice(-chars)
  }
  stop(signal: NodeJS.Signals = 'SIGTERM') {
    return stopChild(this.child, signal, 8000)
  }
}

const services: Service[] = []
let primary: MariaDbServer | null = null
let replica: MariaDbServer | null = null
let redis: RedisCluster | null = null
let app: { terminate(): Promise<void> } | null = null

async function cleanup() {
  await Promise.allSettled(services.map((s) => s.stop()))
  await app?.terminate().catch(() => {})
  await Promise.allSettled([primary?.destroy(), replica?.destroy(), redis?.destroy()])
  rmSync(DIR, { recursive: true, force: true })
}

/* ------------------------------------------------------------------ */
/* A simulated user: its own cookies (session, XSRF) and a ledger        */
/* ------------------------------------------------------------------ */

const stats = {
  requests: 0,
  retried: 0,
  errors: [] as string[],
  latencies: [] as number[],
  staleReads: [] as string[],
  processes: new Map<number, number>(), // id -> version the user last saw confirmed
  transitions: 0, // transitions the server confirmed (302)
}

/**
 * The Inertia asset version the servers use: "1" without a built UI, the
 * manifest's hash with public/assets. An Inertia GET without a version
 * tells it either way: a 409 names it in X-Inertia-Version, a 200 in the
 * page object. Sending the wrong one gets every page a 409.
 */
async function inertiaVersion(base: string) {
  const response = await fetch(`${base}/login`, {
    redirect: 'manual',
    headers: { 'x-inertia': 'true', 'x-requested-with': 'XMLHttpRequest' },
  })
  const version =
    response.status === 409
      ? response.headers.get('x-inertia-version')
      : response.status === 200
        ? ((await response.json()) as { version?: string }).version
        : null
  if (!version) throw new Error(`GET /login told no Inertia version (${response.status})`)
  return String(version)
}

class VirtualUser {
  cookies = new Map<string, string>()
  constructor(
    readonly base: string,
    readonly email: string,
    readonly version: string
  ) {}

  headers(extra: Record<string, string> = {}) {
    const h: Record<string, string> = {
      'accept': 'text/html, application/xhtml+xml',
      'x-inertia': 'true',
      'x-inertia-version': this.version,
      'x-requested-with': 'XMLHttpRequest',
      'cookie': [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...extra,
    }
    const xsrf = this.cookies.get('XSRF-TOKEN')
    if (xsrf) h['x-xsrf-token'] = decodeURIComponent(xsrf)
    return h
  }

  /**
   * One request through nginx. A 502/503/504 or a dropped connection is
   * retried (same body: idempotency keys and version checks make that
   * safe); only a request that still fails counts as an error.
   */
  async request(method: string, path: string, body?: unknown, referer?: string) {
    for (let attempt = 1; ; attempt++) {
      const started = performance.now()
      stats.requests++
      try {
        const response = await fetch(this.base + path, {
          method,
          redirect: 'manual',
          headers: this.headers({
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...(referer ? { referer: this.base + referer } : {}),
          }),
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(15_000),
        })
        stats.latencies.push(performance.now() - started)
        for (const cookie of response.headers.getSetCookie()) {
          const [pair] = cookie.split(';')
          const index = pair!.indexOf('=')
          this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1))
        }
        if ([502, 503, 504].includes(response.status) && attempt < 4) {
          stats.retried++
          await sleep(250 * attempt)
          continue
        }
        const text = await response.text()
        return { status: response.status, location: response.headers.get('location'), text }
      } catch (error) {
        stats.latencies.push(performance.now() - started)
        if (attempt < 4) {
          stats.retried++
          await sleep(250 * attempt)
          continue
        }
        throw error
      }
    }
  }

  async login() {
    const page = await this.request('GET', '/login')
    if (page.status !== 200) throw new Error(`GET /login answered ${page.status}`)
    const answer = await this.request('POST', '/login', { email: this.email, password: PASSWORD })
    if (answer.status !== 302 || answer.location?.includes('/login')) {
      throw new Error(`login of ${this.email} answered ${answer.status} → ${answer.location}`)
    }
  }

  async page(path: string) {
    const answer = await this.request('GET', path)
    if (answer.status !== 200) return null
    return JSON.parse(answer.text).props
  }

  /** Starts one process and moves it to its end, checking every read-after-write. */
  async runProcess(assigneeId: number, n: number) {
    const title = `cluster-${TOKEN} ${this.email} #${n}`
    const started = await this.request('POST', '/processes', {
      workflow: WORKFLOW.key,
      title,
      assignee: assigneeId,
      idempotencyKey: randomUUID(),
    })
    const id = Number(started.location?.match(/\/processes\/(\d+)/)?.[1])
    if (started.status !== 302 || !id) {
      stats.errors.push(`start answered ${started.status} → ${started.location}`)
      return
    }
    let props = await this.page(`/processes/${id}`)
    if (props?.process?.version !== 1) {
      stats.staleReads.push(`process ${id} after start: ${JSON.stringify(props?.process?.version)}`)
      return
    }
    stats.processes.set(id, 1)
    for (const [i, move] of MOVES.entries()) {
      const expectedVersion = i + 1
      const answer = await this.request(
        'POST',
        `/processes/${id}/transitions`,
        { transition: move.transition, expectedVersion },
        `/processes/${id}`
      )
      if (answer.status !== 302) {
        stats.errors.push(`${move.transition} of ${id} answered ${answer.status}`)
        return
      }
      stats.transitions++
      props = await this.page(`/processes/${id}`)
      const version = props?.process?.version
      if (version !== expectedVersion + 1) {
        stats.staleReads.push(`process ${id} after ${move.transition}: version ${version}`)
        return
      }
      stats.processes.set(id, version)
    }
  }
}

function percentile(values: number[], p: number) {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/* ------------------------------------------------------------------ */
/* The run                                                              */
/* ------------------------------------------------------------------ */

async function main() {
  mkdirSync(DIR, { recursive: true })
  log(`starting MariaDB primary + replica, Redis Cluster (3 primaries) under ${DIR}`)
  ;[primary, replica, redis] = await Promise.all([
    MariaDbServer.start(join(DIR, 'primary'), 1),
    MariaDbServer.start(join(DIR, 'replica'), 2),
    RedisCluster.start(3),
  ])
  // The replica applies every change one second late (MASTER_DELAY): within
  // the lag bound, so it serves reads, but any read of one's own write that
  // went there would be stale. Sticky reads must send those to the primary.
  await startReplication(primary, replica, 1)
  await primary.query('CREATE DATABASE stageflow CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci')
  log(
    `MariaDB primary :${primary.port} → replica :${replica.port} replicating (1 s behind); Redis ${redis.seeds}`
  )

  const appPorts = [await freePort(), await freePort()]
  const nginxPort = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(appPorts[0]),
    APP_URL: `http://127.0.0.1:${nginxPort}`,
    APP_KEY: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
    TRUSTED_PROXIES: 'loopback',
    DB_CONNECTION: 'mysql',
    DB_HOST: '127.0.0.1',
    DB_WRITE_HOST: '127.0.0.1',
    DB_PORT: String(primary.port),
    DB_READ_HOSTS: `127.0.0.1:${replica.port}`,
    DB_USER: TEST_USER.user,
    DB_PASSWORD: TEST_USER.password,
    DB_DATABASE: 'stageflow',
    REDIS_HOST: '',
    REDIS_PORT: '',
    REDIS_CLUSTER_NODES: redis.seeds,
    QUEUE_DRIVER: 'bullmq',
    QUEUE_PREFIX: `cl${TOKEN}`,
    // A SIGKILLed worker's jobs come back within seconds, not half a minute.
    QUEUE_LOCK_DURATION_MS: '4000',
    QUEUE_STALLED_INTERVAL_MS: '2000',
    SESSION_DRIVER: 'redis',
    LIMITER_STORE: 'redis',
    MAIL_MAILER: 'file',
    // The readiness checks below read the details, which need the token.
    HEALTH_TOKEN,
    // Prometheus scrapes every process with it (as in docker/compose.yml).
    METRICS_TOKEN,
  }
  Object.assign(process.env, env)

  log('migrating the primary')
  await run(process.execPath, ['ace', 'migration:run', '--force'], {
    cwd: ROOT,
    env,
    timeout: 90_000,
  })

  // The test process boots the app too (console) to seed and, at the end,
  // to read the truth from the primary.
  const { Ignitor } = await import('@adonisjs/core')
  const appRoot = new URL('../../', import.meta.url)
  const ignitor = new Ignitor(appRoot, {
    importer: (path: string) =>
      path.startsWith('./') || path.startsWith('../')
        ? import(new URL(path, appRoot).href)
        : import(path),
  })
  const consoleApp = ignitor
    .tap((a) => a.booting(async () => void (await import('#start/env'))))
    .createApp('console')
  await consoleApp.init()
  await consoleApp.boot()
  await consoleApp.start(() => {})
  app = consoleApp
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const { default: User } = await import('#models/user')
  const { default: SaveWorkflowDraft } = await import('#actions/workflows/save_workflow_draft')
  const { default: PublishWorkflow } = await import('#actions/workflows/publish_workflow')

  const actors: InstanceType<typeof User>[] = []
  for (let i = 1; i <= 4; i++) {
    actors.push(
      await User.create({
        name: `Cluster actor ${i}`,
        email: `actor${i}-${TOKEN}@cluster.test`,
        password: PASSWORD,
        role: 'manager',
        isActive: true,
      } as any)
    )
  }
  const assignee = await User.create({
    name: 'Cluster assignee',
    email: `assignee-${TOKEN}@cluster.test`,
    password: PASSWORD,
    role: 'member',
    isActive: true,
  } as any)
  const { workflow } = await new SaveWorkflowDraft().handle({
    document: WORKFLOW as any,
    actor: actors[0]!,
  })
  await new PublishWorkflow().handle({ workflow, actor: actors[0]! })
  log(`seeded ${actors.length} users + 1 assignee and published ${WORKFLOW.key}`)

  log(`starting 2 app instances (:${appPorts.join(', :')}) and 2 workers`)
  const apps = appPorts.map(
    (port, i) =>
      new Service(
        `app${i + 1}`,
        process.execPath,
        ['--import=@poppinss/ts-exec', 'bin/server.ts'],
        {
          ...env,
          PORT: String(port),
        }
      )
  )
  const workerMetricsPorts = [await freePort(), await freePort()]
  const workers = [1, 2].map(
    (i) =>
      new Service(`worker${i}`, process.execPath, ['ace', 'queue:work'], {
        ...env,
        METRICS_PORT: String(workerMetricsPorts[i - 1]),
      })
  )
  services.push(...apps, ...workers)

  // nginx: the directives of docker/nginx.conf, with loopback upstreams.
  const nginxDir = join(DIR, 'nginx')
  mkdirSync(join(nginxDir, 'tmp'), { recursive: true })
  writeFileSync(join(nginxDir, 'nginx.conf'), nginxConfig(nginxDir, nginxPort, appPorts))
  await run('nginx', ['-t', '-c', join(nginxDir, 'nginx.conf')], { timeout: 10_000 })
  services.push(
    new Service('nginx', 'nginx', ['-c', join(nginxDir, 'nginx.conf'), '-g', 'daemon off;'], env)
  )

  for (const instance of apps) {
    const port = Number(instance === apps[0] ? appPorts[0] : appPorts[1])
    await waitUntil(
      async () => {
        if (!instance.alive) throw new Error(`${instance.name} exited:\n${instance.tail()}`)
        const r = await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => null)
        return r?.ok
      },
      {
        timeoutMs: 60_000,
        intervalMs: 250,
        message: () => `${instance.name} to serve:\n${instance.tail()}`,
      }
    )
  }
  for (const worker of workers) {
    await waitUntil(
      () => {
        if (!worker.alive) throw new Error(`${worker.name} exited:\n${worker.tail()}`)
        return /working .* with the bullmq driver/.test(worker.output)
      },
      {
        timeoutMs: 60_000,
        intervalMs: 250,
        message: () => `${worker.name} to start:\n${worker.tail()}`,
      }
    )
  }
  const base = `http://127.0.0.1:${nginxPort}`
  const ready = await waitUntil(
    async () => {
      const r = await fetch(`${base}/health/ready`, { headers: { 'x-health-token': HEALTH_TOKEN } })
      return r.ok ? r.json() : false
    },
    { timeoutMs: 20_000, intervalMs: 250, message: 'readiness through nginx' }
  )
  log(
    `ready through nginx :${nginxPort}: ${Object.keys((ready as any).checks ?? {}).length || (ready as any).checks?.length} checks ok`
  )

  const replicaSelectsBefore = await comSelect(replica)

  /* ---------------- Prometheus ---------------- */
  const targets = {
    app: appPorts.map((port) => `127.0.0.1:${port}`),
    worker: workerMetricsPorts.map((port) => `127.0.0.1:${port}`),
  }
  const prometheus = await startPrometheus(targets)
  const up = await waitUntil(
    async () => {
      const series = await prometheus.query('up')
      const all = [...targets.app, ...targets.worker]
      const ok = all.every((target) =>
        series.some((s) => s.metric.instance === target && s.value === 1)
      )
      return ok ? series : false
    },
    { timeoutMs: 30_000, intervalMs: 500, message: 'Prometheus to scrape all four processes' }
  )
  log(`Prometheus :${prometheus.port}: up == 1 for ${up.map((s) => s.metric.instance).join(', ')}`)

  /* ---------------- warm-up: one process per user, counted by Prometheus ---------------- */
  const version = await inertiaVersion(base)
  log(`Inertia asset version ${version}`)
  const users = Array.from(
    { length: USERS },
    (_, i) => new VirtualUser(base, actors[i % actors.length]!.email, version)
  )
  let loginErrors = 0
  const loggedIn = await Promise.all(
    users.map(async (user) => {
      try {
        await user.login()
        return true
      } catch (error) {
        loginErrors++
        stats.errors.push((error as Error).message)
        return false
      }
    })
  )
  await Promise.all(
    users.map((user, i) =>
      loggedIn[i]
        ? user.runProcess(assignee.id, 0).catch((error) => {
            stats.errors.push(`runProcess: ${(error as Error).message}`)
          })
        : null
    )
  )
  const madeInWarmUp = stats.transitions
  const counterQuery = `sum(stageflow_transitions_total{workflow="${WORKFLOW.key}"})`
  const counted = await waitUntil(
    async () => {
      const [sum] = await prometheus.query(counterQuery)
      return sum?.value === madeInWarmUp ? sum.value : false
    },
    { timeoutMs: 20_000, intervalMs: 500, message: 'Prometheus to count the warm-up transitions' }
  ).catch(async (error) => {
    const [sum] = await prometheus.query(counterQuery).catch(() => [])
    stats.errors.push(
      `${error.message}: ${counterQuery} = ${sum?.value ?? 'nothing'}, the users made ${madeInWarmUp}`
    )
    return sum?.value ?? null
  })
  log(`warm-up: users made ${madeInWarmUp} transitions; Prometheus counts ${counted}`)

  /* ---------------- scenario ---------------- */
  log(`scenario: ${USERS} users for ${SCENARIO_MS / 1000}s; SIGKILL app1 + worker1 at 40%`)
  const scenarioEnd = Date.now() + SCENARIO_MS
  const chaos = (async () => {
    await sleep(SCENARIO_MS * 0.4)
    apps[0]!.child.kill('SIGKILL')
    workers[0]!.child.kill('SIGKILL')
    log('SIGKILLed app1 and worker1')
    await sleep(SCENARIO_MS * 0.15)
    await replica!.query('STOP SLAVE SQL_THREAD')
    log('replica: replication stopped (it must be skipped)')
    const skipped = await waitUntil(
      async () => {
        const r = await fetch(`${base}/health/ready`, {
          headers: { 'x-health-token': HEALTH_TOKEN },
        })
        const report: any = await r.json()
        const check = report.checks?.find((c: any) => c.name === 'replicas')
        return check?.status === 'warning' ? check : false
      },
      { timeoutMs: 10_000, intervalMs: 200, message: 'readiness to report the stopped replica' }
    )
    log(`readiness says: ${skipped.message}`)
    await sleep(SCENARIO_MS * 0.1)
    await replica!.query('START SLAVE SQL_THREAD')
    log('replica: replication running again')
  })()
  await Promise.all(
    users.map(async (user, i) => {
      if (!loggedIn[i]) return
      for (let n = 1; Date.now() < scenarioEnd; n++) {
        await user.runProcess(assignee.id, n).catch((error) => {
          stats.errors.push(`runProcess: ${(error as Error).message}`)
        })
      }
    })
  )
  await chaos
  log(`scenario done: ${stats.processes.size} processes, ${stats.requests} requests`)

  // Prometheus saw the two killed processes go away, and the survivors stay up.
  const killed = [targets.app[0]!, targets.worker[0]!]
  const afterKill = await waitUntil(
    async () => {
      const series = await prometheus.query('up')
      const value = (target: string) => series.find((s) => s.metric.instance === target)?.value
      const ok =
        killed.every((t) => value(t) === 0) &&
        [targets.app[1]!, targets.worker[1]!].every((t) => value(t) === 1)
      return ok ? series : false
    },
    { timeoutMs: 15_000, intervalMs: 500, message: 'Prometheus to see app1 and worker1 down' }
  ).catch((error) => {
    stats.errors.push(error.message)
    return []
  })

  /* ---------------- verification ---------------- */
  const ids = [...stats.processes.keys()]
  const ourProcesses = () =>
    db.from('processes').where('title', 'like', `cluster-${TOKEN} %`).select('id', 'version')
  const messages = () =>
    db
      .from('outbox_messages')
      .whereIn(
        'process_id',
        db.from('processes').where('title', 'like', `cluster-${TOKEN} %`).select('id')
      )
      .where('topic', 'like', 'process.%')
  await waitUntil(
    async () => {
      const pending = await messages().clone().whereNot('status', 'sent').count('* as n').first()
      const total = await messages().clone().count('* as n').first()
      const delivered = await db
        .from('notifications')
        .where('user_id', assignee.id)
        .where('channel', 'in_app')
        .countDistinct('outbox_message_id as n')
        .first()
      return Number(pending?.n) === 0 && Number(delivered?.n) >= Number(total?.n)
    },
    { timeoutMs: 45_000, intervalMs: 500, message: 'every notification to be delivered' }
  ).catch((error) => stats.errors.push(error.message))

  const rows = await ourProcesses()
  const eventCounts = await db
    .from('process_events')
    .whereIn(
      'process_id',
      rows.map((r: any) => r.id)
    )
    .groupBy('process_id')
    .select('process_id')
    .count('* as n')
    .countDistinct('sequence as seqs')
    .max('sequence as top')
  const byProcess = new Map(eventCounts.map((e: any) => [Number(e.process_id), e]))
  const problems: string[] = []
  for (const row of rows as any[]) {
    const events = byProcess.get(row.id)
    if (
      !events ||
      Number(events.n) !== row.version ||
      Number(events.seqs) !== row.version ||
      Number(events.top) !== row.version
    ) {
      problems.push(`process ${row.id}: version ${row.version}, events ${JSON.stringify(events)}`)
    }
    const seen = stats.processes.get(row.id)
    if (seen !== undefined && seen > row.version)
      problems.push(`process ${row.id} lost a transition (${seen} seen, ${row.version} stored)`)
  }
  const missingProcesses = ids.filter((id) => !rows.some((r: any) => r.id === id))
  for (const id of missingProcesses) problems.push(`process ${id} confirmed but missing`)
  const events = eventCounts.reduce((sum: number, e: any) => sum + Number(e.n), 0)
  const expectedEvents = (rows as any[]).reduce((sum, r) => sum + r.version, 0)
  const messageCount = await messages().clone().count('* as n').first()
  const expectedNotifications = Number(messageCount?.n)
  const notificationRows = await db
    .from('notifications')
    .where('user_id', assignee.id)
    .where('channel', 'in_app')
    .select('outbox_message_id')
  const delivered = new Set(notificationRows.map((n: any) => n.outbox_message_id)).size
  const doubled = notificationRows.length - delivered
  const replicaSelects = (await comSelect(replica)) - replicaSelectsBefore
  const [replicaStatus] = await replica.query('SHOW SLAVE STATUS')
  await waitUntil(
    async () => {
      const [row] = await replica!.query(
        'SELECT COUNT(*) AS n FROM stageflow.processes WHERE title LIKE ?',
        [`cluster-${TOKEN} %`]
      )
      return Number(row.n) === rows.length
    },
    { timeoutMs: 15_000, intervalMs: 250, message: 'the replica to catch up' }
  ).catch(() => {})
  const replicated = await replica.query(
    `SELECT COUNT(*) AS n FROM stageflow.processes WHERE title LIKE ?`,
    [`cluster-${TOKEN} %`]
  )

  const seconds = ((performance.now() - STARTED) / 1000).toFixed(1)
  const summary = [
    '',
    '=== cluster summary',
    `  topology      : nginx → 2 app instances, 2 workers, MariaDB primary + replica, Redis Cluster (3 primaries)`,
    `  users         : ${USERS} simulated, ${loginErrors} failed to log in`,
    `  requests      : ${stats.requests} (${stats.retried} retried after 502/503/dropped connection), errors ${stats.errors.length}`,
    `  latency       : p50 ${percentile(stats.latencies, 50).toFixed(0)} ms, p95 ${percentile(stats.latencies, 95).toFixed(0)} ms`,
    `  processes     : ${rows.length} started (${rows.filter((r: any) => r.version === 4).length} finished), ${missingProcesses.length} missing`,
    `  read-after-write: ${stats.staleReads.length} stale reads`,
    `  prometheus    : 4 targets up; warm-up transitions ${madeInWarmUp} made, ${counted} counted (sum over instances); after the kills up = ${afterKill.map((s) => `${s.metric.job}/${s.metric.instance}:${s.value}`).join(' ')}`,
    `  events        : ${events} stored, ${expectedEvents} expected (one per version), ${problems.length} problems`,
    `  notifications : ${expectedNotifications} expected, ${delivered} delivered, ${doubled} doubled`,
    `  replica       : served ${replicaSelects} selects; replication ${replicaStatus?.Slave_SQL_Running === 'Yes' ? 'running' : 'STOPPED'}, ${replicated[0].n}/${rows.length} processes replicated`,
    `  took          : ${seconds}s`,
  ]
  const failures = [
    ...stats.errors.slice(0, 10),
    ...stats.staleReads.slice(0, 10),
    ...problems.slice(0, 10),
  ]
  if (!rows.length) failures.push('no process was started')
  if (madeInWarmUp === 0) failures.push('the warm-up made no transition')
  if (counted !== madeInWarmUp) failures.push('Prometheus did not count the warm-up transitions')
  if (events !== expectedEvents) failures.push('events differ from versions')
  if (delivered !== expectedNotifications) failures.push('notifications missing')
  if (doubled) failures.push('notifications doubled')
  if (replicaSelects <= 0) failures.push('the replica served no reads')
  if (Number(replicated[0].n) !== rows.length) failures.push('the replica did not catch up')
  console.log(summary.join('\n'))
  return failures
}

type Sample = { metric: Record<string, string>; value: number }

/**
 * Debian's Prometheus on a loopback port, scraping the apps' /metrics and
 * the workers' metrics servers every second with the bearer token.
 */
async function startPrometheus(targets: { app: string[]; worker: string[] }) {
  const dir = join(DIR, 'prometheus')
  mkdirSync(join(dir, 'data'), { recursive: true })
  const port = await freePort()
  const job = (name: string, list: string[]) => `
  - job_name: ${name}
    authorization:
      type: Bearer
      credentials: ${METRICS_TOKEN}
    static_configs:
      - targets: [${list.map((t) => `'${t}'`).join(', ')}]`
  writeFileSync(
    join(dir, 'prometheus.yml'),
    `global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:${job('stageflow-app', targets.app)}${job('stageflow-worker', targets.worker)}
`
  )
  await run('promtool', ['check', 'config', join(dir, 'prometheus.yml')], { timeout: 10_000 })
  const server = new Service(
    'prometheus',
    process.env.PROMETHEUS || '/usr/bin/prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    process.env
  )
  services.push(server)
  const query = async (promql: string): Promise<Sample[]> => {
    const response = await fetch(
      `http://127.0.0.1:${port}/api/v1/query?query=${encodeURIComponent(promql)}`
    )
    const body: any = await response.json()
    if (body.status !== 'success') throw new Error(`Prometheus: ${JSON.stringify(body)}`)
    return body.data.result.map((r: any) => ({ metric: r.metric, value: Number(r.value[1]) }))
  }
  await waitUntil(
    async () => {
      if (!server.alive) throw new Error(`prometheus exited:\n${server.tail()}`)
      const r = await fetch(`http://127.0.0.1:${port}/-/ready`).catch(() => null)
      return r?.ok
    },
    { timeoutMs: 30_000, intervalMs: 250, message: () => `Prometheus to start:\n${server.tail()}` }
  )
  return { port, query }
}

async function comSelect(server: MariaDbServer) {
  const [row] = await server.query("SHOW GLOBAL STATUS LIKE 'Com_select'")
  return Number(row.Value)
}

function nginxConfig(dir: string, port: number, appPorts: number[]) {
  return `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  client_max_body_size 25m;
  gzip on;
  gzip_proxied any;
  gzip_types text/plain text/css application/json application/javascript image/svg+xml;
  upstream stageflow_app {
    least_conn;
    server 127.0.0.1:${appPorts[0]} max_fails=2 fail_timeout=10s;
    server 127.0.0.1:${appPorts[1]} max_fails=2 fail_timeout=10s;
    keepalive 32;
  }
  map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
  server {
    listen 127.0.0.1:${port};
    proxy_http_version 1.1;
    proxy_set_header Host $host;
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header X-Forwarded-For $remote_addr;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Forwarded-Host $host;
    proxy_set_header Connection $connection_upgrade;
    proxy_set_header Upgrade $http_upgrade;
    proxy_connect_timeout 2s;
    proxy_next_upstream error timeout http_502 http_503;
    proxy_next_upstream_tries 3;
    location /assets/ { proxy_pass http://stageflow_app; expires 1y; add_header Cache-Control "public, max-age=31536000, immutable"; }
    location /__transmit/ { proxy_pass http://stageflow_app; proxy_buffering off; proxy_read_timeout 1h; }
    location = /metrics { return 404; }
    location / { proxy_pass http://stageflow_app; }
  }
}
`
}

/* ------------------------------------------------------------------ */

const timeout = setTimeout(async () => {
  console.error(`\ncluster test: timed out after ${TIMEOUT_MS / 1000}s; stopping everything`)
  for (const s of services) console.error(`--- ${s.name} (last output)\n${s.tail(1500)}`)
  await cleanup()
  console.log('0 passed, 1 failed')
  process.exit(1)
}, TIMEOUT_MS)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await cleanup()
    process.exit(130)
  })
}

let failures: string[]
try {
  failures = await main()
} catch (error) {
  failures = [`the run stopped: ${(error as Error).stack ?? error}`]
}
await cleanup()
clearTimeout(timeout)
if (failures.length) {
  console.log('\nFAILED:')
  for (const failure of failures) console.log(`  - ${failure}`)
  console.log('0 passed, 1 failed')
  process.exit(1)
}
console.log('\ncluster test passed')
console.log('1 passed, 0 failed')
process.exit(0)
