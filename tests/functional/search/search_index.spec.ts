import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import StartProcess from '#actions/processes/start_process'
import UpdateProcessData from '#actions/processes/update_process_data'
import TransitionProcess from '#actions/processes/transition_process'
import CommitProcessChange from '#actions/processes/commit_process_change'
import Process from '#models/process'
import Workflow from '#models/workflow'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import PublishWorkflow from '#actions/workflows/publish_workflow'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { plainDefinition, purchaseDefinition } from '#tests/functional/search/search_fixtures'

async function byKeyOf(processId: number) {
  const rows = await values(processId)
  return Object.fromEntries(rows.map((r) => [r.field_key, r]))
}

const values = (processId: number) =>
  db
    .from('process_field_values')
    .where('process_id', processId)
    .orderBy('field_key')
    .select('field_key', 'num_value', 'text_value', 'date_value')

test.group('Search / the index is written with the change', (group) => {
  freshDatabase(group)
  group.teardown(() => truncateAll())

  test('start writes one typed row per searchable field, and nothing for other fields', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(purchaseDefinition, admin)
    const { process } = await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Printer paper',
      data: { amount: 1250.5, customer: 'ACME', needed: '2026-12-24', urgent: true },
      actor: admin,
    })
    const rows = await values(process.id)
    assert.deepEqual(
      rows.map((r) => r.field_key),
      ['amount', 'customer', 'needed', 'notes', 'urgent']
    )
    const byKey = Object.fromEntries(rows.map((r) => [r.field_key, r]))
    assert.equal(Number(byKey.amount.num_value), 1250.5)
    assert.equal(byKey.customer.text_value, 'ACME')
    assert.match(
      String(
        byKey.needed.date_value instanceof Date
          ? byKey.needed.date_value.toISOString()
          : byKey.needed.date_value
      ),
      /^2026-12-2[34]/
    )
    assert.equal(Number(byKey.urgent.num_value), 1)
    assert.isNull(byKey.notes.text_value)
  })

  test('a data change updates its row in the same transaction; a failed change leaves the index as it was', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(purchaseDefinition, admin)
    const { process } = await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Chairs',
      data: { amount: 100, customer: 'ACME' },
      actor: admin,
    })
    const result = await new UpdateProcessData().handle({
      process,
      data: { amount: 2000, notes: 'Ergonomic, grey' },
      expectedVersion: 1,
      actorId: admin.id,
    })
    const byKey = await byKeyOf(process.id)
    assert.equal(Number(byKey.amount.num_value), 2000)
    assert.equal(byKey.notes.text_value, 'Ergonomic, grey')
    assert.equal(byKey.customer.text_value, 'ACME')

    // A stale version writes nothing: neither the row nor the index.
    await assert.rejects(() =>
      new UpdateProcessData().handle({
        process,
        data: { amount: 5 },
        expectedVersion: 1,
        actorId: admin.id,
      })
    )
    const after = await byKeyOf(process.id)
    assert.equal(Number(after.amount.num_value), 2000)
    assert.equal(result.process.version, 2)
  })

  test('the index write is inside the transaction: when it fails, the event and the row are rolled back', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(purchaseDefinition, admin)
    const { process } = await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Desk',
      data: { amount: 10 },
      actor: admin,
    })
    // Make the index refuse the write: a row that cannot take the update.
    const mysql = db.connection().dialect.name.startsWith('mysql')
    await db.rawQuery(
      mysql
        ? 'ALTER TABLE process_field_values ADD CONSTRAINT amount_cap CHECK (num_value IS NULL OR num_value < 1000000)'
        : "CREATE TRIGGER amount_cap BEFORE UPDATE ON process_field_values WHEN NEW.num_value >= 1000000 BEGIN SELECT RAISE(ABORT, 'cap'); END"
    )
    try {
      await assert.rejects(() =>
        new UpdateProcessData().handle({
          process,
          data: { amount: 5_000_000 },
          expectedVersion: 1,
          actorId: admin.id,
        })
      )
    } finally {
      await db.rawQuery(
        mysql
          ? 'ALTER TABLE process_field_values DROP CONSTRAINT amount_cap'
          : 'DROP TRIGGER amount_cap'
      )
    }
    const row = await Process.findOrFail(process.id)
    assert.equal(row.version, 1)
    assert.equal(row.data.amount, 10)
    const events = await db.from('process_events').where('process_id', process.id).count('* as n')
    assert.equal(Number(events[0].n), 1)
  })

  test('a workflow without searchable fields writes no index rows on a transition', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(plainDefinition, admin)
    const { process } = await new StartProcess().handle({
      workflowKey: 'plain',
      title: 'Plain one',
      data: { amount: 3 },
      actor: admin,
    })
    assert.lengthOf(await values(process.id), 0)
    const textBefore = await searchText(process.id)
    await new TransitionProcess().handle({
      process,
      transition: 'close',
      expectedVersion: 1,
      actor: admin,
    })
    assert.lengthOf(await values(process.id), 0)
    assert.equal(await searchText(process.id), textBefore)
    assert.include(textBefore!, 'plain one')
  })

  test('a process migrated to another version is indexed by the new version’s fields', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    // Version 1: only "customer" is searchable; version 2: only "amount".
    const v1Definition = structuredClone(purchaseDefinition)
    for (const field of v1Definition.stages[0].fields!) field.searchable = field.key === 'customer'
    const v2Definition = structuredClone(purchaseDefinition)
    for (const field of v2Definition.stages[0].fields!) field.searchable = field.key === 'amount'
    const { version: v1 } = await publishWorkflow(v1Definition, admin)
    const { process } = await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Migrating',
      data: { amount: 42, customer: 'Initech' },
      actor: admin,
    })
    assert.deepEqual(Object.keys(await byKeyOf(process.id)), ['customer'])
    const workflow = await Workflow.findByOrFail('key', 'purchase')
    const { workflow: draft } = await new SaveWorkflowDraft().handle({
      document: v2Definition,
      workflow,
      actor: admin,
    })
    const v2 = await new PublishWorkflow().handle({ workflow: draft, actor: admin })
    assert.notEqual(v1.id, v2.id)
    await new CommitProcessChange().handle({
      process,
      expectedVersion: 1,
      actorId: admin.id,
      definitions: new Map([[v2.id, v2Definition]]),
      event: {
        type: 'migrated',
        fromStage: 'requested',
        toStage: 'requested',
        payload: { fromVersionId: v1.id, toVersionId: v2.id },
      },
    })
    const after = await byKeyOf(process.id)
    assert.deepEqual(Object.keys(after), ['amount'])
    assert.equal(Number(after.amount.num_value), 42)
    // Its text no longer holds the customer, which is not searchable any more.
    assert.notInclude((await searchText(process.id))!, 'initech')
  })

  test('search:rebuild writes the index of processes that have none', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(purchaseDefinition, admin)
    const { process } = await new StartProcess().handle({
      workflowKey: 'purchase',
      title: 'Lamps',
      data: { amount: 70, customer: 'Globex' },
      actor: admin,
    })
    await db.from('process_field_values').delete()
    const mysql = db.connection().dialect.name.startsWith('mysql')
    await db.rawQuery(mysql ? 'DELETE FROM process_search_text' : 'DELETE FROM process_search_text')
    const { default: RebuildSearchIndex } = await import('#actions/search/rebuild_search_index')
    const result = await new RebuildSearchIndex().handle({ batchSize: 1 })
    assert.equal(result.processes, 1)
    const byKey = await byKeyOf(process.id)
    assert.equal(Number(byKey.amount.num_value), 70)
    assert.include((await searchText(process.id))!, 'globex')
  })
})

async function searchText(processId: number): Promise<string | null> {
  const mysql = db.connection().dialect.name.startsWith('mysql')
  const row = mysql
    ? await db.from('process_search_text').where('process_id', processId).select('body').first()
    : await db.rawQuery('SELECT body FROM process_search_text WHERE rowid = ?', [processId])
  const found = Array.isArray(row) ? row[0] : row
  return found?.body ?? null
}
