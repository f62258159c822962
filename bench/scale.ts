/*
|--------------------------------------------------------------------------
| Benchmark: pages and reports as the process count grows (MariaDB)
|--------------------------------------------------------------------------
|
|   npm run bench:scale [-- 10000,100000,1000000]
|
| Sizes from the argument or BENCH_SIZES (default 10,000 and 100,000).
| Builds a database of its own (DB_DATABASE, default stageflow_scale_bench;
| the name must contain "bench": it is dropped and created again), migrates,
| seeds the demo content, marks the purchase approval's amount searchable,
| tops every seeded process up to 10 events (comments), fills the search
| index and the stage-visits projection, then for each size, smallest first,
| multiplies the processes set-based (INSERT … SELECT: the process, its whole
| history, its search rows and its stage visits), aggregates the report
| rollups again from the whole projection, and measures, against the
| production server (NODE_ENV=production) signed in as the admin:
|
|   list (first page, a filtered page, a deep page by cursor), process page,
|   board, a data-field search, a free-text search — BENCH_REQUESTS (40)
|   Inertia visits each (node:http, one kept-alive socket; BENCH_CLIENT=fetch
|   for fetch), alternating with a raw mysql2 baseline running the
|   statements a hand-written page would (its counts capped at 10,000 as
|   the list's are: the same work, so each page request follows a pause of
|   about the same length at every size);
|   each report (ComputeReport, in this process, from the projection) —
|   BENCH_REPEATS (3) runs each, alternating with one hand-written query.
|
| Prints a table per size and the growth of each p95 (largest size over the
| smallest). BENCH_DEADLINE_SECONDS (1800) bounds the run: past it no new
| size or page starts and what was measured is printed.
|
| Each run adds its sizes to tmp/bench-scale-results.json (BENCH_RESULTS_FILE);
| bench/scale_chart.ts draws docs/scale-curve.svg from it.
|
| BENCH_ONLY=<text> measures only the pages and reports whose label holds it;
| BENCH_ALTERNATE=0 runs a page's requests, then its raw baselines, instead
| of one of each in turn (the raw runs' reads then cannot evict the page's).
|
| BENCH_IDLE_MS=<ms> pauses that long between a page's requests instead of
| running its raw baseline there (no raw figures; see IDLE_MS below).
|
| BENCH_BUFFER_POOL (default 8G: 1,000,000 processes take 6.3 GiB of data
| and indexes) is the InnoDB buffer pool the pages and reports are measured
| with, set with SET GLOBAL for the measurement and put back afterwards
| (`server` keeps the server's own). MariaDB's packaged default, 128 MiB,
| is sized for a small install, not for the 1,000,000-process database a
| server given memory for its data would hold. (It was thought to explain
| the data-field search's growth at 1,000,000; with 8 GiB that growth
| stayed: runs L and M, docs/benchmarks.md.)
|
| BENCH_INTERLEAVE=10000:db10k,100000:db100k,1000000:db1m measures the pages
| of several kept databases (one server each) in one pass, taking turns
| (BENCH_INTERLEAVE_BLOCK, 20, requests at a time), so every size sees the
| same moment of the machine: on this shared VM the CPU a request costs
| moved by up to 80 % between passes minutes apart, which a size-after-size
| run reads as growth. Pages only (reports boot the app on one database:
| measure them size by size).
|
| BENCH_KEEP=1 keeps the database; BENCH_REUSE=1 measures a kept one again
| (after new code or migrations: it runs `migration:run` and ANALYZE, and
| neither seeds nor multiplies) — only at the size it holds, so building
| 1,000,000 processes (25–40 minutes here) is paid once.
| See docs/benchmarks.md.
|
*/
process.env.TZ = 'UTC'

import 'reflect-metadata'
import { randomBytes } from 'node:crypto'
import { cpus, loadavg } from 'node:os'
import mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2/promise'
import { bootApp } from './harness.js'
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
} from './pages_kit.js'
import { recordScaleResults } from './scale_chart.js'
import { LIST_ROW_COLUMNS } from '#enums/process_list'
import type { ReportKind } from '#actions/reports/types'

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}
const SIZES = (process.argv[2] || process.env.BENCH_SIZES || '10000,100000')
  .split(',')
  .map((s) => Number(s.trim().replaceAll('_', '')))
  .sort((a, b) => a - b)
if (!SIZES.length || SIZES.some((s) => !Number.isInteger(s) || s < 1000 || s > 1_000_000)) {
  throw new Error('sizes: integers from 1,000 to 1,000,000, comma-separated')
}
const REQUESTS = setting('BENCH_REQUESTS', 40)
const REPEATS = setting('BENCH_REPEATS', 3)
// Unmeasured visits of each page (and runs of its raw SQL) first: a server answers warm, its code compiled.
const WARMUP = setting('BENCH_WARMUP', 30)
const DEADLINE = Date.now() + setting('BENCH_DEADLINE_SECONDS', 1800) * 1000
const EVENTS_PER_PROCESS = 10
const DATABASE = process.env.DB_DATABASE || 'stageflow_scale_bench'
const WORKFLOW = 'purchase-approval'
const server = {
  host: process.env.DB_HOST || '127.0.0.1',
  port: Number(process.env.DB_PORT || 3306),
  user: process.env.DB_USER || 'root',
  password: process.env.DB_PASSWORD || '',
}
if (!/bench/.test(DATABASE)) {
  throw new Error(`Refusing to reset "${DATABASE}": the name must contain "bench".`)
}
const late = () => Date.now() > DEADLINE
const REUSE = Boolean(process.env.BENCH_REUSE)
/** Only the pages and reports whose label contains this (BENCH_ONLY). */
const ONLY = process.env.BENCH_ONLY || ''
/** BENCH_ALTERNATE=0: all of a page's requests, then all its raw runs (default: one of each in turn). */
const ALTERNATE = process.env.BENCH_ALTERNATE !== '0'
/**
 * BENCH_IDLE_MS: instead of each raw baseline, a pause this long between the
 * page's requests (no raw figures). Alternating, a page request follows its
 * raw baseline's time of quiet: 0.1 s at 100,000 for the data-field search,
 * 1.4 s at 1,000,000. With the same pause at both sizes, the page's own
 * growth shows (docs/benchmarks.md, session 13).
 */
const IDLE_MS = process.env.BENCH_IDLE_MS ? setting('BENCH_IDLE_MS', 1) : 0
/** The InnoDB buffer pool to measure with, in bytes, or null to keep the server's (BENCH_BUFFER_POOL=server). */
const BUFFER_POOL = bufferPoolSetting(process.env.BENCH_BUFFER_POOL || '8G')

function bufferPoolSetting(value: string) {
  if (value === 'server') return null
  const match = /^(\d+)([MG])$/i.exec(value)
  if (!match) throw new Error('BENCH_BUFFER_POOL: a size such as 512M or 4G, or "server"')
  const bytes = Number(match[1]) * 1024 ** (match[2]!.toUpperCase() === 'G' ? 3 : 2)
  if (bytes < 128 * 1024 ** 2) throw new Error('BENCH_BUFFER_POOL: at least 128M')
  return bytes
}
if (REUSE && SIZES.length !== 1) {
  throw new Error('BENCH_REUSE measures the one size the kept database holds: give that size alone')
}

/**
 * Each workflow's reference counter as if its processes had been started
 * one by one (the copies are inserted set-based): the list reads it to
 * choose how to apply a data filter.
 */
async function countStarted(db: mysql.Connection) {
  await db.query(
    `UPDATE workflows w SET process_counter = GREATEST(process_counter,
       (SELECT COUNT(*) FROM processes p WHERE p.workflow_id = w.id))`
  )
}

/** The kept database's process count, which must be the size asked for (within 1 %: multiplying rounds up); ANALYZEd again. */
async function keptSize(db: mysql.Connection, size = SIZES[0]!, database = DATABASE) {
  const [[row]] = await db.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM processes')
  const kept = Number(row?.n ?? 0)
  if (Math.abs(kept - size) > size / 100) {
    throw new Error(
      `BENCH_REUSE: ${database} holds ${kept.toLocaleString('en')} processes, not ${size.toLocaleString('en')}`
    )
  }
  await countStarted(db)
  await db.query(
    'ANALYZE TABLE processes, process_events, process_search_text, process_words, stage_visits'
  )
  return kept
}

type Statements = [string, unknown[]][]
/** Milliseconds; `cpu`: the server process's CPU per page request (pages only, where /proc tells). */
type Figures = { p50: number; p95: number; raw50: number; raw95: number; cpu?: number | null }
/** Per size, per page or report label. */
const results = new Map<number, Map<string, Figures>>()

/* ----------------------------------------------------------- the data */

/** Marks every field keyed `amount` of the definition searchable. */
function markSearchable(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(markSearchable)
  if (!node || typeof node !== 'object') return
  const record = node as Record<string, unknown>
  if (record.key === 'amount' && record.type === 'number') record.searchable = true
  Object.values(record).forEach(markSearchable)
}

async function prepare(db: mysql.Connection, env: NodeJS.ProcessEnv) {
  const [versions] = await db.query<RowDataPacket[]>(
    `SELECT v.id, v.definition FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id WHERE w.\`key\` = ?`,
    [WORKFLOW]
  )
  for (const version of versions) {
    const definition = JSON.parse(String(version.definition))
    markSearchable(definition)
    await db.query('UPDATE workflow_versions SET definition = ? WHERE id = ?', [
      JSON.stringify(definition),
      version.id,
    ])
  }
  // Top every seeded process up to 10 events with comments after its last event.
  await db.query(
    `INSERT INTO process_events (process_id, sequence, type, actor_id, payload, occurred_at)
     SELECT last.process_id, last.sequence + k.seq, 'commented', p.creator_id,
       '{"body":"Bench comment","mentions":[]}', last.occurred_at + INTERVAL k.seq MINUTE
     FROM (SELECT process_id, MAX(sequence) AS sequence, MAX(occurred_at) AS occurred_at
           FROM process_events GROUP BY process_id) last
     JOIN processes p ON p.id = last.process_id
     JOIN seq_1_to_${EVENTS_PER_PROCESS} k ON last.sequence + k.seq <= ${EVENTS_PER_PROCESS}`
  )
  step('fill the search index', 'node', ['ace', 'search:rebuild'], env)
  step('build the stage-visits projection', 'node', ['ace', 'projections:rebuild'], env)
}

async function grow(db: mysql.Connection, size: number, index: number) {
  process.stdout.write(`  multiply the processes to ${size.toLocaleString('en')}… `)
  const started = performance.now()
  const total = await multiply(db, DATABASE, size, {
    wholeHistory: true,
    // A copy keeps its original's created_at, so its postings are the original's words at that time.
    alsoCopy: [
      'process_field_values',
      'process_search_text',
      'process_words',
      'stage_visits',
      'event_tallies',
    ],
    tag: String(index),
  })
  // The copied visits are projected: the checkpoint moves past the copied events.
  await db.query(
    `UPDATE projection_checkpoints SET position = (SELECT MAX(id) FROM process_events),
       seen_max = (SELECT MAX(id) FROM process_events)`
  )
  // The copies' visits count in the rollups too: aggregated again from the whole projection.
  await countStarted(db)
  const { rebuildRollups } = await import('#actions/projections/rollups')
  const { default: lucid } = await import('@adonisjs/lucid/services/db')
  await rebuildRollups(lucid.connection(), 5000)
  await db.query(
    'ANALYZE TABLE processes, process_events, process_field_values, process_search_text, process_words, stage_visits, stage_rollups, process_rollups, rollup_histograms, event_tallies, event_rollups'
  )
  const [[counts]] = await db.query<RowDataPacket[]>(
    `SELECT (SELECT COUNT(*) FROM process_events) AS events,
       (SELECT COUNT(*) FROM stage_visits) AS visits,
       (SELECT COUNT(*) FROM process_field_values) AS fieldValues`
  )
  console.log(
    `${((performance.now() - started) / 1000).toFixed(1)} s (${total.toLocaleString('en')} processes, ${Number(counts!.events).toLocaleString('en')} events, ${Number(counts!.visits).toLocaleString('en')} stage visits, ${Number(counts!.fieldValues).toLocaleString('en')} field values)`
  )
}

/* ---------------------------------------------------------- the pages */

type PageSpec = {
  label: string
  path: string
  raw(pool: mysql.Pool): Promise<Statements>
  /** Headers of this request besides the Inertia visit's (a partial reload's). */
  headers?: Record<string, string>
}

/** The admin's saved views (the list's sidebar), made once per database: name → filters. */
const SAVED_VIEWS: Record<string, Record<string, string>> = {
  'Bench: open purchase approvals': { workflow: WORKFLOW, status: 'active' },
  'Bench: mine, open': { status: 'active', assignee: 'me' },
  'Bench: large amounts': { 'workflow': WORKFLOW, 'data.amount[gt]': '1000' },
}

async function ensureSavedViews(pool: mysql.Pool, ownerId: number, workflowId: number) {
  for (const [name, filters] of Object.entries(SAVED_VIEWS)) {
    const [found] = await pool.query<RowDataPacket[]>(
      'SELECT id FROM saved_views WHERE owner_id = ? AND name = ?',
      [ownerId, name]
    )
    if (found.length) continue
    await pool.query(
      `INSERT INTO saved_views (owner_id, name, workflow_id, filters, columns, sort, direction, visibility, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'updated_at', 'desc', 'private', NOW(), NOW())`,
      [
        ownerId,
        name,
        filters.workflow ? workflowId : null,
        JSON.stringify(filters),
        JSON.stringify(['reference', 'title', 'stage', 'assignee', 'updated_at']),
      ]
    )
  }
}

const LIST_ORDER = 'ORDER BY p.updated_at DESC, p.id DESC LIMIT 20'
/** The list's count cap (ListProcessPage.COUNT_CAP): above it the page says "10,000+". */
const COUNT_CAP = 10_000
/** A count as a hand-written page showing "10,000+" runs it: at most COUNT_CAP + 1 rows of `fromWhere`. */
const cappedCountSql = (fromWhere: string) =>
  `SELECT COUNT(*) AS total FROM (SELECT 1 FROM ${fromWhere} LIMIT ${COUNT_CAP + 1}) c`

/** The signed-in admin (set by `pageSpecs`): the owner of the sidebar's views. */
let adminId = 0

/** The columns a list row shows, as the list reads them (`LIST_ROW_COLUMNS`). */
const LIST_SELECT = LIST_ROW_COLUMNS.map((column) => `p.${column}`).join(', ')

/**
 * The count, the page and its preloads (workflows, people, versions and
 * stages); `order` and `count` replace the list's default order and its
 * plain count.
 */
async function listStatements(
  pool: mysql.Pool,
  from: string,
  where: string,
  params: unknown[],
  options: { order?: string; count?: [string, unknown[]] } = {}
): Promise<Statements> {
  const page: [string, unknown[]] = [
    `SELECT ${LIST_SELECT} FROM ${from} ${where} ${options.order ?? LIST_ORDER}`,
    params,
  ]
  const [rows] = await pool.query<RowDataPacket[]>(page[0], page[1])
  const ids = (key: string) => {
    const values = [...new Set(rows.map((r) => r[key]).filter(Boolean))]
    return values.length ? values : [0]
  }
  return [
    options.count ?? [cappedCountSql(`${from} ${where}`), params],
    page,
    // The sidebar's saved views (their counts come after the page: measured on their own).
    ['SELECT * FROM saved_views WHERE owner_id = ? ORDER BY name, id', [adminId]],
    ['SELECT * FROM workflows WHERE id IN (?)', [ids('workflow_id')]],
    ['SELECT * FROM users WHERE id IN (?)', [ids('assignee_id')]],
    ['SELECT * FROM workflow_versions WHERE id IN (?)', [ids('workflow_version_id')]],
    [
      'SELECT * FROM workflow_stages WHERE workflow_version_id IN (?)',
      [ids('workflow_version_id')],
    ],
  ]
}

/**
 * What the list runs for one search word, newest first (docs/ARCHITECTURE.md,
 * "Free text: ordered word postings"): a seek per completion of the word
 * and one more, the page as an ordered read of the word's postings joined
 * to their processes, the count of at most 10,001 postings, the preloads.
 */
async function freeTextStatements(pool: mysql.Pool, word: string): Promise<Statements> {
  const end = word.slice(0, -1) + String.fromCodePoint(word.codePointAt(word.length - 1)! + 1)
  // Two seeks in the first statement (the word, and whether a longer one follows), as the list does.
  const first: [string, unknown[]] = [
    `SELECT first.word AS word,
       (SELECT MIN(w.word) FROM process_words w WHERE w.word > first.word AND w.word < ?) AS next
     FROM (SELECT MIN(word) AS word FROM process_words WHERE word >= ? AND word < ?) first`,
    [end, word, end],
  ]
  const statements: Statements = [first]
  const [rows] = await pool.query<RowDataPacket[]>(first[0], first[1])
  const completions = [rows[0]?.word, rows[0]?.next].filter(Boolean).map(String)
  if (completions.length !== 1) {
    throw new Error(`the free-text baseline is written for a word with one completion ("${word}")`)
  }
  const postings = 'process_words w STRAIGHT_JOIN processes p ON p.id = w.process_id'
  return [
    ...statements,
    ...(await listStatements(pool, postings, 'WHERE w.word = ?', completions, {
      order: 'ORDER BY w.created_at DESC, w.process_id DESC LIMIT 21',
      count: [
        // The admin sees every workflow: no condition on the process rows, the postings alone.
        cappedCountSql('process_words w WHERE w.word = ?'),
        completions,
      ],
    })),
  ]
}

async function pageSpecs(
  pool: mysql.Pool,
  session: Session,
  headers: Record<string, string>
): Promise<PageSpec[]> {
  const one = async (sql: string, params: unknown[] = []) => {
    const [rows] = await pool.query<RowDataPacket[]>(sql, params)
    return rows[0]!
  }
  const adminRow = await one('SELECT id FROM users WHERE email = ?', ['admin@stageflow.test'])
  const workflow = await one('SELECT id FROM workflows WHERE `key` = ?', [WORKFLOW])
  adminId = Number(adminRow.id)
  await ensureSavedViews(pool, adminId, Number(workflow.id))
  const subject = await one(
    `SELECT process_id AS id FROM process_events GROUP BY process_id ORDER BY COUNT(*) DESC, process_id LIMIT 1`
  )
  // The deep page: 50 pages in, following each page's cursor link.
  let deep = '/processes'
  let deepFirst = 0
  for (let i = 0; i < 50; i++) {
    const response = await session.request(deep, { headers })
    const body = (await response.json()) as {
      props: { processes: { data: { id: number }[]; metadata: { nextPageUrl: string | null } } }
    }
    const next = body.props.processes.metadata.nextPageUrl
    if (!next) break
    deep = next.startsWith('http') ? new URL(next).pathname + new URL(next).search : next
  }
  {
    const response = await session.request(deep, { headers })
    const body = (await response.json()) as { props: { processes: { data: { id: number }[] } } }
    deepFirst = body.props.processes.data[0]?.id ?? 0
  }
  const cursor = await one('SELECT updated_at, id FROM processes WHERE id = ?', [deepFirst])
  const viewsCap = 1001
  const text = 'Laptops'
  return [
    {
      label: 'list, first page',
      path: '/processes',
      raw: (p) => listStatements(p, 'processes p', '', []),
    },
    {
      label: 'list, filtered (active, mine, by due date)',
      path: '/processes?status=active&assignee=me&sort=due_at&direction=asc',
      raw: async (p) => {
        const statements = await listStatements(
          p,
          'processes p',
          'WHERE p.status = ? AND p.assignee_id = ?',
          ['active', adminRow.id]
        )
        statements[1]![0] = statements[1]![0].replace(
          LIST_ORDER,
          'ORDER BY p.due_at ASC, p.id ASC LIMIT 20'
        )
        return statements
      },
    },
    {
      // The sidebar's counts, which the list asks for after its page (a deferred prop): every
      // saved view's capped count, as scalar subqueries of one statement (as the page sends them).
      label: "list, saved views' counts (after the page)",
      path: '/processes',
      headers: {
        'x-inertia-partial-data': 'viewCounts',
        'x-inertia-partial-component': 'processes/index',
      },
      raw: async () => [
        // Which views to count, then the counts.
        ['SELECT * FROM saved_views WHERE owner_id = ? ORDER BY name, id', [adminRow.id]],
        [
          `SELECT
             (SELECT COUNT(*) FROM (SELECT 1 FROM processes WHERE workflow_id = ? AND status = ? LIMIT ?) c) AS a,
             (SELECT COUNT(*) FROM (SELECT 1 FROM processes WHERE status = ? AND assignee_id = ? LIMIT ?) c) AS b,
             (SELECT COUNT(*) FROM (SELECT 1 FROM process_field_values WHERE workflow_id = ? AND field_key = 'amount' AND num_value > ? LIMIT ?) c) AS d`,
          [
            workflow.id,
            'active',
            viewsCap,
            'active',
            adminRow.id,
            viewsCap,
            workflow.id,
            1000,
            viewsCap,
          ],
        ],
      ],
    },
    {
      label: 'list, page 51 by cursor',
      path: deep,
      raw: async (p) => {
        const statements = await listStatements(p, 'processes p', '', [])
        statements[1] = [
          `SELECT ${LIST_SELECT} FROM processes p WHERE (p.updated_at, p.id) <= (?, ?) ${LIST_ORDER}`,
          [cursor.updated_at, cursor.id],
        ]
        return statements
      },
    },
    {
      label: 'process page (longest history)',
      path: `/processes/${subject.id}`,
      raw: async () => processStatements(Number(subject.id)),
    },
    {
      label: `board (${WORKFLOW})`,
      path: `/workflows/${WORKFLOW}/board`,
      raw: async (p) => {
        const [stages] = await p.query<RowDataPacket[]>(
          `SELECT s.\`key\` FROM workflow_stages s WHERE s.workflow_version_id =
             (SELECT MAX(id) FROM workflow_versions WHERE workflow_id = ? AND status = 'published')`,
          [workflow.id]
        )
        // Per column: its count (capped, as the page's) and its first cards' ids by due date, undated
        // last (read from the index alone), then the cards by primary key.
        const column = (key: string, dated: boolean): [string, unknown[]] => [
          `SELECT id FROM processes WHERE workflow_id = ? AND status = ? AND stage_key = ? AND due_at IS ${dated ? 'NOT NULL ORDER BY due_at, id' : 'NULL ORDER BY id'} LIMIT 50`,
          [workflow.id, 'active', key],
        ]
        const ids: number[] = []
        for (const s of stages) {
          for (const dated of [true, false]) {
            const [sql, params] = column(s.key, dated)
            const [rows] = await p.query<RowDataPacket[]>(sql, params)
            ids.push(...rows.map((r) => Number(r.id)))
          }
        }
        return [
          ...stages.flatMap((s): Statements => [
            [
              `SELECT COUNT(*) FROM (SELECT 1 FROM processes WHERE workflow_id = ? AND status = ? AND stage_key = ? LIMIT 10001) c`,
              [workflow.id, 'active', s.key],
            ],
            column(s.key, true),
            column(s.key, false),
          ]),
          ['SELECT * FROM processes WHERE id IN (?)', [ids.length ? ids : [0]]],
        ]
      },
    },
    {
      label: 'data-field search (amount > 1000)',
      path: `/processes?workflow=${WORKFLOW}&data.amount%5Bgt%5D=1000`,
      // A broad filter as an expert writes it (and the list does): the workflow's processes in
      // list order, each row's amount read by primary key, stopping after a page. The naive join
      // (every matching value, then sorted) took 0.6–1.4 s at 1,000,000 and left the page's
      // requests a longer pause at that size than at the others.
      raw: (p) =>
        listStatements(
          p,
          'processes p',
          `WHERE p.workflow_id = ? AND (SELECT f.num_value FROM process_field_values f
             WHERE f.process_id = p.id AND f.field_key = 'amount') > ?`,
          [workflow.id, 1000],
          {
            // A lone data filter is counted from the search index alone, as the list does.
            count: [
              cappedCountSql(
                `process_field_values f WHERE f.workflow_id = ? AND f.field_key = 'amount' AND f.num_value > ?`
              ),
              [workflow.id, 1000],
            ],
          }
        ),
    },
    {
      label: `free-text search ("${text}")`,
      path: `/processes?q=${text}`,
      raw: (p) => freeTextStatements(p, text.toLowerCase()),
    },
  ]
}

/** A database measured by its own server (several at once with BENCH_INTERLEAVE). */
type Side = { size: number; database: string; env: NodeJS.ProcessEnv; port: number }

/**
 * Every page on each side's server against its raw baseline. With several
 * sides, each iteration visits the page (and runs its baseline) on every
 * side in turn, so all sizes are measured under the same load.
 */
async function measurePages(sides: Side[]) {
  const open = sides.map((side) => ({
    side,
    app: startServer(side.env),
    pool: mysql.createPool({ ...server, database: side.database, connectionLimit: 2 }),
  }))
  try {
    const ready = []
    for (const { side, app, pool } of open) {
      await app.ready
      const session = new Session(`http://127.0.0.1:${side.port}`)
      const headers = await session.signInForVisits('admin@stageflow.test', 'stageflow-demo')
      const specs = await pageSpecs(pool, session, headers)
      ready.push({ side, app, pool, session, headers, specs, admin: adminId })
    }
    // The raw baselines name the admin (`adminId`, set by `pageSpecs`): the same in every database.
    if (new Set(ready.map((r) => r.admin)).size > 1) {
      throw new Error(
        'BENCH_INTERLEAVE: the admins differ between the databases (build them the same way)'
      )
    }
    for (const [index, { label }] of ready[0]!.specs.entries()) {
      if (late()) break
      if (ONLY && !label.includes(ONLY)) continue
      const runs = ready.map((r) => ({
        ...r,
        page: r.specs[index]!,
        served: [] as number[],
        raw: [] as number[],
        bytes: 0,
        cpuBefore: null as number | null,
      }))
      const visit = async (run: (typeof runs)[number]) => {
        const measured = await timePage(run.session, run.page.path, {
          ...run.headers,
          ...run.page.headers,
        })
        run.bytes = measured.bytes
        return measured.total
      }
      const baseline = async (run: (typeof runs)[number]) => {
        const measured = await timeRaw(run.pool, await run.page.raw(run.pool))
        return measured.total
      }
      for (let i = 0; i < WARMUP; i++) {
        for (const run of runs) {
          await visit(run)
          await baseline(run)
        }
      }
      // The server's own CPU over the page's requests (between them it is idle but for its
      // timers): what the page costs the server beyond the database's time.
      for (const run of runs) run.cpuBefore = run.app.cpuMs()
      if (ALTERNATE) {
        // With several sides, BLOCK requests to one before the next: its server stays warm in
        // the CPU's caches, and the sides still take turns every few hundred milliseconds.
        const block = runs.length > 1 ? BLOCK : 1
        for (let i = 0; i < REQUESTS && !late(); i += block) {
          for (const run of runs) {
            for (let j = i; j < Math.min(i + block, REQUESTS); j++) {
              run.served.push(await visit(run))
              if (IDLE_MS) {
                // No raw run: the same pause before every request, whatever the size.
                await new Promise((resolve) => setTimeout(resolve, IDLE_MS))
                continue
              }
              run.raw.push(await baseline(run))
            }
          }
        }
      } else {
        // Apart: the raw baseline's reads do not evict the page's from the buffer pool.
        for (const run of runs) {
          for (let i = 0; i < REQUESTS && !late(); i++) run.served.push(await visit(run))
          for (let i = 0; i < REQUESTS && !late(); i++) run.raw.push(await baseline(run))
        }
      }
      for (const run of runs) {
        const cpuAfter = run.app.cpuMs()
        const cpu =
          run.cpuBefore === null || cpuAfter === null
            ? null
            : (cpuAfter - run.cpuBefore) / run.served.length
        results.get(run.side.size)!.set(label, {
          cpu,
          p50: percentile(run.served, 50),
          p95: percentile(run.served, 95),
          // No raw runs with BENCH_IDLE_MS: NaN ("NaN ms" in the table).
          raw50: run.raw.length ? percentile(run.raw, 50) : Number.NaN,
          raw95: run.raw.length ? percentile(run.raw, 95) : Number.NaN,
        })
        const where = runs.length > 1 ? ` at ${run.side.size.toLocaleString('en')}` : ''
        console.log(
          `  ${label}${where}: ${ms(percentile(run.served, 95))} p95 (${(run.bytes / 1024).toFixed(1)} kB answered${cpu === null ? '' : `, server CPU ${cpu.toFixed(2)} ms a request`})`
        )
      }
    }
  } finally {
    for (const { pool, app } of open) {
      await pool.end()
      await app.stop()
    }
    closeClient()
  }
}

/* -------------------------------------------------------- the reports */

async function measureReports(size: number, raw: mysql.Connection) {
  const { default: ComputeReport } = await import('#actions/reports/compute_report')
  const { DateTime } = await import('luxon')
  const [[range]] = await raw.query<RowDataPacket[]>(
    `SELECT w.id AS workflowId, DATE_FORMAT(MIN(p.created_at), '%Y-%m-%d') AS fromDay,
       DATE_FORMAT(NOW() + INTERVAL 1 DAY, '%Y-%m-%d') AS toDay
     FROM processes p JOIN workflows w ON w.id = p.workflow_id WHERE w.\`key\` = ? GROUP BY w.id`,
    [WORKFLOW]
  )
  const id = Number(range!.workflowId)
  const from = `${range!.fromDay} 00:00:00`
  const to = `${range!.toDay} 00:00:00`
  const now = DateTime.utc()
  const nowSql = now.toSQL({ includeOffset: false })
  const params = {
    workflowId: id,
    versionId: null,
    from: String(range!.fromDay),
    to: String(range!.toDay),
    timezone: 'UTC',
    assigneeId: null,
    role: null,
    granularity: 'week' as const,
  }
  const visits = `FROM stage_visits WHERE workflow_id = ${id}`
  const RAW: Record<ReportKind, string> = {
    throughput: `SELECT wk, status, SUM(started), SUM(closed) FROM (
        SELECT YEARWEEK(created_at, 3) AS wk, NULL AS status, 1 AS started, 0 AS closed FROM processes
          WHERE workflow_id = ${id} AND created_at >= '${from}' AND created_at < '${to}'
        UNION ALL
        SELECT YEARWEEK(closed_at, 3), status, 0, 1 FROM processes
          WHERE workflow_id = ${id} AND closed_at >= '${from}' AND closed_at < '${to}') x
      GROUP BY wk, status`,
    cycle_time: `SELECT DISTINCT workflow_version_id, stage_key,
        COUNT(*) OVER (PARTITION BY workflow_version_id, stage_key), AVG(duration_seconds) OVER (PARTITION BY workflow_version_id, stage_key),
        PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY duration_seconds) OVER (PARTITION BY workflow_version_id, stage_key),
        PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY duration_seconds) OVER (PARTITION BY workflow_version_id, stage_key),
        PERCENTILE_DISC(0.95) WITHIN GROUP (ORDER BY duration_seconds) OVER (PARTITION BY workflow_version_id, stage_key)
      ${visits} AND left_at >= '${from}' AND left_at < '${to}'`,
    sla: `SELECT workflow_version_id, stage_key, COUNT(*), SUM(sla_due_at IS NULL OR left_at <= sla_due_at)
      ${visits} AND left_at >= '${from}' AND left_at < '${to}' GROUP BY workflow_version_id, stage_key`,
    wip: `WITH d AS (
        SELECT stage_key, YEARWEEK(entered_at, 3) AS wk, COUNT(*) AS n ${visits} AND entered_at < '${to}'
          GROUP BY stage_key, wk
        UNION ALL
        SELECT stage_key, YEARWEEK(left_at, 3), -COUNT(*) ${visits} AND left_at < '${to}'
          GROUP BY stage_key, YEARWEEK(left_at, 3))
      SELECT stage_key, wk, SUM(SUM(n)) OVER (PARTITION BY stage_key ORDER BY wk) FROM d
      GROUP BY stage_key, wk ORDER BY stage_key, wk`,
    workload: `SELECT person, SUM(open), SUM(overdue), SUM(done) FROM (
        SELECT assignee_id AS person, 1 AS open, due_at < '${nowSql}' AS overdue, 0 AS done FROM processes
          WHERE workflow_id = ${id} AND status = 'active'
        UNION ALL
        SELECT e.actor_id, 0, 0, 1 FROM process_events e JOIN processes p ON p.id = e.process_id
          WHERE e.type = 'transitioned' AND e.occurred_at >= '${from}' AND e.occurred_at < '${to}'
            AND e.actor_id IS NOT NULL AND p.workflow_id = ${id}) x
      GROUP BY person`,
  }
  const compute = new ComputeReport()
  const figures = results.get(size)!
  for (const kind of Object.keys(RAW) as ReportKind[]) {
    if (late()) break
    if (ONLY && !`report: ${kind}`.includes(ONLY)) continue
    const report: number[] = []
    const baseline: number[] = []
    for (let i = 0; i < REPEATS; i++) {
      let started = performance.now()
      await compute.handle({ kind, params, now })
      report.push(performance.now() - started)
      started = performance.now()
      await raw.query(RAW[kind])
      baseline.push(performance.now() - started)
    }
    figures.set(`report: ${kind}`, {
      p50: percentile(report, 50),
      p95: percentile(report, 95),
      raw50: percentile(baseline, 50),
      raw95: percentile(baseline, 95),
    })
    console.log(`  report ${kind}: ${ms(percentile(report, 50))} p50`)
  }
}

/* ------------------------------------------------------ the buffer pool */

const poolSize = async (db: mysql.Connection) => {
  const [[row]] = await db.query<RowDataPacket[]>('SELECT @@GLOBAL.innodb_buffer_pool_size AS size')
  return Number(row!.size)
}

/** InnoDB may resize its pool in the background: waits until the pages in use add up to the size asked for. */
async function resizePool(db: mysql.Connection, bytes: number) {
  await db.query('SET GLOBAL innodb_buffer_pool_size = ?', [bytes])
  for (let waited = 0; waited < 300; waited++) {
    const [[pages]] = await db.query<RowDataPacket[]>(
      "SELECT @@innodb_page_size * VARIABLE_VALUE AS bytes FROM information_schema.global_status WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_TOTAL'"
    )
    if (Math.abs(Number(pages?.bytes ?? 0) - bytes) <= bytes * 0.05) break
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  return poolSize(db)
}

/**
 * Sets the buffer pool for the measurement (BENCH_BUFFER_POOL) and returns
 * how to put the server's own size back; prints both, and the database's size.
 */
async function sizeBufferPool(db: mysql.Connection, databases = [DATABASE]) {
  const [[footprint]] = await db.query<RowDataPacket[]>(
    `SELECT SUM(data_length + index_length) AS bytes FROM information_schema.tables WHERE table_schema IN (?)`,
    [databases]
  )
  const before = await poolSize(db)
  const mib = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MiB`
  const size = `the database holds ${mib(Number(footprint?.bytes ?? 0))} (data and indexes)`
  if (BUFFER_POOL === null || BUFFER_POOL === before) {
    console.log(`Buffer pool: ${mib(before)}, the server's own; ${size}.`)
    return undefined
  }
  const now = await resizePool(db, BUFFER_POOL)
  console.log(
    `Buffer pool: ${mib(now)} for the measurement (the server's ${mib(before)} afterwards); ${size}.`
  )
  return async () => {
    await resizePool(db, before)
  }
}

/* ------------------------------------------------------------- output */

function print() {
  for (const [size, figures] of results) {
    console.log(`
${size.toLocaleString('en')} processes

| page / report | p50 / p95 | raw SQL p50 / p95 | p95 ratio |
| ------------- | --------: | ----------------: | --------: |
${[...figures]
  .map(
    ([label, f]) =>
      `| ${label} | ${ms(f.p50)} / ${ms(f.p95)} | ${ms(f.raw50)} / ${ms(f.raw95)} | ${(f.p95 / f.raw95).toFixed(2)}× |`
  )
  .join('\n')}`)
  }
  const sizes = [...results.keys()]
  if (sizes.length < 2) return
  const [small, large] = [sizes[0]!, sizes.at(-1)!]
  const growth = [...results.get(small)!]
    .filter(([label]) => results.get(large)!.has(label))
    .map(([label, f]) => {
      const big = results.get(large)!.get(label)!
      return `| ${label} | ${(big.p95 / f.p95).toFixed(2)}× | ${(big.raw95 / f.raw95).toFixed(2)}× |`
    })
  console.log(`
Growth of p95, ${large.toLocaleString('en')} over ${small.toLocaleString('en')} processes (${(large / small).toFixed(0)}× the data)

| page / report | app | raw SQL |
| ------------- | --: | ------: |
${growth.join('\n')}`)
}

/** The production server's environment on `database`, listening on `port`. */
function serverEnv(database: string, port: number): NodeJS.ProcessEnv {
  return {
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
    DB_DATABASE: database,
    REDIS_HOST: '',
    REDIS_CLUSTER_NODES: '',
    SESSION_DRIVER: 'cookie',
    LIMITER_STORE: 'memory',
    QUEUE_DRIVER: 'memory',
  }
}

/**
 * BENCH_INTERLEAVE_BLOCK (20): requests to one side before the next. One at
 * a time left each server cold in the CPU's caches (three servers and the
 * database on two cores): its CPU per request rose ~1.6×.
 */
const BLOCK = setting('BENCH_INTERLEAVE_BLOCK', 20)

/** BENCH_INTERLEAVE's kept databases: size and name, smallest first. */
const INTERLEAVE = (process.env.BENCH_INTERLEAVE ?? '')
  .split(',')
  .filter((entry) => entry.trim())
  .map((entry) => {
    const [size, database] = entry.split(':').map((part) => part.trim())
    if (!/^\d+$/.test(size ?? '') || !database || !/bench/.test(database)) {
      throw new Error('BENCH_INTERLEAVE: size:database pairs (the names must contain "bench")')
    }
    return { size: Number(size), database }
  })
  .sort((a, b) => a.size - b.size)

/** BENCH_INTERLEAVE: the pages of kept databases, measured in one pass (see the header). */
async function interleaved() {
  const admin = await mysql.createConnection(server)
  const sides: Side[] = []
  let restorePool: (() => Promise<void>) | undefined
  try {
    console.log('Setting up:')
    for (const { size, database } of INTERLEAVE) {
      const port = await freePort()
      const env = serverEnv(database, port)
      step(`migrate ${database}`, 'node', ['ace', 'migration:run', '--force'], env)
      const db = await mysql.createConnection({ ...server, database, timezone: 'Z' })
      try {
        await keptSize(db, size, database)
      } finally {
        await db.end()
      }
      sides.push({ size, database, env, port })
      results.set(size, new Map())
    }
    if (!process.env.BENCH_SKIP_BUILD) {
      step('build the UI', 'npx', ['vite', 'build', '--logLevel', 'error'], sides[0]!.env)
    }
    restorePool = await sizeBufferPool(
      admin,
      sides.map((side) => side.database)
    )
    console.log(
      `\nInterleaved: ${sides.map((side) => side.size.toLocaleString('en')).join(', ')} processes, a request to each in turn:`
    )
    await measurePages(sides)
    print()
    const file = process.env.BENCH_RESULTS_FILE || 'tmp/bench-scale-results.json'
    recordScaleResults(file, results)
    console.log(`\nRecorded in ${file}; reports are not measured in this mode.`)
  } finally {
    await restorePool?.()
    await admin.end()
  }
}

/* --------------------------------------------------------------- main */

async function main() {
  if (INTERLEAVE.length) return interleaved()
  console.log(
    `Scale: ${SIZES.map((s) => s.toLocaleString('en')).join(', ')} processes (≈${EVENTS_PER_PROCESS} events each), ${REQUESTS} requests per page, ${REPEATS} runs per report, MariaDB ${DATABASE}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`
  )
  const admin = await mysql.createConnection(server)
  if (!REUSE) {
    await recreateDatabase(admin, DATABASE)
  }
  await admin.end()

  const port = await freePort()
  const env = serverEnv(DATABASE, port)
  const db = await mysql.createConnection({ ...server, database: DATABASE, timezone: 'Z' })
  let restorePool: (() => Promise<void>) | undefined
  try {
    console.log('Setting up:')
    step('migrate', 'node', ['ace', 'migration:run', '--force'], env)
    const kept = REUSE ? await keptSize(db) : 0
    if (!REUSE) {
      step('seed the demo content', 'node', ['ace', 'db:seed'], { ...env, NODE_ENV: 'development' })
    }
    if (!process.env.BENCH_SKIP_BUILD) {
      step('build the UI', 'npx', ['vite', 'build', '--logLevel', 'error'], env)
    }
    if (!REUSE) await prepare(db, env)
    await bootApp({ database: DATABASE, ...server })
    restorePool = await sizeBufferPool(db)
    for (const [index, size] of SIZES.entries()) {
      if (late()) {
        console.log(`Deadline reached: ${size.toLocaleString('en')} not measured.`)
        break
      }
      console.log(`\n${size.toLocaleString('en')} processes:`)
      results.set(size, new Map())
      if (REUSE) {
        console.log(`  kept database: ${kept.toLocaleString('en')} processes, not multiplied`)
      } else {
        await grow(db, size, index)
      }
      await measurePages([{ size, database: DATABASE, env, port }])
      await measureReports(size, db)
    }
    print()
    const file = process.env.BENCH_RESULTS_FILE || 'tmp/bench-scale-results.json'
    const sizes = Object.keys(recordScaleResults(file, results)).length
    console.log(`\nRecorded in ${file} (${sizes} sizes); the curve: npm run bench:scale-chart`)
    console.log(`
Raw baselines: the statements a hand-written page runs (count, page, preloads), one after another
on one pooled mysql2 connection, alternating with the page; for reports one hand-written query
over the same stage_visits projection and processes. Load average at the end: ${loadavg()[0]!.toFixed(1)}.`)
  } finally {
    await restorePool?.()
    await db.end()
    if (!process.env.BENCH_KEEP) {
      const cleanup = await mysql.createConnection(server)
      await cleanup.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``)
      await cleanup.end()
    }
  }
}

await main()
process.exit(0)
