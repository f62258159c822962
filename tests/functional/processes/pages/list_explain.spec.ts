import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import { PROCESS_SORTS } from '#enums/process_list'
import ListProcessPage, { type ProcessPageParams } from '#actions/process_pages/list_process_page'
import { encodeSortedCursor } from '#support/sorted_cursor'
import { sqlTime } from '#support/sql_time'
import LoadBoard from '#actions/board/load_board'
import LoadProcessPage from '#actions/process_pages/load_process_page'
import { statementsOf } from '#tests/helpers/query_counter'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'

const mysql = process.env.DB_CONNECTION === 'mysql'
const ROWS = 20_000
const STAGES = DEMO_DEFINITIONS.orderFulfilment.stages
  .filter((stage) => stage.type !== 'decision')
  .map((stage) => stage.key)
// As at scale: most processes are closed, the active ones are the work in progress (10 %).
const STATUSES = [
  'active',
  'completed',
  'completed',
  'cancelled',
  'completed',
  'completed',
  'completed',
  'cancelled',
  'completed',
  'completed',
]
const PRIORITIES = ['low', 'normal', 'normal', 'high', 'urgent']

/**
 * 20,000 processes spread over two workflows, stages, statuses, people,
 * priorities, dates and parents, inserted as rows (the plan, not the
 * engine, is under test), then ANALYZE so the optimizer knows the spread.
 */
async function bulkProcesses() {
  const owner = await UserFactory.apply('admin').create()
  const people = await UserFactory.createMany(5)
  const { workflow, version } = await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, owner)
  const other = await publishWorkflow(DEMO_DEFINITIONS.supportTicket, owner)
  const start = DateTime.utc().minus({ days: 400 })
  const rows = []
  for (let i = 1; i <= ROWS; i++) {
    const second = i % 2 === 0
    const created = start.plus({ minutes: i * 28 })
    rows.push({
      workflow_id: second ? other.workflow.id : workflow.id,
      workflow_version_id: second ? other.version.id : version.id,
      reference: `X-${String(i).padStart(6, '0')}`,
      title: `Process ${(i * 7919) % ROWS}`,
      data: '{}',
      stage_key: STAGES[i % STAGES.length],
      status: STATUSES[Math.floor(i / 2) % STATUSES.length],
      priority: PRIORITIES[(i * 7) % PRIORITIES.length],
      creator_id: owner.id,
      assignee_id: i % 6 === 0 ? null : people[i % people.length]!.id,
      due_at: i % 4 === 0 ? null : sqlTime(created.plus({ days: 3 })),
      sla_breached: false,
      version: 1,
      stage_entered_at: sqlTime(created),
      created_at: sqlTime(created),
      updated_at: sqlTime(created.plus({ hours: (i * 13) % 500 })),
    })
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await db.table('processes').multiInsert(rows.slice(i, i + 1000))
  }
  const [{ first }] = await db.from('processes').min('id as first')
  // Every 50th process after the first 1,000 is a child of one 999 before it.
  await db.rawQuery(
    `UPDATE processes SET parent_id = id - 999, parent_sequence = 1, parent_index = 0
     WHERE id - ? >= 1000 AND MOD(id - ?, 50) = 49`,
    [first, first]
  )
  // Three events a process (60,000), so the timeline and event plans are realistic.
  for (let i = 0; i < ROWS; i += 500) {
    const events = []
    for (let j = i; j < Math.min(i + 500, ROWS); j++) {
      for (let sequence = 1; sequence <= 3; sequence++) {
        events.push({
          process_id: Number(first) + j,
          sequence,
          type: sequence === 1 ? 'started' : 'commented',
          to_stage: sequence === 1 ? 'INITIATED' : null,
          actor_id: owner.id,
          payload: '{}',
          occurred_at: sqlTime(start.plus({ minutes: j * 28 + sequence })),
        })
      }
    }
    await db.table('process_events').multiInsert(events)
  }
  // Free-text postings: "process" in every title (a broad word), "laptop" in
  // every 10th, "laptops" in every 7th, and each title's number.
  for (let i = 0; i < ROWS; i += 500) {
    const postings = []
    for (let j = i; j < Math.min(i + 500, ROWS); j++) {
      const n = j + 1
      const created = sqlTime(start.plus({ minutes: n * 28 }))
      const words = ['process', String((n * 7919) % ROWS), 'x', String(n).padStart(6, '0')]
      if (n % 10 === 0) words.push('laptop')
      if (n % 7 === 0) words.push('laptops')
      for (const word of new Set(words)) {
        postings.push({ word, created_at: created, process_id: Number(first) + j })
      }
    }
    await db.table('process_words').multiInsert(postings)
  }
  await db.rawQuery('ANALYZE TABLE processes, process_events, process_words')
  return { owner, people, otherWorkflowId: other.workflow.id, firstId: Number(first) }
}

type Plan = {
  id: number
  select_type: string
  table: string
  type: string
  possible_keys: string | null
  key: string | null
  rows: number
  Extra: string
}

async function explain(sql: string): Promise<Plan[]> {
  const result = await db.rawQuery(`EXPLAIN ${sql}`)
  return result[0] as Plan[]
}

/** Rows of the plan that read all of `processes` or `process_events` from the table. */
const fullScans = (plan: Plan[]) =>
  plan.filter((row) => row.type === 'ALL' && /^(processes|process_events)$/.test(String(row.table)))

test.group('Process list / every filter and sort uses an index (MariaDB EXPLAIN)', (group) => {
  freshDatabase(group)
  group.teardown(() => truncateAll())

  test('no filter or sort the list offers reads processes by a full table scan', async ({
    assert,
  }) => {
    const { people, otherWorkflowId, firstId } = await bulkProcesses()
    const middleId = firstId + 9_998
    const me = people[0]!.id
    const filters: Record<string, ProcessPageParams> = {
      'none': {},
      'workflow': { workflow: 'order-fulfilment' },
      'stage': { stage: STAGES[2] },
      'status active': { status: 'active' },
      'status cancelled': { status: 'cancelled' },
      'assignee me': { assignee: 'me' },
      'assignee none': { assignee: 'none' },
      'assignee person': { assignee: people[1]!.id },
      'priority': { priority: 'urgent' },
      'overdue': { overdue: true },
      'due soon': { dueSoon: true },
      'created range': {
        createdFrom: DateTime.utc().minus({ days: 30 }),
        createdTo: DateTime.utc().minus({ days: 10 }),
      },
      'has parent': { parent: 'has_parent' },
      'top level': { parent: 'top_level' },
      'hidden workflow': { hiddenWorkflows: [otherWorkflowId] },
      'workflow + stage + status': {
        workflow: 'order-fulfilment',
        stage: STAGES[2],
        status: 'active',
      },
      'me + active': { assignee: 'me', status: 'active' },
      // Free text: created_at order reads the postings, other sorts FULLTEXT.
      'q broad word': { q: 'process' },
      'q two completions': { q: 'lapt' },
      'q two words': { q: 'laptop process' },
      'q + status + workflow': { q: 'process', status: 'cancelled', workflow: 'order-fulfilment' },
      'q + hidden workflow': { q: 'laptops', hiddenWorkflows: [otherWorkflowId] },
    }

    const problems: string[] = []
    let checked = 0
    for (const [name, filter] of Object.entries(filters)) {
      const counting = await ListProcessPage.countQuery(filter, me)
      const count = counting.query.toQuery()
      for (const row of fullScans(await explain(count))) {
        problems.push(`count, ${name}: ${row.table} ${row.type} (${row.rows} rows)`)
      }
      for (const sort of PROCESS_SORTS) {
        for (const direction of ['asc', 'desc'] as const) {
          // The first page, and a deep page after a cursor.
          const column = sort === 'stage' ? 'stage_key' : sort
          const [middle] = await db.from('processes').where('id', middleId).select(column)
          const after = encodeSortedCursor({
            sort,
            direction,
            value: middle[column] instanceof Date ? sqlTime(middle[column]) : middle[column],
            id: middleId,
          })
          for (const cursor of [{}, { after }]) {
            const params = { ...filter, sort, direction, ...cursor }
            const { query } = await ListProcessPage.pageQuery(params, me)
            const plan = await explain(query.toQuery())
            checked++
            for (const row of fullScans(plan)) {
              problems.push(
                `${name}, ${sort} ${direction}${'after' in cursor ? ' (deep)' : ''}: ` +
                  `${row.table} ${row.type} (${row.rows} rows)`
              )
            }
          }
        }
      }
    }
    assert.isAbove(checked, 500)
    assert.deepEqual(problems, [])

    // The ordered free-text path: every statement a page runs (plan, page,
    // count) reads process_words by index, and a page's read of the
    // postings is in index order (no filesort of the matches).
    for (const q of ['process', 'lapt', 'laptop process', '00012']) {
      for (const cursor of [{}, { after: 'deep' }]) {
        const params: ProcessPageParams & { after?: string } = { q }
        if ('after' in cursor) {
          const first = await new ListProcessPage().keysetPage({ q }, me)
          params.after = first.meta.next ?? undefined
        }
        const statements = await statementsOf(() => new ListProcessPage().keysetPage(params, me))
        const reads = statements.filter((s) => /process_words/.test(s.sql))
        assert.isAbove(reads.length, 1, q)
        for (const statement of reads) {
          const plan = await explain(
            db.rawQuery(statement.sql, statement.bindings as any).toQuery()
          )
          checked++
          for (const row of plan) {
            if (
              /^(processes|process_words|w|w2)$/.test(String(row.table)) &&
              /^(ALL|index)$/.test(row.type)
            ) {
              problems.push(
                `q "${q}": ${row.table} ${row.type} (${row.rows} rows) in ${statement.sql}`
              )
            }
            if (
              String(row.table) === 'w' &&
              /order by/i.test(statement.sql) &&
              /filesort|temporary/i.test(String(row.Extra))
            ) {
              problems.push(`q "${q}": postings sorted (${row.Extra}) in ${statement.sql}`)
            }
          }
          // Run, the postings reads stop early: a page reads about a page of
          // postings per completion (not the 20,000 of "process"), a
          // completion one seek (MIN of a range: "Select tables optimized away").
          if (/order by|^select min\(word\)/i.test(statement.sql)) {
            const result = await db.rawQuery(
              `ANALYZE ${db.rawQuery(statement.sql, statement.bindings as any).toQuery()}`
            )
            for (const row of result[0] as (Plan & { r_rows: number | null })[]) {
              if (/^(w|process_words)$/.test(String(row.table)) && Number(row.r_rows) > 50) {
                problems.push(`q "${q}": ${row.table} read ${row.r_rows} rows in ${statement.sql}`)
              }
            }
          }
        }
      }
    }
    assert.deepEqual(problems, [])
  })
    .skip(!mysql, 'EXPLAIN plans are checked on MariaDB/MySQL')
    .timeout(240_000)

  test('the board (first cards and a column by cursor) and the process page (timeline pages) read by index', async ({
    assert,
  }) => {
    const { owner, firstId } = await bulkProcesses()
    const statements = [
      ...(await statementsOf(() => new LoadBoard().handle('order-fulfilment', owner))),
      ...(await statementsOf(async () => {
        const board = await new LoadBoard().handle('order-fulfilment', owner)
        const column = board.columns.find((c) => c.next)!
        await new LoadBoard().handle('order-fulfilment', owner, {
          column: column.key,
          after: column.next!,
        })
      })),
      ...(await statementsOf(() => new LoadProcessPage().handle(firstId + 5_000, owner))),
      ...(await statementsOf(() =>
        new LoadProcessPage().handle(firstId + 5_000, owner, { before: 3 })
      )),
    ].filter((s) => /^\s*(select|with)/i.test(s.sql))
    assert.isAbove(statements.length, 8)

    const problems: string[] = []
    for (const statement of statements) {
      const plan = await explain(db.rawQuery(statement.sql, statement.bindings as any[]).toQuery())
      for (const row of fullScans(plan)) {
        problems.push(
          `${statement.sql}: #${row.id} ${row.select_type} ${row.table} ${row.type} ` +
            `(${row.rows} rows; possible keys ${row.possible_keys})`
        )
      }
    }
    assert.deepEqual(problems, [])

    // As at scale, every closed process in an end stage: the "closed elsewhere"
    // count finds none, and run it reads no more than its cap to say so (with
    // `status <> 'active'` it read all 9,000 closed processes of the workflow).
    const end = DEMO_DEFINITIONS.orderFulfilment.stages.find((stage) => stage.type === 'end')!
    await db
      .from('processes')
      .whereIn('workflow_id', db.from('workflows').where('key', 'order-fulfilment').select('id'))
      .whereNot('status', 'active')
      .update({ stage_key: end.key })
    const boardStatements = await statementsOf(() =>
      new LoadBoard().handle('order-fulfilment', owner)
    )
    const counts = boardStatements.find(
      (s) => /count\(\*\)/i.test(s.sql) && /union all/i.test(s.sql)
    )!
    const run = await db.rawQuery(
      `ANALYZE ${db.rawQuery(counts.sql, counts.bindings as any[]).toQuery()}`
    )
    const reads = (run[0] as (Plan & { r_rows: number | null })[])
      .filter((row) => row.table === 'processes')
      .map((row) => Number(row.r_rows))
    assert.isAbove(reads.length, 3)
    assert.isAtMost(Math.max(...reads), LoadBoard.COUNT_CAP + 1, `rows read: ${reads}`)
  })
    .skip(!mysql, 'EXPLAIN plans are checked on MariaDB/MySQL')
    .timeout(240_000)
})
