/*
|--------------------------------------------------------------------------
| `npm test`: every suite, on a fresh test database
|--------------------------------------------------------------------------
|
| Installs dependencies if missing or stale, then runs Japa (unit,
| functional, browser; with the browser suite, against the UI built first:
| TEST_ASSETS=dev uses Vite's dev server instead). The embedded default
| (SQLite, no Redis) is used unless the environment says otherwise, e.g.
|   DB_CONNECTION=mysql DB_DATABASE=stageflow_test REDIS_HOST=127.0.0.1 npm test
| Arguments are passed to Japa: `npm test -- unit`, `npm test -- --files=auth`.
| Ends with the plain line "N passed, N failed".
|
*/
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { existsSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { ROOT, ensureDependencies, ensureTmp, requireNode24 } from './_bootstrap.js'

await requireNode24()
ensureDependencies()
ensureTmp()

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const args = process.argv.slice(2)
const wantsBrowser =
  !args.some((a) => ['unit', 'functional'].includes(a)) || args.includes('browser')
if (wantsBrowser && !existsSync(chromium)) {
  console.error(
    `The browser suite needs Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`
  )
  process.exit(1)
}

/** Resolves with the port bound on loopback (0: any free one), or null when it is taken. */
function bindable(port) {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(null))
    probe.listen(port, '127.0.0.1', () => {
      const bound = probe.address().port
      probe.close(() => resolve(bound))
    })
  })
}

/**
 * The test server's port: PORT when given, else 3334 — or, when another run
 * (or an app) already holds 3334, a free one. Two runs on one port would see
 * each other's server: a redirect back from the test OpenID provider would
 * land in the other run's app.
 */
async function testPort() {
  if (process.env.PORT) return process.env.PORT
  if (await bindable(3334)) return '3334'
  const port = String(await bindable(0))
  console.log(`Port 3334 is in use: the test server listens on ${port}.`)
  return port
}
const port = await testPort()

const env = {
  ...process.env,
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: port,
  APP_URL: process.env.APP_URL || `http://127.0.0.1:${port}`,
  APP_KEY: process.env.APP_KEY || randomBytes(32).toString('base64url'),
  LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  DB_CONNECTION: process.env.DB_CONNECTION || 'sqlite',
  SQLITE_FILE: process.env.SQLITE_FILE || 'tmp/test.sqlite3',
  REDIS_HOST: process.env.REDIS_HOST || '',
  // Japa's session helpers read the memory store; the stores themselves are framework code.
  SESSION_DRIVER: process.env.SESSION_DRIVER || 'memory',
  LIMITER_STORE: process.env.LIMITER_STORE || '',
  // The test process holds the whole suite in one heap: readiness must not turn 503 on that alone.
  HEALTH_HEAP_WARN_MB: process.env.HEALTH_HEAP_WARN_MB || '1500',
  HEALTH_HEAP_FAIL_MB: process.env.HEALTH_HEAP_FAIL_MB || '2000',
  // The tests' fake services listen on loopback: allowed here, not by weakening the egress guard.
  AUTOMATION_ALLOWED_HOSTS: process.env.AUTOMATION_ALLOWED_HOSTS ?? '127.0.0.1',
  // Queue keys of this run only, so parallel or earlier runs never meet.
  QUEUE_PREFIX: process.env.QUEUE_PREFIX || `sf-test-${process.pid}`,
  // Vite's dev server (functional suite alone, TEST_ASSETS=dev): an HMR port of this run's own.
  VITE_HMR_PORT: process.env.VITE_HMR_PORT || String(await bindable(0)),
  // The browser suite loads the production build (built below); TEST_ASSETS=dev: Vite's dev server.
  TEST_ASSETS: process.env.TEST_ASSETS || (wantsBrowser ? 'built' : 'dev'),
}

await freshDatabase(env)
buildAssets(env)

const child = spawn('node', ['ace', 'test', ...args], {
  cwd: ROOT,
  env,
  stdio: ['inherit', 'pipe', 'pipe'],
})
let output = ''
child.stdout.on('data', (chunk) => {
  output += chunk
  process.stdout.write(chunk)
})
child.stderr.on('data', (chunk) => {
  output += chunk
  process.stderr.write(chunk)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill('SIGINT'))

child.on('exit', (code) => {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '')
  const passed = Number(plain.match(/Tests\s+.*?(\d+) passed/)?.[1] ?? 0)
  const failed = Number(plain.match(/Tests\s+.*?(\d+) failed/)?.[1] ?? 0)
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(code === 0 && failed === 0 ? 0 : code || 1)
})

/**
 * With TEST_ASSETS=built, the UI is built into public/assets first (a few
 * seconds): the test server then serves it as production does, and each
 * page a browser test loads is a few files, not one request per module.
 */
function buildAssets(vars) {
  if (vars.TEST_ASSETS !== 'built') return
  const built = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
    { cwd: ROOT, env: { ...vars, NODE_ENV: 'production' }, stdio: 'inherit' }
  )
  if (built.status !== 0) {
    console.error('Building the UI for the browser suite failed (TEST_ASSETS=dev skips it).')
    process.exit(1)
  }
}

/**
 * Every run starts from an empty database: the SQLite file is removed, a
 * MySQL/MariaDB test database is dropped and created again.
 */
async function freshDatabase(vars) {
  if (vars.DB_CONNECTION === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(join(ROOT, vars.SQLITE_FILE + suffix), { force: true })
    return
  }
  const database = vars.DB_DATABASE || 'stageflow_test'
  vars.DB_DATABASE = database
  if (!/test/.test(database)) {
    console.error(`Refusing to reset "${database}": the test database name must contain "test".`)
    process.exit(1)
  }
  const mysql = await import('mysql2/promise')
  const connection = await mysql.createConnection({
    host: vars.DB_HOST || '127.0.0.1',
    port: Number(vars.DB_PORT || 3306),
    user: vars.DB_USER || 'root',
    password: vars.DB_PASSWORD || '',
  })
  await connection.query(`DROP DATABASE IF EXISTS \`${database}\``)
  await connection.query(
    `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
  )
  await connection.end()
}
