import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import StartProcess from '#actions/processes/start_process'
import Process from '#models/process'
import { checkDataFilters } from '#actions/search/data_filters'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { purchaseDefinition } from '#tests/functional/search/search_fixtures'

/** The query plan of a list query, as rows of text (EXPLAIN on MySQL, EXPLAIN QUERY PLAN on SQLite). */
async function planOf(query: ReturnType<typeof Process.query>) {
  const { sql, bindings } = query.toSQL()
  const mysql = db.connection().dialect.name.startsWith('mysql')
  const result = await db.rawQuery(`${mysql ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${sql}`, [
    ...bindings,
  ])
  const rows = (mysql ? result[0] : result) as Record<string, unknown>[]
  return rows.map((row) => JSON.stringify(row))
}

test.group('Search / query plans', (group) => {
  freshDatabase(group)
  group.teardown(() => truncateAll())

  test('a data filter reads its typed index and free text its full-text index', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(purchaseDefinition, admin)
    for (let i = 0; i < 30; i++) {
      await new StartProcess().handle({
        workflowKey: 'purchase',
        title: `Order ${i}`,
        data: { amount: i * 100, customer: `Customer ${i}`, needed: '2027-01-01' },
        actor: admin,
      })
    }
    await db.rawQuery(
      db.connection().dialect.name.startsWith('mysql')
        ? 'ANALYZE TABLE process_field_values'
        : 'ANALYZE'
    )
    for (const [key, op, value, index] of [
      ['amount', 'gt', '1000', 'process_field_values_num_index'],
      ['needed', 'lt', '2027-02-01', 'process_field_values_date_index'],
      ['customer', 'eq', 'Customer 3', 'process_field_values_text_index'],
    ] as const) {
      const data = await checkDataFilters([{ key, op, value }], { key: 'purchase', hidden: [] })
      const plan = await planOf(Process.query().withScopes((s) => s.filtered({ data })))
      assert.isTrue(
        plan.some((row) => row.includes(index)),
        `${key}[${op}] uses ${index}: ${plan.join('\n')}`
      )
    }
    const plan = await planOf(
      Process.query().withScopes((s) => s.filtered({ q: 'order customer' }))
    )
    const mysql = db.connection().dialect.name.startsWith('mysql')
    assert.isTrue(
      plan.some((row) =>
        mysql ? row.includes('"fulltext"') : row.includes('VIRTUAL TABLE INDEX')
      ),
      plan.join('\n')
    )
  })
})
