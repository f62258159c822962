/*
|--------------------------------------------------------------------------
| Shared parts of the page benchmarks (bench:pages, bench:scale)
|--------------------------------------------------------------------------
|
| The production server started as a child process, a signed-in cookie
| session timing pages over loopback, the raw mysql2 baseline, and the
| set-based multiplication of seeded processes (INSERT … SELECT).
|
*/
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import type mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2/promise'

export const ROOT = fileURLToPath(new URL('../', import.meta.url))

export type Sample = { ttfb: number; total: number }

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
export const ms = (value: number) => `${value.toFixed(1)} ms`

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export function step(label: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
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

export type MultiplyOptions = {
  /** Copy every event of the original (default: only its "started" event). */
  wholeHistory?: boolean
  /** Per-process tables (keyed by process_id) whose rows are copied too. */
  alsoCopy?: string[]
  /** Distinguishes the references of separate calls on one database. */
  tag?: string
}

/**
 * Copies every column of the seeded processes except the unique ones,
 * doubling the table until it holds `target` rows; each copy gets the
 * original's "started" event (or its whole history), so the event table
 * grows with it, and the rows of `alsoCopy` (search index, projections).
 */
export async function multiply(
  db: mysql.Connection,
  database: string,
  target: number,
  options: MultiplyOptions = {}
) {
  const columns = async (table: string) => {
    const [rows] = await db.query<RowDataPacket[]>(
      'SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
      [database, table]
    )
    return rows.map((r) => String(r.name))
  }
  const allProcessColumns = await columns('processes')
  const processColumns = allProcessColumns.filter(
    (c) =>
      ![
        'id',
        'reference',
        'title',
        'idempotency_key',
        // Copies are top-level: (parent_id, parent_sequence, parent_index) is unique.
        'parent_id',
        'parent_sequence',
        'parent_index',
      ].includes(c)
  )
  const eventColumns = await columns('process_events')
  const children: { table: string; columns: string[]; where: string }[] = [
    {
      table: 'process_events',
      columns: eventColumns.filter((c) => !['id', 'process_id', 'idempotency_key'].includes(c)),
      where: options.wholeHistory ? '' : 'AND e.sequence = 1',
    },
  ]
  for (const table of options.alsoCopy ?? []) {
    const tableColumns = await columns(table)
    children.push({
      table,
      columns: tableColumns.filter((c) => !['id', 'process_id'].includes(c)),
      where: '',
    })
  }
  const tag = options.tag ?? ''
  let round = 0
  for (;;) {
    const [[{ total }]] = await db.query<RowDataPacket[]>('SELECT COUNT(*) AS total FROM processes')
    if (Number(total) >= target) return Number(total)
    if (Number(total) === 0) throw new Error('the seeders created no process to multiply')
    round++
    const mark = `B${tag}${round}-`
    const missing = target - Number(total)
    const [[{ maxId }]] = await db.query<RowDataPacket[]>('SELECT MAX(id) AS maxId FROM processes')
    await db.query(
      `INSERT INTO processes (${processColumns.join(', ')}, reference, title)
       SELECT ${processColumns.map((c) => `p.${c}`).join(', ')},
              CONCAT(?, LPAD(p.id, 7, '0')), CONCAT(p.title, ' (copy ', ?, ')')
       FROM processes p ORDER BY p.id LIMIT ?`,
      [mark, `${tag}${round}`, missing]
    )
    for (const child of children) {
      await db.query(
        `INSERT INTO ${child.table} (process_id, ${child.columns.join(', ')})
         SELECT p.id, ${child.columns.map((c) => `e.${c}`).join(', ')}
         FROM processes p
         JOIN processes original ON original.workflow_id = p.workflow_id
          AND p.reference = CONCAT(?, LPAD(original.id, 7, '0'))
         JOIN ${child.table} e ON e.process_id = original.id ${child.where}
         WHERE p.id > ?`,
        [mark, maxId]
      )
    }
  }
}

/** Drops `name` and creates it empty (utf8mb4, as the app's migrations expect). */
export async function recreateDatabase(connection: mysql.Connection, name: string) {
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``)
  await connection.query(
    `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
  )
}

/** A cookie jar of one, enough for the session and XSRF cookies. */
export class Session {
  cookies = new Map<string, string>()
  constructor(readonly base: string) {}

  remember(response: Response) {
    for (const line of response.headers.getSetCookie()) this.rememberLine(line)
  }

  rememberLine(line: string) {
    const [pair] = line.split(';')
    const index = pair!.indexOf('=')
    this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1))
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

  /**
   * Signs in and reads the assets version from the list page: the headers
   * of an Inertia visit (JSON answers) for this server.
   */
  async signInForVisits(email: string, password: string) {
    await this.signIn(email, password)
    const landing = await this.request('/processes')
    const html = await landing.text()
    const version =
      html.match(/&quot;version&quot;:&quot;([^&]*)&quot;/)?.[1] ??
      html.match(/"version":"([^"]*)"/)?.[1] ??
      ''
    return {
      'x-inertia': 'true',
      'x-inertia-version': version,
      'accept': 'text/html, application/xhtml+xml',
    }
  }
}

/**
 * The measured visits go through node:http on one kept-alive socket, as
 * the raw baseline's statements go through one pooled mysql2 connection:
 * fetch (undici) costs the measuring process ~0.3–0.6 ms more per request
 * on this 2-core machine, time neither the server nor the database spends.
 * BENCH_CLIENT=fetch measures through fetch, as sessions up to 11 did.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
const VIA_FETCH = process.env.BENCH_CLIENT === 'fetch'

function visit(session: Session, path: string, headers: Record<string, string>) {
  const url = new URL(path, session.base)
  return new Promise<{ status: number; ttfb: number; body: string }>((resolve, reject) => {
    const started = performance.now()
    const request = http.request(
      url,
      { agent, headers: { cookie: session.header(), ...headers } },
      (response) => {
        const ttfb = performance.now() - started
        for (const line of response.headers['set-cookie'] ?? []) session.rememberLine(line)
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            ttfb,
            body: Buffer.concat(chunks).toString('utf8'),
          })
        )
        response.on('error', reject)
      }
    )
    request.on('error', reject)
    request.end()
  })
}

export async function timePage(session: Session, path: string, headers: Record<string, string>) {
  const started = performance.now()
  let status: number
  let ttfb: number
  let body: string
  if (VIA_FETCH) {
    const response = await session.request(path, { headers })
    ttfb = performance.now() - started
    body = await response.text()
    status = response.status
  } else {
    ;({ status, ttfb, body } = await visit(session, path, headers))
  }
  const total = performance.now() - started
  if (status !== 200) throw new Error(`${path} answered ${status}: ${body.slice(0, 300)}`)
  return { ttfb, total, bytes: body.length }
}

/** Closes the measuring client's kept-alive socket (a finished bench then exits at once). */
export function closeClient() {
  agent.destroy()
}

export async function timeRaw(pool: mysql.Pool, statements: [string, unknown[]][]) {
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

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 1/100 s. */
const CLOCK_TICKS = 100

export function startServer(env: NodeJS.ProcessEnv) {
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
    /**
     * CPU time the server has used so far (user + system, ms) from
     * /proc/<pid>/stat — Linux only, 10 ms resolution; null elsewhere.
     * The difference over a page's requests is its CPU cost per request,
     * which the machine's load moves far less than wall-clock times.
     */
    cpuMs: (): number | null => {
      try {
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
        // Fields after the command name (which may contain spaces): utime is the 14th, stime the 15th.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
      } catch {
        return null
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
      }),
  }
}

/** The statements a hand-written process page runs: the process, its history, people, definition. */
export function processStatements(processId: number): [string, unknown[]][] {
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
