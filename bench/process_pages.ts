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
| assets) on a free loopback port. BENCH_KEEP=1 keeps the database at the
| end, and reuses one so kept (no migrate, seed or multiply). It signs in through the login form, then
| requests each page BENCH_REQUESTS times, one at a time, measuring time to
| first byte and total time (last byte) on the client over loopback —
| and, alternating in the same run, a raw mysql2 baseline that runs the same
| SQL statements the page needs and returns the same rows.
|
| Prints p50/p95 of both and the ratio of the p95s (target: under 4×).
| See docs/benchmarks.md.
|
*/
import { randomBytes } from 'node:crypto'
import { cpus, loadavg } from 'node:os'
import mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2/promise'
import {
  freePort,
  ms,
  multiply,
  percentile,
  processStatements,
  recreateDatabase,
  Session,
  startServer,
  step,
  timePage,
  closeClient,
  timeRaw,
  type Sample,
} from './pages_kit.js'

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
const KEEP = process.env.BENCH_KEEP === '1'

/** The processes of an existing bench database (0 when it does not exist or is not migrated). */
async function processCount(connection: mysql.Connection) {
  try {
    const [[row]] = await connection.query<RowDataPacket[]>(
      `SELECT COUNT(*) AS total FROM \`${DATABASE}\`.processes`
    )
    return Number(row!.total)
  } catch {
    return 0
  }
}
if (!/bench/.test(DATABASE)) {
  throw new Error(`Refusing to reset "${DATABASE}": the name must contain "bench".`)
}

async function main() {
  console.log(
    `Process pages at ${PROCESSES.toLocaleString('en')} processes: ${REQUESTS} requests per page, MariaDB ${DATABASE}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`
  )
  const admin = await mysql.createConnection(server)
  // BENCH_KEEP=1: a database left by an earlier BENCH_KEEP run with enough processes is reused
  // (no migrate, seed or multiply), and this run leaves it in place too.
  const reuse = KEEP && (await processCount(admin)) >= PROCESSES
  if (!reuse) {
    await recreateDatabase(admin, DATABASE)
  }
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
  if (!reuse) {
    step('migrate', 'node', ['ace', 'migration:run', '--force'], env)
    // Demo seeders run outside production only.
    step('seed the demo content', 'node', ['ace', 'db:seed'], { ...env, NODE_ENV: 'development' })
  }
  step('build the UI', 'npx', ['vite', 'build', '--logLevel', 'error'], env)

  const db = await mysql.createConnection({ ...server, database: DATABASE })
  if (reuse) {
    console.log(`  reusing ${DATABASE} (BENCH_KEEP)`)
  } else {
    process.stdout.write(`  multiply the processes to ${PROCESSES.toLocaleString('en')}… `)
    const multiplyStarted = performance.now()
    const total = await multiply(db, DATABASE, PROCESSES)
    const [[{ events }]] = await db.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS events FROM process_events'
    )
    await db.query('ANALYZE TABLE processes, process_events')
    console.log(
      `${((performance.now() - multiplyStarted) / 1000).toFixed(1)} s (${total.toLocaleString('en')} processes, ${Number(events).toLocaleString('en')} events)`
    )
  }

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
    const inertia = await session.signInForVisits(VIEWER, 'stageflow-demo')

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
      const cpuBefore = app.cpuMs()
      for (let i = 0; i < REQUESTS; i++) {
        const measured = await timePage(session, page.path, page.inertia ? inertia : {})
        bytes = measured.bytes
        served.push(measured)
        raw.push(await timeRaw(pool, await page.raw(pool)))
      }
      const cpuAfter = app.cpuMs()
      const cpu =
        cpuBefore === null || cpuAfter === null
          ? 'n/a'
          : `${((cpuAfter - cpuBefore) / REQUESTS).toFixed(2)} ms`
      const p = (list: Sample[], key: keyof Sample, n: number) =>
        percentile(
          list.map((s) => s[key]),
          n
        )
      const ratio = p(served, 'total', 95) / p(raw, 'total', 95)
      rows.push(
        `| ${page.label} | ${ms(p(served, 'ttfb', 50))} / ${ms(p(served, 'ttfb', 95))} | ${ms(p(served, 'total', 50))} / ${ms(p(served, 'total', 95))} | ${ms(p(raw, 'total', 50))} / ${ms(p(raw, 'total', 95))} | ${ratio.toFixed(2)}× ${ratio < 4 ? '(met)' : '(NOT met)'} | ${cpu} | ${(bytes / 1024).toFixed(0)} KiB |`
      )
      console.log(`  ${page.label}: done`)
    }

    console.log(`
| page | TTFB p50 / p95 | total p50 / p95 | raw mysql2 p50 / p95 | p95 ratio (target < 4×) | server CPU / request | response |
| ---- | -------------: | --------------: | -------------------: | ----------------------- | -------------------: | -------: |
${rows.join('\n')}

Raw baseline: the same SQL statements the page runs (pagination count and page, preloads, the
definition of the version shown), one after another on one pooled mysql2 connection.
Server CPU / request: the server process's user + system CPU time over the page's measured
requests (/proc/<pid>/stat, 10 ms ticks), divided by their number.
Process page subject: process ${subject!.id} with ${subject!.events} events.`)
  } finally {
    await pool.end()
    await app.stop()
    closeClient()
    if (!KEEP) {
      const cleanup = await mysql.createConnection(server)
      await cleanup.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``)
      await cleanup.end()
    }
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

await main()
