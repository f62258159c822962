/*
|--------------------------------------------------------------------------
| Benchmark: reports over 1,000,000 process events (MariaDB / MySQL)
|--------------------------------------------------------------------------
|
|   npm run bench:reports
|
| Creates BENCH_PROCESSES (200,000) processes with 5 events each, set-based
| (INSERT … SELECT from MariaDB's sequence engine, not row by row), then
| times each report as the worker computes it (ComputeReport: every SQL
| statement of the report plus shaping the result) beside one hand-written
| MariaDB query for the report's main figure, in the same run, and prints
| both and the ratio. Targets: report ≤ 2× raw and < 10 s.
|
| The database (DB_DATABASE, default stageflow_reports_bench; the name must
| contain "bench") is dropped and created again, and dropped at the end
| unless BENCH_KEEP=1.
|
*/
process.env.TZ = 'UTC'

import 'reflect-metadata'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2/promise'
import { bootApp } from './harness.js'
import type { ReportKind, ReportParams } from '#actions/reports/types'

const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 200_000)
const EVENTS_PER_PROCESS = 5
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3)
const settings = {
  database: process.env.DB_DATABASE || 'stageflow_reports_bench',
  host: process.env.DB_HOST || '127.0.0.1',
  port: Number(process.env.DB_PORT || 3306),
  user: process.env.DB_USER || 'root',
  password: process.env.DB_PASSWORD || '',
}
if (!/bench/.test(settings.database)) {
  throw new Error(`Refusing to reset "${settings.database}": the name must contain "bench".`)
}

const server = {
  host: settings.host,
  port: settings.port,
  user: settings.user,
  password: settings.password,
}
const admin = await mysql.createConnection(server)
await admin.query(`DROP DATABASE IF EXISTS \`${settings.database}\``)
await admin.query(
  `CREATE DATABASE \`${settings.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
)
const [[variables]] = await admin.query<RowDataPacket[]>('SELECT VERSION() AS version')

process.on('exit', (code) => {
  if (code !== 0) console.log(`Failed: drop ${settings.database} by hand if it is still there.`)
})
const app = await bootApp(settings)
const { default: db } = await import('@adonisjs/lucid/services/db')
const { MigrationRunner } = await import('@adonisjs/lucid/migration')
const { default: ComputeReport } = await import('#actions/reports/compute_report')

const migrator = new MigrationRunner(db, app, { direction: 'up', connectionName: 'mysql' })
await migrator.run()
if (migrator.error) throw migrator.error

// The raw baseline gets its own connection.
const raw = await mysql.createConnection({ ...server, database: settings.database, timezone: 'Z' })

const seconds = (ms: number) => (ms / 1000).toFixed(2)
/**
 * Times one call. MariaDB on this shared machine has twice failed a query
 * with "Error on delete of '/tmp/#sql-temptable…'" (a temporary file gone
 * from /tmp under it): such a try is reported and run again, not timed.
 */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  for (let attempt = 1; ; attempt++) {
    const started = performance.now()
    try {
      const value = await fn()
      return { ms: performance.now() - started, value }
    } catch (error) {
      const message = String((error as Error).message)
      if (attempt >= 3 || !message.includes('#sql-temptable')) throw error
      console.log(`  (MariaDB temporary-file error, run again: ${message})`)
    }
  }
}

/* ------------------------------------------------------------ the data */

console.log(
  `MariaDB ${variables!.version}; generating ${PROCESSES.toLocaleString('en-US')} processes × ${EVENTS_PER_PROCESS} events…`
)
const generation = await timed(async () => {
  const q = (sql: string) => raw.query(sql)
  await q('SET SESSION unique_checks = 0, foreign_key_checks = 0')
  await q(`INSERT INTO users (name, email, password, role, is_active, created_at, updated_at)
    SELECT CONCAT('Bench user ', seq), CONCAT('bench', seq, '@example.test'), 'x',
      CASE WHEN seq <= 5 THEN 'manager' ELSE 'member' END, 1, '2026-01-01', '2026-01-01'
    FROM seq_1_to_20`)
  await q(`INSERT INTO workflows (\`key\`, name, reference_prefix, process_counter, created_at, updated_at)
    VALUES ('bench', 'Bench claims', 'BC', ${PROCESSES}, '2026-01-01', '2026-01-01')`)
  await q(`INSERT INTO workflow_versions (workflow_id, number, status, definition, published_at, created_at, updated_at)
    SELECT 1, seq, 'published', '{}', '2026-01-01', '2026-01-01', '2026-01-01' FROM seq_1_to_2`)
  await q(`INSERT INTO workflow_stages (workflow_version_id, \`key\`, name, type, outcome, position, sla_minutes)
    SELECT v.seq, s.k, s.n, s.t, s.o, s.p, s.sla FROM seq_1_to_2 v CROSS JOIN (
      SELECT 'S1' k, 'Intake' n, 'task' t, NULL o, 0 p, 240 sla UNION ALL
      SELECT 'S2', 'Review', 'task', NULL, 1, 480 UNION ALL
      SELECT 'S3', 'Payout', 'task', NULL, 2, 120 UNION ALL
      SELECT 'DONE', 'Paid', 'end', 'completed', 3, NULL UNION ALL
      SELECT 'REJ', 'Refused', 'end', 'rejected', 4, NULL) s`)

  // Per process n: created c = 2026-01-01 + 77 n s (≈ 178 days); stage durations d1, d2, d3
  // spread by multiplicative hashing. Shape: n%7 open in S2, n%13 open in S3, n%29
  // cancelled in S2, otherwise closed (n%5 rejected).
  const shape = `CASE WHEN n % 7 = 0 THEN 'open2' WHEN n % 13 = 0 THEN 'open3'
    WHEN n % 29 = 0 THEN 'cancel' ELSE 'closed' END`
  const d1 = `(600 + (n * 7919) % 28800)`
  const d2 = `(300 + (n * 104729) % 43200)`
  const d3 = `(60 + (n * 1299709) % 14400)`
  const c = `('2026-01-01 00:00:00' + INTERVAL n * 77 SECOND)`
  await q(`INSERT INTO processes (workflow_id, workflow_version_id, reference, title, data, stage_key, status,
      priority, creator_id, assignee_id, due_at, sla_breached, version, stage_entered_at, created_at, updated_at, closed_at)
    SELECT 1, 1 + (n % 3 = 0), CONCAT('BC-', n), CONCAT('Claim ', n), '{}',
      CASE shape WHEN 'open2' THEN 'S2' WHEN 'open3' THEN 'S3' WHEN 'cancel' THEN 'S2'
        ELSE IF(n % 5 = 0, 'REJ', 'DONE') END,
      CASE shape WHEN 'open2' THEN 'active' WHEN 'open3' THEN 'active' WHEN 'cancel' THEN 'cancelled'
        ELSE IF(n % 5 = 0, 'rejected', 'completed') END,
      'normal', 1, 1 + n % 20,
      CASE shape WHEN 'open2' THEN ${c} + INTERVAL ${d1} + 28800 SECOND
        WHEN 'open3' THEN ${c} + INTERVAL ${d1} + ${d2} + 7200 SECOND END,
      0, 5,
      CASE shape WHEN 'open2' THEN ${c} + INTERVAL ${d1} SECOND WHEN 'cancel' THEN ${c} + INTERVAL ${d1} + ${d2} SECOND
        WHEN 'open3' THEN ${c} + INTERVAL ${d1} + ${d2} SECOND ELSE ${c} + INTERVAL ${d1} + ${d2} + ${d3} SECOND END,
      ${c}, ${c},
      CASE shape WHEN 'cancel' THEN ${c} + INTERVAL ${d1} + ${d2} SECOND
        WHEN 'closed' THEN ${c} + INTERVAL ${d1} + ${d2} + ${d3} SECOND END
    FROM (SELECT seq AS n, ${shape.replace(/\bn\b/g, 'seq')} AS shape FROM seq_1_to_${PROCESSES}) x`)

  // Five events per process (k = sequence). Event 2 is an SLA breach when S1 ran over its 4 h.
  await q(`INSERT INTO process_events (process_id, sequence, type, from_stage, to_stage, actor_id, payload, occurred_at)
    SELECT n, k,
      CASE WHEN k = 1 THEN 'started'
        WHEN k = 2 THEN IF(${d1} > 14400, 'sla_breached', 'commented')
        WHEN k = 3 THEN 'transitioned'
        WHEN k = 4 THEN CASE shape WHEN 'open2' THEN 'assigned' WHEN 'cancel' THEN 'commented' ELSE 'transitioned' END
        ELSE CASE shape WHEN 'closed' THEN 'transitioned' WHEN 'cancel' THEN 'cancelled' ELSE 'commented' END END,
      CASE WHEN k = 3 THEN 'S1' WHEN k = 4 AND shape IN ('closed', 'open3') THEN 'S2'
        WHEN k = 5 AND shape = 'closed' THEN 'S3' WHEN k = 5 AND shape = 'cancel' THEN 'S2' END,
      CASE WHEN k = 1 THEN 'S1' WHEN k = 3 THEN 'S2' WHEN k = 4 AND shape IN ('closed', 'open3') THEN 'S3'
        WHEN k = 5 AND shape = 'closed' THEN IF(n % 5 = 0, 'REJ', 'DONE') END,
      IF(k = 2, NULL, 1 + (n + k) % 20),
      IF(k = 2, CONCAT('{"stage":"S1","assigneeId":', 1 + n % 20, '}'), '{}'),
      CASE WHEN k = 1 THEN ${c}
        WHEN k = 2 THEN ${c} + INTERVAL ${d1} DIV 2 SECOND
        WHEN k = 3 THEN ${c} + INTERVAL ${d1} SECOND
        WHEN k = 4 THEN IF(shape IN ('closed', 'open3'), ${c} + INTERVAL ${d1} + ${d2} SECOND, ${c} + INTERVAL ${d1} + 10 SECOND)
        ELSE CASE shape WHEN 'closed' THEN ${c} + INTERVAL ${d1} + ${d2} + ${d3} SECOND
          WHEN 'cancel' THEN ${c} + INTERVAL ${d1} + ${d2} SECOND
          WHEN 'open3' THEN ${c} + INTERVAL ${d1} + ${d2} + 20 SECOND
          ELSE ${c} + INTERVAL ${d1} + 20 SECOND END END
    FROM (SELECT seq AS n, ${shape.replace(/\bn\b/g, 'seq')} AS shape FROM seq_1_to_${PROCESSES}) x
    CROSS JOIN (SELECT seq AS k FROM seq_1_to_${EVENTS_PER_PROCESS}) e`)
  await q('ANALYZE TABLE processes, process_events')
})
const [[counts]] = await raw.query<RowDataPacket[]>(
  'SELECT (SELECT COUNT(*) FROM process_events) AS events, (SELECT COUNT(*) FROM processes) AS processes'
)
console.log(
  `${Number(counts!.events).toLocaleString('en-US')} events, ${Number(counts!.processes).toLocaleString('en-US')} processes in ${seconds(generation.ms)} s\n`
)

/* ------------------------------------------------- reports and raw SQL */

const params: ReportParams = {
  workflowId: 1,
  versionId: null,
  from: '2026-01-01',
  to: '2026-06-30',
  timezone: 'UTC',
  assigneeId: null,
  role: null,
  granularity: 'week',
}
const FROM = '2026-01-01 00:00:00'
const TO = '2026-07-01 00:00:00'
const NOW = '2026-07-01 00:00:00'

/** Stage visits by hand (MariaDB): LEAD over each process's stage-changing events. */
const VISITS = `WITH ev AS (
    SELECT e.process_id, e.type, e.to_stage AS stage, e.occurred_at AS entered_at, p.status, p.workflow_version_id,
      LEAD(e.occurred_at) OVER (PARTITION BY e.process_id ORDER BY e.sequence) AS left_at
    FROM process_events e JOIN processes p ON p.id = e.process_id
    WHERE e.type IN ('started', 'transitioned', 'migrated', 'cancelled') AND p.workflow_id = 1)`

const RAW: Record<ReportKind, string> = {
  // Started and closed per week, by outcome.
  throughput: `SELECT wk, status, SUM(started) AS started, SUM(closed) AS closed FROM (
      SELECT YEARWEEK(created_at, 3) AS wk, NULL AS status, 1 AS started, 0 AS closed FROM processes
        WHERE workflow_id = 1 AND created_at >= '${FROM}' AND created_at < '${TO}'
      UNION ALL
      SELECT YEARWEEK(closed_at, 3), status, 0, 1 FROM processes
        WHERE workflow_id = 1 AND closed_at >= '${FROM}' AND closed_at < '${TO}') x
    GROUP BY wk, status`,
  // Average and nearest-rank percentiles per version and stage (PERCENTILE_DISC).
  cycle_time: `${VISITS}, v AS (
      SELECT workflow_version_id, stage, TIMESTAMPDIFF(SECOND, entered_at, left_at) AS dur FROM ev
      WHERE type <> 'cancelled' AND left_at >= '${FROM}' AND left_at < '${TO}')
    SELECT DISTINCT workflow_version_id, stage,
      COUNT(*) OVER (PARTITION BY workflow_version_id, stage) AS n, AVG(dur) OVER (PARTITION BY workflow_version_id, stage) AS avg,
      PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY dur) OVER (PARTITION BY workflow_version_id, stage) AS p50,
      PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY dur) OVER (PARTITION BY workflow_version_id, stage) AS p90,
      PERCENTILE_DISC(0.95) WITHIN GROUP (ORDER BY dur) OVER (PARTITION BY workflow_version_id, stage) AS p95
    FROM v`,
  // Finished visits within SLA per stage (the bench's SLAs: S1 4 h, S2 8 h, S3 2 h).
  sla: `${VISITS}
    SELECT workflow_version_id, stage, COUNT(*) AS n,
      SUM(TIMESTAMPDIFF(SECOND, entered_at, left_at) <= CASE stage WHEN 'S1' THEN 14400 WHEN 'S2' THEN 28800 WHEN 'S3' THEN 7200 END) AS within
    FROM ev
    WHERE type <> 'cancelled' AND stage IN ('S1', 'S2', 'S3') AND left_at >= '${FROM}' AND left_at < '${TO}'
    GROUP BY workflow_version_id, stage`,
  // Open per stage at the end of each week up to the end of the range: running sum of
  // entries minus exits before TO, in week order (the last row of a stage is its figure
  // at the end of the range). Until issue 22 this counted moves after TO too (generated
  // histories run past the range from ~200,000 processes on) and read the rows unordered.
  wip: `${VISITS}, d AS (
      SELECT stage, YEARWEEK(entered_at, 3) AS wk, COUNT(*) AS n FROM ev
        WHERE type <> 'cancelled' AND NOT (left_at IS NULL AND status <> 'active') AND entered_at < '${TO}'
        GROUP BY stage, wk
      UNION ALL
      SELECT stage, YEARWEEK(left_at, 3), -COUNT(*) FROM ev
        WHERE type <> 'cancelled' AND left_at IS NOT NULL AND left_at < '${TO}' GROUP BY stage, YEARWEEK(left_at, 3))
    SELECT stage, wk, SUM(SUM(n)) OVER (PARTITION BY stage ORDER BY wk) AS open FROM d GROUP BY stage, wk
    ORDER BY stage, wk`,
  // Open and overdue per assignee, transitions made per person.
  workload: `SELECT person, SUM(open) AS open, SUM(overdue) AS overdue, SUM(done) AS completed FROM (
      SELECT assignee_id AS person, 1 AS open, due_at < '${NOW}' AS overdue, 0 AS done FROM processes
        WHERE workflow_id = 1 AND status = 'active'
      UNION ALL
      SELECT e.actor_id, 0, 0, 1 FROM process_events e JOIN processes p ON p.id = e.process_id
        WHERE e.type = 'transitioned' AND e.occurred_at >= '${FROM}' AND e.occurred_at < '${TO}'
          AND e.actor_id IS NOT NULL AND p.workflow_id = 1) x
    GROUP BY person`,
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}
const { DateTime } = await import('luxon')
const now = DateTime.fromSQL(NOW, { zone: 'utc' })
const compute = new ComputeReport()
const rows: { kind: ReportKind; report: number; raw: number; check: string }[] = []

for (const kind of Object.keys(RAW) as ReportKind[]) {
  const reportTimes: number[] = []
  const rawTimes: number[] = []
  let result: unknown
  let rawRows: RowDataPacket[] = []
  // Alternate, so both see the same cache state and machine load.
  for (let i = 0; i < REPEATS; i++) {
    const r = await timed(() => compute.handle({ kind, params, now, source: 'log' }))
    reportTimes.push(r.ms)
    result = r.value
    const b = await timed(() => raw.query<RowDataPacket[]>(RAW[kind]))
    rawTimes.push(b.ms)
    rawRows = b.value[0]
  }
  rows.push({
    kind,
    report: median(reportTimes),
    raw: median(rawTimes),
    check: agree(kind, result!, rawRows),
  })
  console.log(
    `${kind}: report ${reportTimes.map(seconds).join(' / ')} s, raw ${rawTimes.map(seconds).join(' / ')} s`
  )
}

/** The report's figures and the hand-written query's must be the same numbers. */
function agree(kind: ReportKind, result: any, rawRows: RowDataPacket[]): string {
  const table = (key: string) => result.tables.find((t: any) => t.key === key).rows as any[]
  if (kind === 'cycle_time') {
    const stages = table('cycleStages')
    const same = rawRows.every((r) => {
      const row = stages.find(
        (s) =>
          s.version === `Bench claims v${r.workflow_version_id}` && s.stage === stageName(r.stage)
      )
      return (
        row &&
        row.count === Number(r.n) &&
        row.p50 === Number(r.p50) &&
        row.p90 === Number(r.p90) &&
        row.p95 === Number(r.p95) &&
        row.avg === Math.round(Number(r.avg))
      )
    })
    return same && rawRows.length === stages.length ? 'same figures' : 'DIFFERENT'
  }
  if (kind === 'sla') {
    const stages = table('slaStages')
    const visits = rawRows.reduce((s, r) => s + Number(r.n), 0)
    const within = rawRows.reduce((s, r) => s + Number(r.within), 0)
    const mine = stages.reduce((s, r) => [s[0] + r.visits, s[1] + r.within], [0, 0])
    return mine[0] === visits && mine[1] === within ? 'same figures' : 'DIFFERENT'
  }
  if (kind === 'throughput') {
    const started = rawRows.reduce((s, r) => s + Number(r.started), 0)
    const closed = rawRows.reduce((s, r) => s + Number(r.closed), 0)
    const mine = table('throughputByWorkflow')[0]
    return mine.started === started && mine.closed === closed ? 'same figures' : 'DIFFERENT'
  }
  if (kind === 'workload') {
    const open = rawRows.reduce((s, r) => s + Number(r.open), 0)
    const done = rawRows.reduce((s, r) => s + Number(r.completed), 0)
    const mine = table('workloadAssignees').reduce(
      (s: number[], r: any) => [s[0]! + r.open, s[1]! + r.completed],
      [0, 0]
    )
    return mine[0] === open && mine[1] === done ? 'same figures' : 'DIFFERENT'
  }
  // wip: open per stage at the end of the range.
  const last = table('wipOverTime').at(-1)
  const finalRaw = new Map<string, number>()
  for (const r of rawRows) finalRaw.set(r.stage, Number(r.open))
  const same = ['S1', 'S2', 'S3'].every(
    (s) => (last?.[stageName(s)] ?? 0) === (finalRaw.get(s) ?? 0)
  )
  return same ? 'same figures' : 'DIFFERENT'
}

function stageName(key: string) {
  return ({ S1: 'Intake', S2: 'Review', S3: 'Payout' } as Record<string, string>)[key] ?? key
}

console.log(
  `\nMedians of ${REPEATS} runs, ${Number(counts!.events).toLocaleString('en-US')} events (load average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}):\n`
)
console.log('| report | report (s) | raw SQL (s) | ratio | ≤ 2× raw | < 10 s | figures |')
console.log('|--------|-----------:|------------:|------:|----------|--------|---------|')
for (const row of rows) {
  const ratio = row.report / row.raw
  console.log(
    `| ${row.kind} | ${seconds(row.report)} | ${seconds(row.raw)} | ${ratio.toFixed(2)} | ${ratio <= 2 ? 'yes' : 'NO'} | ${row.report < 10_000 ? 'yes' : 'NO'} | ${row.check} |`
  )
}

/* ------------------------------------------- from the stage_visits projection */

if (process.env.BENCH_PROJECTION !== '0') {
  const { default: StageVisitsProjector } =
    await import('#actions/projections/stage_visits_projector')
  const projector = new StageVisitsProjector()
  const rebuild = await timed(() => projector.rebuild())
  const [[visitCount]] = await raw.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM stage_visits')
  console.log(
    `\nprojections:rebuild: ${Number(visitCount!.n).toLocaleString('en-US')} stage visits in ${seconds(rebuild.ms)} s`
  )
  await projector.run()
  const idle = await timed(() => projector.run())
  console.log(`projector run with nothing new: ${idle.ms.toFixed(1)} ms`)
  const [[rollupRows]] = await raw.query<RowDataPacket[]>(
    `SELECT (SELECT COUNT(*) FROM stage_rollups) AS stages, (SELECT COUNT(*) FROM process_rollups) AS processes,
       (SELECT COUNT(*) FROM rollup_histograms) AS histograms`
  )
  console.log(
    `rollup rows: ${rollupRows!.stages} stage, ${rollupRows!.processes} process, ${rollupRows!.histograms} histogram`
  )
  // Counts and averages must be equal; percentiles within 5 % when the result says approximate.
  const close = (a: any, b: any, approximate: boolean): boolean => {
    if (Array.isArray(a))
      return a.length === b?.length && a.every((x, i) => close(x, b[i], approximate))
    if (a && typeof a === 'object') {
      return Object.keys(a).every((k) =>
        approximate && /^p\d\d$/.test(k) && typeof a[k] === 'number'
          ? Math.abs(a[k] - b[k]) <= Math.max(1, b[k] * 0.05)
          : close(a[k], b?.[k], approximate)
      )
    }
    return a === b
  }
  const ranges: [string, ReportParams][] = [
    ['whole range (6 months)', params],
    ['one month (March)', { ...params, from: '2026-03-01', to: '2026-03-31' }],
    // Under 50,000 visits: exact percentiles (today's SQL over the range) beside the rollup counts.
    ['one week (2–8 March)', { ...params, from: '2026-03-02', to: '2026-03-08' }],
  ]
  for (const [label, rangeParams] of ranges) {
    console.log(`\n${label}:\n`)
    console.log(
      '| report | event log (s) | projection, no rollups (s) | rollups (s) | speed-up vs log | figures |'
    )
    console.log(
      '|--------|--------------:|---------------------------:|------------:|----------------:|---------|'
    )
    for (const kind of ['throughput', 'cycle_time', 'sla', 'wip'] as ReportKind[]) {
      const logTimes: number[] = []
      const projectedTimes: number[] = []
      const rolledTimes: number[] = []
      let fromLog: any
      let rolled: any
      for (let i = 0; i < REPEATS; i++) {
        const l = await timed(() =>
          compute.handle({ kind, params: rangeParams, now, source: 'log' })
        )
        logTimes.push(l.ms)
        fromLog = l.value
        const p = await timed(() =>
          compute.handle({ kind, params: rangeParams, now, rollups: false })
        )
        projectedTimes.push(p.ms)
        const r = await timed(() => compute.handle({ kind, params: rangeParams, now }))
        rolledTimes.push(r.ms)
        rolled = r.value
      }
      const approximate = Boolean(rolled.notes?.includes('approximatePercentiles'))
      const same = close(
        [rolled.tables, rolled.charts],
        [fromLog.tables, fromLog.charts],
        approximate
      )
      console.log(
        `| ${kind} | ${seconds(median(logTimes))} | ${seconds(median(projectedTimes))} | ${seconds(median(rolledTimes))} | ${(median(logTimes) / median(rolledTimes)).toFixed(1)}× | ${same ? (approximate ? 'same counts/averages, percentiles within 5 % (approximate)' : 'same figures') : 'DIFFERENT'} |`
      )
    }
  }
}

await raw.end()
await app.terminate()
if (process.env.BENCH_KEEP !== '1')
  await admin.query(`DROP DATABASE IF EXISTS \`${settings.database}\``)
await admin.end()
