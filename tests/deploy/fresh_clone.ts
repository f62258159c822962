/*
|--------------------------------------------------------------------------
| `npm run test:deploy`: the README's set-up steps, followed on a fresh copy
|--------------------------------------------------------------------------
|
| Copies this tree as a clone has it (tracked and new files, not ignored
| ones) into tmp/deploy-<pid>/app, then runs two tests there:
|
| 1. "Quick start": `node bin/start.js` (what `npm start` runs) under the
|    machine's older Node when it has one (/usr/bin/node, or DEPLOY_OLD_NODE):
|    it must re-run under Node 24 with one notice, print the address it
|    really listens on (PORT differs from .env's) and log human-readable lines.
| 2. "Running with MySQL and Redis", step by step as README.md says: .env
|    from .env.example, generate:key, migrate and seed a fresh MariaDB
|    database, `node ace build`, copy .env into build/, `npm ci --omit=dev`
|    there (from the npm cache where it can), start `node bin/server.js` and a
|    worker (`node ace queue:work`) from build/ with NODE_ENV=production, log
|    in over HTTP with the CSRF token, start a process and move it, and see
|    the worker deliver its notifications (rows and the e-mail file).
|
| The copy's root `npm ci` is replaced by hard links to this tree's
| node_modules (same lock file; saves a minute); the install in build/ is
| real. Prints "N passed, N failed"; exit 0 = both passed.
|
| Knobs: DEPLOY_TIMEOUT_SECONDS (hard limit, 720), DEPLOY_KEEP=1 (keep the
| copy), DB_HOST/DB_PORT/DB_USER/DB_PASSWORD, REDIS_HOST/REDIS_PORT.
|
*/
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import mysql from 'mysql2/promise'
import { exitOf } from '#tests/helpers/children'
import { waitUntil } from '#tests/helpers/wait'
import { freePort } from '#tests/helpers/redis_server'
import { HttpSession } from '#tests/helpers/http_session'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DIR = join(ROOT, 'tmp', `deploy-${process.pid}`)
const APP = join(DIR, 'app')
const BUILD = join(APP, 'build')
const TIMEOUT_MS = Number(process.env.DEPLOY_TIMEOUT_SECONDS || 720) * 1000
const STARTED = performance.now()
const DATABASE = `stageflow_deploy_test_${process.pid}`
const DB = {
  host: process.env.DB_HOST || '127.0.0.1',
  port: Number(process.env.DB_PORT || 3306),
  user: process.env.DB_USER || 'root',
  password: process.env.DB_PASSWORD || '',
}
const REDIS = {
  host: process.env.REDIS_HOST || '127.0.0.1',
  port: process.env.REDIS_PORT || '6379',
}

const log = (line: string) =>
  console.log(`[deploy +${((performance.now() - STARTED) / 1000).toFixed(1)}s] ${line}`)

/**
 * What a user's shell has, and nothing of this run's own settings: the app
 * must find its configuration where the README says.
 */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TERM', 'CI', 'NO_COLOR', 'XDG_CACHE_HOME']
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' }
  for (const name of [...keep, 'STAGEFLOW_NODE24_DIR']) {
    if (process.env[name] !== undefined) env[name] = process.env[name]
  }
  return { ...env, ...extra }
}

/** Runs one README command in `cwd`; its output goes to the log. */
function step(cwd: string, command: string, args: string[], env = userEnv()) {
  const started = performance.now()
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 })
  const took = ((performance.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    throw new Error(
      `"${command} ${args.join(' ')}" in ${cwd} failed (exit ${result.status ?? result.signal ?? result.error?.message}):\n${(result.stdout + result.stderr).slice(-3000)}`
    )
  }
  log(`${[command, ...args].join(' ')}: ok (${took}s)`)
  return result.stdout
}

/**
 * A long-running command in its own process group, so that stopping it
 * reaches what it started too (`npm start` runs a re-run under Node 24,
 * which runs the server).
 */
class Service {
  child: ChildProcess
  output = ''
  constructor(
    readonly name: string,
    command: string,
    args: string[],
    cwd: string,
    env: NodeJS.ProcessEnv
  ) {
    this.child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-200_000)
    }
    this.child.stdout!.on('data', keep)
    this.child.stderr!.on('data', keep)
    process.once('exit', () => this.signal('SIGKILL'))
  }
  get running() {
    return this.child.exitCode === null && this.child.signalCode === null
  }
  alive() {
    if (!this.running) throw new Error(`${this.name} exited:\n${this.output.slice(-3000)}`)
    return true
  }
  signal(signal: NodeJS.Signals) {
    try {
      process.kill(-this.child.pid!, signal)
    } catch {}
  }
  /** The signal to the group; SIGKILL to it when the command is still running after 15 s. */
  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    const exited = exitOf(this.child)
    this.signal(signal)
    const timer = setTimeout(() => this.signal('SIGKILL'), 15_000)
    const result = await exited
    clearTimeout(timer)
    this.signal('SIGKILL') // whatever of the group outlived its leader
    return result
  }
}

const services: Service[] = []
const TESTS = 2
const results: { name: string; error?: string }[] = []
const check = (ok: unknown, what: string) => {
  if (!ok) throw new Error(what)
}

/* ------------------------------------------------------------------ */
/* The copy                                                             */
/* ------------------------------------------------------------------ */

function freshCopy() {
  rmSync(DIR, { recursive: true, force: true })
  // In place of a clone and the root `npm ci`: the same files and lock file, node_modules hard-linked.
  const copied = execFileSync(
    process.execPath,
    [join(ROOT, 'bin', 'copy_checkout.js'), APP, '--link-node-modules'],
    { cwd: ROOT, encoding: 'utf8' }
  )
  log(copied.trim())
}

/* ------------------------------------------------------------------ */
/* 1. Quick start                                                       */
/* ------------------------------------------------------------------ */

function majorOf(node: string) {
  const probe = spawnSync(node, ['--version'], { encoding: 'utf8' })
  return Number(/^v(\d+)/.exec(probe.stdout ?? '')?.[1] ?? 0)
}

async function quickStart() {
  const candidate = process.env.DEPLOY_OLD_NODE || '/usr/bin/node'
  const oldNode = existsSync(candidate) && majorOf(candidate) < 24 ? candidate : null
  const node = oldNode ?? process.execPath
  // A machine whose only Node is the old one: no other node on PATH.
  const path = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => entry && !existsSync(join(entry, 'node')))
  const env = userEnv({ PATH: [dirname(node), ...path].join(delimiter) })
  const port = await freePort()
  log(`quick start: ${node} bin/start.js (Node ${majorOf(node)}), PORT=${port}`)

  const start = new Service('npm start', node, ['bin/start.js'], APP, {
    ...env,
    PORT: String(port),
  })
  services.push(start)
  const url = `http://127.0.0.1:${port}`
  await waitUntil(() => start.alive() && start.output.includes('Stageflow is running at'), {
    timeoutMs: 300_000,
    intervalMs: 500,
    message: () => `npm start to announce the app:\n${start.output.slice(-3000)}`,
  })
  const live = await fetch(`${url}/health/live`)
  const lines = start.output.split('\n')
  log(
    `quick start output:\n    ${lines.filter((l) => /Node|running at|HTTP server/.test(l)).join('\n    ')}`
  )

  check(live.ok, `GET ${url}/health/live answered ${live.status}`)
  check(
    start.output.includes(`Stageflow is running at ${url}\n`),
    `the banner does not name ${url}`
  )
  if (oldNode) {
    check(
      lines.some((l) => /^Node v\d+\.\S+ is older than 24: running under Node v24\./.test(l)),
      'no one-line notice of the re-run under Node 24'
    )
  } else {
    log('no Node older than 24 on this machine: the re-run under Node 24 is not exercised')
  }
  const started = lines.find((l) => l.includes(`started HTTP server on 127.0.0.1:${port}`))
  check(
    started && !started.trimStart().startsWith('{'),
    `the server log is not human-readable: ${started}`
  )
  check(!lines.some((l) => l.startsWith('{"level"')), 'npm start printed JSON log lines')
  check(existsSync(join(APP, 'tmp', 'db.sqlite3')), 'no SQLite database under tmp/')

  const { code, signal } = await start.stop('SIGINT')
  log(`quick start stopped (exit ${code ?? signal})`)
}

/* ------------------------------------------------------------------ */
/* 2. Running with MySQL and Redis                                      */
/* ------------------------------------------------------------------ */

function setEnvFile(file: string, values: Record<string, string>) {
  let text = readFileSync(file, 'utf8')
  for (const [name, value] of Object.entries(values)) {
    const line = `${name}=${value}`
    text = new RegExp(`^${name}=.*$`, 'm').test(text)
      ? text.replace(new RegExp(`^${name}=.*$`, 'm'), line)
      : `${text}\n${line}\n`
  }
  writeFileSync(file, text)
}

async function mysqlAndRedis(admin: mysql.Connection) {
  const node = process.execPath
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`

  // cp .env.example .env; node ace generate:key; then the settings the README names.
  writeFileSync(join(APP, '.env'), readFileSync(join(APP, '.env.example')))
  step(APP, node, ['ace', 'generate:key'])
  check(/^APP_KEY=\S{32,}$/m.test(readFileSync(join(APP, '.env'), 'utf8')), 'no APP_KEY in .env')
  setEnvFile(join(APP, '.env'), {
    PORT: String(port),
    APP_URL: url,
    DB_CONNECTION: 'mysql',
    DB_HOST: DB.host,
    DB_PORT: String(DB.port),
    DB_USER: DB.user,
    DB_PASSWORD: DB.password,
    DB_DATABASE: DATABASE,
    REDIS_HOST: REDIS.host,
    REDIS_PORT: REDIS.port,
    // This run's own queue keys in a Redis other runs share.
    QUEUE_PREFIX: `sf-deploy-${process.pid}`,
  })
  await admin.query(
    `CREATE DATABASE \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
  )
  log(`created the empty database ${DATABASE}`)

  try {
    step(APP, node, ['ace', 'migration:run', '--force'])
  } catch (error) {
    // Lucid takes MySQL's migration lock (GET_LOCK) on one pooled connection
    // and may release it on another; the migrations are done, and running
    // the command again (as a user would) finds nothing left and ends clean.
    if (!/unable to release database lock/.test((error as Error).message)) throw error
    log(
      'migration:run: "Migration completed, but unable to release database lock"; running it again'
    )
    step(APP, node, ['ace', 'migration:run', '--force'])
  }
  step(APP, node, ['ace', 'db:seed'])
  step(APP, node, ['ace', 'build'])
  check(!existsSync(join(BUILD, '.env')), 'build/ unexpectedly has a .env')
  writeFileSync(join(BUILD, '.env'), readFileSync(join(APP, '.env')))
  step(BUILD, 'npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'])

  const production = userEnv({ NODE_ENV: 'production' })
  const server = new Service('server', node, ['bin/server.js'], BUILD, production)
  services.push(server)
  await waitUntil(async () => server.alive() && fetch(`${url}/health/ready`).then((r) => r.ok), {
    timeoutMs: 90_000,
    intervalMs: 500,
    message: () => `the server to be ready:\n${server.output.slice(-3000)}`,
  })
  const startedLine = server.output.split('\n').find((l) => l.includes('started HTTP server'))
  check(
    startedLine && JSON.parse(startedLine).msg === `started HTTP server on 127.0.0.1:${port}`,
    `production logs are not JSON lines: ${startedLine}`
  )
  log(`server ready at ${url} (production, JSON logs)`)

  const manager = new HttpSession(url)
  await manager.login('manager@stageflow.test', 'stageflow-demo')
  const [[member]] = (await admin.query(
    `SELECT id FROM \`${DATABASE}\`.users WHERE email = 'member@stageflow.test'`
  )) as any
  const title = `deploy check ${process.pid}`
  const created = await manager.request('POST', '/processes', {
    workflow: 'support-ticket',
    title,
    assignee: member.id,
    data: { customer_email: 'customer@example.com', severity: 'high' },
  })
  const id = Number(created.location?.match(/\/processes\/(\d+)$/)?.[1])
  check(
    created.status === 302 && id,
    `starting a process answered ${created.status} → ${created.location}`
  )
  const moved = await manager.request(
    'POST',
    `/processes/${id}/transitions`,
    { transition: 'start_work', expectedVersion: 1 },
    `/processes/${id}`
  )
  check(moved.status === 302, `the transition answered ${moved.status}`)
  log(`signed in as manager, started process ${id} and moved it (start_work)`)

  const worker = new Service('worker', node, ['ace', 'queue:work'], BUILD, production)
  services.push(worker)
  const delivered = await waitUntil(
    async () => {
      worker.alive()
      const [rows] = (await admin.query(
        `SELECT kind, channel, status FROM \`${DATABASE}\`.notifications
          WHERE process_id = ? AND user_id = ? ORDER BY kind, channel`,
        [id, member.id]
      )) as any
      const done = rows.filter((r: any) => r.status === 'delivered')
      return done.length >= 3 ? done : false
    },
    {
      timeoutMs: 60_000,
      intervalMs: 500,
      message: () => `the worker to deliver the notifications:\n${worker.output.slice(-3000)}`,
    }
  )
  const got = delivered.map((r: any) => `${r.kind}/${r.channel}`).join(', ')
  check(got === 'assigned/email, assigned/in_app, moved/in_app', `delivered: ${got}`)
  const mails = readdirSync(join(BUILD, 'tmp', 'mail')).map((f) =>
    readFileSync(join(BUILD, 'tmp', 'mail', f), 'utf8')
  )
  check(
    mails.some((m) => m.includes('member@stageflow.test') && m.includes(title)),
    'no e-mail file for the assignee under build/tmp/mail'
  )
  check(
    worker.output
      .split('\n')
      .some((l) => l.includes('"job":"deliver_notifications"') && l.includes('job completed')),
    'the worker did not log delivering the notifications'
  )
  log(`the worker delivered: ${got}; e-mail file written`)

  for (const service of [worker, server]) {
    const { code, signal } = await service.stop()
    log(`${service.name} stopped on SIGTERM (exit ${code ?? signal})`)
  }
}

/* ------------------------------------------------------------------ */

const timeout = setTimeout(async () => {
  console.error(`\ndeploy test: timed out after ${TIMEOUT_MS / 1000}s; stopping everything`)
  for (const s of services) console.error(`--- ${s.name} (last output)\n${s.output.slice(-1500)}`)
  await cleanup()
  const passed = results.filter((r) => !r.error).length
  console.log(`${passed} passed, ${TESTS - passed} failed`)
  process.exit(1)
}, TIMEOUT_MS)

let admin: mysql.Connection | null = null
async function cleanup() {
  await Promise.allSettled(services.map((s) => s.stop('SIGKILL')))
  await admin?.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``).catch(() => {})
  await admin?.end().catch(() => {})
  if (!process.env.DEPLOY_KEEP) rmSync(DIR, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await cleanup()
    process.exit(130)
  })
}

async function test(name: string, body: () => Promise<void>) {
  log(`--- ${name}`)
  try {
    await body()
    results.push({ name })
  } catch (error) {
    results.push({ name, error: (error as Error).stack ?? String(error) })
  }
  await Promise.allSettled(services.splice(0).map((s) => s.stop('SIGKILL')))
}

try {
  freshCopy()
  admin = await mysql.createConnection(DB)
  await test('quick start (npm start) on a fresh clone', quickStart)
  await test('README "Running with MySQL and Redis", step by step', () => mysqlAndRedis(admin!))
} catch (error) {
  results.push({ name: 'set-up', error: (error as Error).stack ?? String(error) })
}
await cleanup()
clearTimeout(timeout)

const failed = results.filter((r) => r.error)
console.log(`\n=== deploy summary (${((performance.now() - STARTED) / 1000).toFixed(1)}s)`)
for (const r of results)
  console.log(`  ${r.error ? '✖' : '✔'} ${r.name}${r.error ? `\n${r.error}` : ''}`)
console.log(`${results.length - failed.length} passed, ${failed.length} failed`)
process.exit(failed.length ? 1 : 0)
