/*
|--------------------------------------------------------------------------
| Benchmark: process list and process page at 100,000 processes (MariaDB)
|--------------------------------------------------------------------------
|
|   npm run bench:pages
|
| Builds a database of its own (DB_DATABASE, default stageflow_pages_bench;
| the name must contain "bench": it is dropped and created again), migrates
| and seeds it with the demo content, multiplies the processes to
| BENCH_PROCESSES (100,000) with set-based INSERT … SELECT, builds the UI
| and starts the app as production runs it (NODE_ENV=production, compiled
| assets) on a free loopback port. It signs in through the login form, then
| requests each page BENCH_REQUESTS times, one at a time, measuring time to
| first byte and total time (last byte) on the client over loopback —
| and, alternating in the same run, a raw mysql2 baseline that runs the same
| SQL statements the page needs and returns the same rows.
|
| Prints p50/p95 of both and the ratio of the p95s (target: under 4×).
| See docs/benchmarks.md.
|
*/
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2/promise'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}
const PROCESSES = setting('BENCH_PROCESSES', 100_000)
const REQUESTS = setting('BENCH_REQUESTS', 200)
const DATABASE = process.env.DB_DATABASE || 'stageflow_pages_bench'
/** Who signs in (a member sees through the workflows' access rules; the admin sees everything). */
const VIEWER = process.env.BENCH_USER || 'admin@stageflow.test'
const server = {
  host: process.env.DB_HOST || '127.0.0.1',
  port: Number(process.env.DB_PORT || 3306),
  user: process.env.DB_USER || 'root',
  password: process.env.DB_PASSWORD || '',
}
if (!/bench/.test(DATABASE)) {
  throw new Error(`Refusing to reset "${DATABASE}": the name must contain "bench".`)
}

type Sample = { ttfb: number; total: number }

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
const ms = (value: number) => `${value.toFixed(1)} ms`

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

function step(label: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const started = performance.now()
  process.stdout.write(`  ${label}… `)
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8' })
  if (result.status !== 0) {
    console.log('failed')
    console.error(result.stdout, result.stderr)
    throw new Error(`${command} ${args.join(' ')} failed`)
  }
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`)
}

/**
 * Copies every column of the seeded processes except the unique ones,
 * doubling the table until it holds PROCESSES rows; each copy gets one
 * "started" event, so the event table grows with it.
 */
async function multiply(db: mysql.Connection) {
  const columns = async (table: string) => {
    const [rows] = await db.query<RowDataPacket[]>(
      'SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
      [DATABASE, table]
    )
    return rows.map((r) => String(r.name))
  }
  const allProcessColumns = await columns('processes')
  const allEventColumns = await columns('process_events')
  const processColumns = allProcessColumns.filter(
    (c) => !['id', 'reference', 'title', 'idempotency_key'].includes(c)
  )
  const eventColumns = allEventColumns.filter(
    (c) => !['id', 'process_id', 'idempotency_key'].includes(c)
  )
  let round = 0
  for (;;) {
    const [[{ total }]] = await db.query<RowDataPacket[]>('SELECT COUNT(*) AS total FROM processes')
    if (Number(total) >= PROCESSES) return Number(total)
    if (Number(total) === 0) throw new Error('the seeders created no process to multiply')
    round++
    const missing = PROCESSES - Number(total)
    const [[{ maxId }]] = await db.query<RowDataPacket[]>('SELECT MAX(id) AS maxId FROM processes')
    await db.query(
      `INSERT INTO processes (${processColumns.join(', ')}, reference, title)
       SELECT ${processColumns.map((c) => `p.${c}`).join(', ')},
              CONCAT('B', ?, '-', LPAD(p.id, 7, '0')), CONCAT(p.title, ' (copy ', ?, ')')
       FROM processes p ORDER BY p.id LIMIT ?`,
      [round, round, missing]
    )
    await db.query(
      `INSERT INTO process_events (process_id, ${eventColumns.join(', ')})
       SELECT p.id, ${eventColumns.map((c) => `e.${c}`).join(', ')}
       FROM processes p
       JOIN processes original ON original.workflow_id = p.workflow_id
        AND p.reference = CONCAT('B', ?, '-', LPAD(original.id, 7, '0'))
       JOIN process_events e ON e.process_id = original.id AND e.sequence = 1
       WHERE p.id > ?`,
      [round, maxId]
    )
  }
}

/** A cookie jar of one, enough for the session and XSRF cookies. */
class Session {
  cookies = new Map<string, string>()
  constructor(readonly base: string) {}

  remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const index = pair!.indexOf('=')
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1))
    }
  }

  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async request(path: string, init: RequestInit = {}) {
    const response = await fetch(this.base + path, {
      redirect: 'manual',
      ...init,
      headers: { cookie: this.header(), ...(init.headers as Record<string, string>) },
    })
    this.remember(response)
    return response
  }

  async signIn(email: string, password: string) {
    const form = await this.request('/login')
    await form.text()
    const xsrf = decodeURIComponent(this.cookies.get('XSRF-TOKEN') ?? '')
    const response = await this.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xsrf-token': xsrf },
      body: JSON.stringify({ email, password }),
    })
    await response.text()
    if (response.status !== 302) throw new Error(`sign-in answered ${response.status}`)
  }
}

async function timePage(session: Session, path: string, headers: Record<string, string>) {
  const started = performance.now()
  const response = await session.request(path, { headers })
  const ttfb = performance.now() - started
  const body = await response.text()
  const total = performance.now() - started
  if (response.status !== 200)
    throw new Error(`${path} answered ${response.status}: ${body.slice(0, 300)}`)
  return { ttfb, total, bytes: body.length }
}

async function timeRaw(pool: mysql.Pool, statements: [string, unknown[]][]) {
  const started = performance.now()
  const connection = await pool.getConnection()
  try {
    let ttfb = 0
    for (const [sql, params] of statements) {
      await connection.query(sql, params)
      ttfb ||= performance.now() - started
    }
  } finally {
    connection.release()
  }
  const total = performance.now() - started
  return { ttfb: total, total }
}

async function main() {
  console.log(
    `Process pages at ${PROCESSES.toLocaleString('en')} processes: ${REQUESTS} requests per page, MariaDB ${DATABASE}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`
  )
  const admin = await mysql.createConnection(server)
  await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``)
  await admin.query(
    `CREATE DATABASE \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
  )
  await admin.end()

  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TZ: 'UTC',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    APP_KEY: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
    DB_CONNECTION: 'mysql',
    DB_HOST: server.host,
    DB_PORT: String(server.port),
    DB_USER: server.user,
    DB_PASSWORD: server.password,
    DB_DATABASE: DATABASE,
    REDIS_HOST: '',
    REDIS_CLUSTER_NODES: '',
    SESSION_DRIVER: 'cookie',
    LIMITER_STORE: 'memory',
    QUEUE_DRIVER: 'memory',
  }
  console.log('Setting up:')
  step('migrate', 'node', ['ace', 'migration:run', '--force'], env)
  // Demo seeders run outside production only.
  step('seed the demo content', 'node', ['ace', 'db:seed'], { ...env, NODE_ENV: 'development' })
  step('build the UI', 'npx', ['vite', 'build', '--logLevel', 'error'], env)

  const db = await mysql.createConnection({ ...server, database: DATABASE })
  process.stdout.write(`  multiply the processes to ${PROCESSES.toLocaleString('en')}… `)
  const multiplyStarted = performance.now()
  const total = await multiply(db)
  const [[{ events }]] = await db.query<RowDataPacket[]>(
    'SELECT COUNT(*) AS events FROM process_events'
  )
  await db.query('ANALYZE TABLE processes, process_events')
  console.log(
    `${((performance.now() - multiplyStarted) / 1000).toFixed(1)} s (${total.toLocaleString('en')} processes, ${Number(events).toLocaleString('en')} events)`
  )

  // The seeded process with the longest history: the heaviest process page.
  // (Signed in as someone else than the admin: among workflows open to everyone.)
  const [[subject]] = await db.query<RowDataPacket[]>(
    `SELECT e.process_id AS id, COUNT(*) AS events FROM process_events e
     JOIN processes p ON p.id = e.process_id JOIN workflows w ON w.id = p.workflow_id
     ${VIEWER === 'admin@stageflow.test' ? '' : 'WHERE w.access IS NULL'}
     GROUP BY e.process_id ORDER BY COUNT(*) DESC, e.process_id LIMIT 1`
  )
  await db.end()

  const app = startServer(env)
  const pool = mysql.createPool({ ...server, database: DATABASE, connectionLimit: 2 })
  try {
    await app.ready
    const session = new Session(`http://127.0.0.1:${port}`)
    await session.signIn(VIEWER, 'stageflow-demo')
    const first = await session.request('/processes')
    const html = await first.text()
    const version =
      html.match(/&quot;version&quot;:&quot;([^&]*)&quot;/)?.[1] ??
      html.match(/"version":"([^"]*)"/)?.[1] ??
      ''
    const inertia = {
      'x-inertia': 'true',
      'x-inertia-version': version,
      'accept': 'text/html, application/xhtml+xml',
    }

    const [admins] = await pool.query<RowDataPacket[]>('SELECT id FROM users WHERE email = ?', [
      VIEWER,
    ])
    const pages = pageSpecs(Number(subject!.id), Number(admins[0]!.id))

    const rows: string[] = []
    for (const page of pages) {
      // Warm-up: both sides, 20 requests each.
      for (let i = 0; i < 20; i++) {
        await timePage(session, page.path, page.inertia ? inertia : {})
        await timeRaw(pool, await page.raw(pool))
      }
      const served: Sample[] = []
      const raw: Sample[] = []
      let bytes = 0
      for (let i = 0; i < REQUESTS; i++) {
        const measured = await timePage(session, page.path, page.inertia ? inertia : {})
        bytes = measured.bytes
        served.push(measured)
        raw.push(await timeRaw(pool, await page.raw(pool)))
      }
      const p = (list: Sample[], key: keyof Sample, n: number) =>
        percentile(
          list.map((s) => s[key]),
          n
        )
      const ratio = p(served, 'total', 95) / p(raw, 'total', 95)
      rows.push(
        `| ${page.label} | ${ms(p(served, 'ttfb', 50))} / ${ms(p(served, 'ttfb', 95))} | ${ms(p(served, 'total', 50))} / ${ms(p(served, 'total', 95))} | ${ms(p(raw, 'total', 50))} / ${ms(p(raw, 'total', 95))} | ${ratio.toFixed(2)}× ${ratio < 4 ? '(met)' : '(NOT met)'} | ${(bytes / 1024).toFixed(0)} KiB |`
      )
      console.log(`  ${page.label}: done`)
    }

    console.log(`
| page | TTFB p50 / p95 | total p50 / p95 | raw mysql2 p50 / p95 | p95 ratio (target < 4×) | response |
| ---- | -------------: | --------------: | -------------------: | ----------------------- | -------: |
${rows.join('\n')}

Raw baseline: the same SQL statements the page runs (pagination count and page, preloads, the
definition of the version shown), one after another on one pooled mysql2 connection.
Process page subject: process ${subject!.id} with ${subject!.events} events.`)
  } finally {
    await pool.end()
    await app.stop()
    const cleanup = await mysql.createConnection(server)
    await cleanup.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``)
    await cleanup.end()
  }
}

type PageSpec = {
  label: string
  path: string
  inertia: boolean
  raw(pool: mysql.Pool): Promise<[string, unknown[]][]>
}

/**
 * The pages measured and, for each, the statements a hand-written
 * implementation would run to return the same rows.
 */
function pageSpecs(processId: number, adminId: number): PageSpec[] {
  const listStatements = async (
    pool: mysql.Pool,
    where: string,
    params: unknown[],
    order: string,
    offset: number
  ): Promise<[string, unknown[]][]> => {
    const page: [string, unknown[]] = [
      `SELECT * FROM processes ${where} ORDER BY ${order} LIMIT 20 OFFSET ${offset}`,
      params,
    ]
    const [rows] = await pool.query<RowDataPacket[]>(page[0], page[1])
    const workflows = [...new Set(rows.map((r) => r.workflow_id))]
    const versions = [...new Set(rows.map((r) => r.workflow_version_id))]
    const users = [...new Set(rows.map((r) => r.assignee_id).filter(Boolean))]
    return [
      [`SELECT COUNT(*) AS total FROM processes ${where}`, params],
      page,
      ['SELECT * FROM workflows WHERE id IN (?)', [workflows.length ? workflows : [0]]],
      ['SELECT * FROM users WHERE id IN (?)', [users.length ? users : [0]]],
      ['SELECT * FROM workflow_versions WHERE id IN (?)', [versions.length ? versions : [0]]],
      [
        'SELECT * FROM workflow_stages WHERE workflow_version_id IN (?)',
        [versions.length ? versions : [0]],
      ],
    ]
  }
  return [
    {
      label: 'list, first visit (HTML)',
      path: '/processes',
      inertia: false,
      raw: (pool) => listStatements(pool, '', [], 'updated_at DESC, id DESC', 0),
    },
    {
      label: 'list, Inertia visit',
      path: '/processes',
      inertia: true,
      raw: (pool) => listStatements(pool, '', [], 'updated_at DESC, id DESC', 0),
    },
    {
      label: 'list, filtered: active, mine, by due date',
      path: '/processes?status=active&assignee=me&sort=due_at&direction=asc',
      inertia: true,
      raw: (pool) =>
        listStatements(
          pool,
          'WHERE status = ? AND assignee_id = ?',
          ['active', adminId],
          'due_at ASC, id ASC',
          0
        ),
    },
    {
      label: 'list, page 100',
      path: '/processes?page=100',
      inertia: true,
      raw: (pool) => listStatements(pool, '', [], 'updated_at DESC, id DESC', 99 * 20),
    },
    {
      label: 'process page, first visit (HTML)',
      path: `/processes/${processId}`,
      inertia: false,
      raw: async () => processStatements(processId),
    },
    {
      label: 'process page, Inertia visit',
      path: `/processes/${processId}`,
      inertia: true,
      raw: async () => processStatements(processId),
    },
  ]
}

function processStatements(processId: number): [string, unknown[]][] {
  return [
    ['SELECT * FROM processes WHERE id = ?', [processId]],
    ['SELECT * FROM process_events WHERE process_id = ? ORDER BY sequence', [processId]],
    [
      'SELECT * FROM users WHERE id IN (SELECT actor_id FROM process_events WHERE process_id = ?) OR id = (SELECT assignee_id FROM processes WHERE id = ?)',
      [processId, processId],
    ],
    [
      'SELECT v.*, s.* FROM workflow_versions v JOIN workflow_stages s ON s.workflow_version_id = v.id WHERE v.id = (SELECT workflow_version_id FROM processes WHERE id = ?)',
      [processId],
    ],
    [
      'SELECT * FROM workflow_transitions WHERE workflow_version_id = (SELECT workflow_version_id FROM processes WHERE id = ?)',
      [processId],
    ],
  ]
}

function startServer(env: NodeJS.ProcessEnv) {
  const child: ChildProcess = spawn(
    process.execPath,
    // BENCH_SERVER_FLAGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=tmp/prof".
    [
      ...(process.env.BENCH_SERVER_FLAGS?.split(/\s+/).filter(Boolean) ?? []),
      '--import=@poppinss/ts-exec',
      'bin/server.ts',
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const ready = (async () => {
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`)
      const live = await fetch(`${env.APP_URL}/health/live`).catch(() => null)
      if (live?.ok) return
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error(`server did not start within 60 s:\n${output}`)
  })()
  return {
    ready,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
      }),
  }
}

await main()
