import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { fillIdleArchive, fillIdleHistory } from '#database/idle_history'
import type { WorkflowDefinition } from '#engine/definition'
import { periodicJobs } from '#support/periodic_jobs'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { stopQueues } from '#tests/helpers/queue'

const IDLE: WorkflowDefinition = {
  key: 'idle',
  name: 'Idle',
  stages: [
    { key: 'open', name: 'Open', type: 'start', sla: '30d' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [{ key: 'finish', from: 'open', to: 'done' }],
}

/** The tables that grow with the history: never scanned whole by a periodic job. */
const HISTORY = [
  'processes',
  'process_events',
  'process_timers',
  'outbox_messages',
  'sessions',
  'archived_processes',
]

type Captured = { sql: string; bindings: unknown[] }
type PlanRow = {
  table: string | null
  type: string | null
  key: string | null
  rows: number
  /** Rows really read (ANALYZE only). */
  r_rows?: number | null
}

test.group('Periodic jobs / bounded by the work due (EXPLAIN on MariaDB)', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())

  test('with 5,000 idle processes, no periodic job scans a history table', async ({ assert }) => {
    const mysql = db.connection().dialect.name.startsWith('mysql')
    if (!mysql) {
      // EXPLAIN output is MariaDB's, and the fill uses its sequence engine.
      assert.plan(0)
      return
    }

    const admin = await UserFactory.apply('admin').create()
    const { workflow, version } = await publishWorkflow(IDLE, admin)
    await fillIdleHistory(db.connection(), {
      processes: 5000,
      workflowId: workflow.id,
      versionId: version.id,
      userId: admin.id,
      stage: 'open',
    })
    // Retention has a policy to apply (nothing closed long enough ago) and 5,000 stubs whose
    // live rows are long purged; the stage-visits projector has nothing new past its checkpoint.
    await fillIdleArchive(db.connection(), {
      workflowId: workflow.id,
      stubs: 5000,
      firstStubId: 1_000_000,
    })

    const captured: Captured[] = []
    const onQuery = (query: { sql: string; bindings?: unknown[] }) =>
      captured.push({ sql: query.sql, bindings: query.bindings ?? [] })
    const connection = db.connection()
    const clients = new Set([connection.getWriteClient(), connection.getReadClient()])
    for (const client of clients) client.on('query', onQuery)
    const jobs = await periodicJobs()
    assert.includeMembers(
      jobs.map((job) => job.name),
      ['project_stage_visits (minutely)', 'run_retention (hourly)']
    )
    try {
      for (const job of jobs) await job.run()
    } finally {
      for (const client of clients) client.off('query', onQuery)
    }

    const checked = new Set<string>()
    const problems: string[] = []
    for (const { sql, bindings } of captured) {
      if (!/^\s*(select|update|delete)\b/i.test(sql)) continue
      if (!HISTORY.some((table) => new RegExp(`\\b${table}\\b`).test(sql))) continue
      // A read is ANALYZEd (run, with the rows it really read: EXPLAIN's estimate counts
      // rows earlier tests deleted that InnoDB has not purged yet, thousands on a busy
      // server); a write is only EXPLAINed, so nothing changes.
      const read = /^\s*select\b/i.test(sql)
      const [plan] = (await db.rawQuery(
        `${read ? 'ANALYZE' : 'EXPLAIN'} ${sql}`,
        bindings as any[]
      )) as [PlanRow[]]
      checked.add(sql)
      for (const row of plan) {
        const table = String(row.table ?? '').replace(/`/g, '')
        const aliasOf = HISTORY.find(
          (t) => table === t || new RegExp(`\\b${t}\\b(?: as)? ${table}\\b`).test(sql)
        )
        if (!aliasOf) continue
        const rows = Number(read ? row.r_rows : row.rows)
        if (row.type === 'ALL' || row.type === 'index' || rows > 100) {
          problems.push(
            `${aliasOf}: ${row.type} via ${row.key ?? 'no index'}, ${rows} rows — ${sql}`
          )
        }
      }
    }
    assert.deepEqual(problems, [])
    // Each kind of periodic read was seen and explained.
    const seen = [...checked].join('\n')
    for (const table of HISTORY) assert.match(seen, new RegExp(`\\b${table}\\b`), table)
    // The projector's "anything new?" count and retention's candidates were among them.
    assert.match(seen, /from process_events where id > \?/i)
    assert.match(seen, /`processes`\.`closed_at` < \?/)
    assert.match(seen, /archived_processes/)
  }).timeout(120_000)
})
