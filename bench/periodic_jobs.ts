/*
|--------------------------------------------------------------------------
| Benchmark: periodic jobs on a large idle history (MariaDB / MySQL)
|--------------------------------------------------------------------------
|
|   npm run bench:periodic            (100,000 processes)
|   npm run bench:periodic 1000000    (1,000,000 processes)
|
| Builds N processes (set-based, database/idle_history.ts: one in five
| closed, the rest active with deadlines and timers days ahead, 3 events and
| 3 sent outbox messages each, a session per 100) in which NOTHING is due,
| then times every periodic job of app/support/periodic_jobs.ts — the timer
| sweep, the timer reconciler, an outbox relay round, the session pruning,
| each database alert signal, a full alert evaluation, the alert
| deliveries, the stage-visits projector (past its checkpoint), retention
| (a policy, N/5 purged archive stubs) — as median and max of BENCH_REPEATS (7) runs after one
| warm-up. Target: each under 50 ms at 1,000,000 processes (issue 22):
| with nothing due, a job reads an empty index range, whatever N.
|
| The database (DB_DATABASE, default stageflow_periodic_bench; the name must
| contain "bench") is dropped and created again.
|
*/
process.env.TZ = 'UTC'

import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { databaseSettingsFromEnv, loadAverage, median, openBench } from './harness.js'

const count = Number(process.argv[2] ?? process.env.BENCH_PROCESSES ?? 100_000)
if (!Number.isInteger(count) || count <= 0) throw new Error('N must be a positive integer')
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7)
const TARGET_MS = 50

const settings = {
  ...databaseSettingsFromEnv(),
  database: process.env.DB_DATABASE || 'stageflow_periodic_bench',
}
const loadStart = loadavg()[0]!
const bench = await openBench(settings)
const { db } = bench
const { fillIdleArchive, fillIdleHistory } = await import('#database/idle_history')
const { periodicJobs } = await import('#support/periodic_jobs')

const workflow = await db.from('workflows').where('key', bench.definition.key).firstOrFail()
const version = await db
  .from('workflow_versions')
  .where('workflow_id', workflow.id)
  .orderBy('id', 'desc')
  .firstOrFail()
const started = performance.now()
await fillIdleHistory(db.connection(), {
  processes: count,
  workflowId: workflow.id,
  versionId: version.id,
  userId: bench.actor.id,
  stage: 'review',
  onProgress: (done) => process.stdout.write(`\rfilled ${done.toLocaleString('en-US')} processes`),
})
// Retention has a policy and an archive of purged stubs (one per five processes); the
// stage-visits projector is past its checkpoint with nothing new.
await fillIdleArchive(db.connection(), {
  workflowId: workflow.id,
  stubs: Math.ceil(count / 5),
  firstStubId: 100_000_000,
})

const [[sizes]] = await db.rawQuery(
  `SELECT (SELECT COUNT(*) FROM processes) AS processes, (SELECT COUNT(*) FROM process_events) AS events,
     (SELECT COUNT(*) FROM process_timers) AS timers, (SELECT COUNT(*) FROM outbox_messages) AS outbox`
)
console.log(
  `\nPeriodic jobs — ${bench.server.version}, Node ${process.version}; ${Number(sizes.processes).toLocaleString('en-US')} processes, ${Number(sizes.events).toLocaleString('en-US')} events, ${Number(sizes.timers).toLocaleString('en-US')} timers, ${Number(sizes.outbox).toLocaleString('en-US')} outbox rows (filled in ${((performance.now() - started) / 1000).toFixed(0)} s); nothing due; load average ${loadStart.toFixed(2)} at the start\n`
)

console.log(`| periodic job | median ms | max ms | target < ${TARGET_MS} ms |`)
console.log('|---|---:|---:|---|')
const results: Record<string, number> = {}
for (const job of await periodicJobs()) {
  await job.run()
  const times: number[] = []
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now()
    await job.run()
    times.push(performance.now() - t0)
  }
  const mid = median(times)
  results[job.name] = Number(mid.toFixed(2))
  console.log(
    `| ${job.name} | ${mid.toFixed(2)} | ${Math.max(...times).toFixed(2)} | ${mid < TARGET_MS ? 'yes' : 'NO'} |`
  )
}
console.log(`\nLoad average at the end ${loadAverage()}`)
console.log(`BENCH_RESULT ${JSON.stringify({ processes: count, medianMs: results })}`)
await bench.close()
process.exit(0)
