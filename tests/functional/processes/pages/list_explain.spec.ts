import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import { PROCESS_SORTS } from '#models/process'
import ListProcessPage, { type ProcessPageParams } from '#actions/process_pages/list_process_page'
import { encodeSortedCursor } from '#support/sorted_cursor'
import { sqlTime } from '#support/sql_time'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'

const mysql = process.env.DB_CONNECTION === 'mysql'
const ROWS = 20_000
const STAGES = ['INITIATED', 'RESERVING', 'PAYMENT', 'SHIPPING', 'DONE']
const STATUSES = ['active', 'active', 'active', 'completed', 'cancelled']
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
      status: STATUSES[(i * 3) % STATUSES.length],
      priority: PRIORITIES[(i * 7) % PRIORITIES.length],
      creator_id: owner.id,
      assignee_id: i % 6 === 0 ? null : people[i % people.length]!.id,
      due_at: i % 4 === 0 ? null : sqlTime(created.plus({ days: 3 })),
      sla_breached: false,
      version: 1,
      stage_entered_at: sqlTime(created),
      created_at: sqlTime(created),
      updated_at: sqlTime(created.plus({ hours: (i * 13) % 500 })),
      parent_id: i > 1000 && i % 50 === 0 ? i - 999 : null,
      parent_sequence: i > 1000 && i % 50 === 0 ? 1 : null,
      parent_index: i > 1000 && i % 50 === 0 ? 0 : null,
    })
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await db.table('processes').multiInsert(rows.slice(i, i + 1000))
  }
  await db.rawQuery('ANALYZE TABLE processes')
  return { owner, people, otherWorkflowId: other.workflow.id }
}

type Plan = { table: string; type: string; key: string | null; rows: number; Extra: string }

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
    const { people, otherWorkflowId } = await bulkProcesses()
    const me = people[0]!.id
    const filters: Record<string, ProcessPageParams> = {
      'none': {},
      'workflow': { workflow: 'order-fulfilment' },
      'stage': { stage: 'PAYMENT' },
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
        stage: 'PAYMENT',
        status: 'active',
      },
      'me + active': { assignee: 'me', status: 'active' },
    }

    const problems: string[] = []
    let checked = 0
    for (const [name, filter] of Object.entries(filters)) {
      const count = ListProcessPage.countQuery(filter, me).toQuery()
      for (const row of fullScans(await explain(count))) {
        problems.push(`count, ${name}: ${row.table} ${row.type} (${row.rows} rows)`)
      }
      for (const sort of PROCESS_SORTS) {
        for (const direction of ['asc', 'desc'] as const) {
          // The first page, and a deep page after a cursor.
          const column = sort === 'stage' ? 'stage_key' : sort
          const [middle] = await db.from('processes').where('id', 9_999).select(column)
          const after = encodeSortedCursor({
            sort,
            direction,
            value: middle[column] instanceof Date ? sqlTime(middle[column]) : middle[column],
            id: 9_999,
          })
          for (const cursor of [{}, { after }]) {
            const params = { ...filter, sort, direction, ...cursor }
            const { query } = ListProcessPage.pageQuery(params, me)
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
  })
    .skip(!mysql, 'EXPLAIN plans are checked on MariaDB/MySQL')
    .timeout(240_000)
})
