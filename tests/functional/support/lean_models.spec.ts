import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Process from '#models/process'
import User from '#models/user'
import SavedView from '#models/saved_view'
import WorkflowVersion from '#models/workflow_version'
import StartProcess from '#actions/processes/start_process'
import { leanAttributes, leanModels } from '#support/lean_models'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { purchaseDefinition } from '#tests/functional/search/search_fixtures'

test.group('Support / lean models from plain rows', (group) => {
  freshDatabase(group)
  group.each.teardown(() => truncateAll())

  async function seed() {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(purchaseDefinition, admin)
    for (const [title, amount] of [
      ['Laptops', 1800],
      ['Chairs', 300],
    ] as const) {
      await new StartProcess().handle({
        workflowKey: 'purchase',
        title,
        data: { amount, customer: 'ACME' },
        assigneeId: admin.id,
        actor: admin,
      })
    }
    return admin
  }

  /** The processes, with a key no model knows. */
  const query = () => Process.query().select('processes.*', db.raw('1 AS one')).orderBy('id')

  /** The seeded processes as Lucid hydrates them, and as plain rows. */
  async function seededRows() {
    await seed()
    return { lucid: await query(), rows: await query().pojo<Record<string, unknown>>() }
  }

  test("the same models as Lucid's hydration: attributes, originals, extras, serialization", async ({
    assert,
  }) => {
    const { lucid, rows } = await seededRows()
    const lean = leanModels(Process, rows)
    assert.lengthOf(lean, 2)
    for (const [i, model] of lean.entries()) {
      const other = lucid[i]!
      assert.instanceOf(model, Process)
      assert.deepEqual(model.serialize(), other.serialize())
      assert.deepEqual(model.$original, other.$original)
      assert.notStrictEqual(model.$original.data, model.data)
      assert.deepEqual(model.$extras, other.$extras)
      assert.isTrue(model.$isPersisted)
      assert.isFalse(model.$isDirty)
      assert.isTrue(model.createdAt.equals(other.createdAt))
      assert.equal(model.createdAt.toISO(), other.createdAt.toISO())
    }
    // A JSON column's original is an object of its own: a change made in place shows.
    const [changed] = leanModels(Process, await query().pojo())
    changed!.data.amount = -1
    assert.deepEqual(Object.keys(changed!.$dirty), ['data'])
    assert.equal(changed!.$original.data.amount, 1800)
    // So does a plain attribute; the original keeps the stored value, and an equal date.
    const [renamed] = leanModels(Process, await query().pojo())
    renamed!.title = 'Renamed'
    assert.deepEqual(Object.keys(renamed!.$dirty), ['title'])
    assert.equal(renamed!.$original.title, 'Laptops')
    assert.isTrue(renamed!.$original.createdAt.equals(renamed!.createdAt))
    // `$original` is a plain field like Lucid's, and can be replaced.
    assert.strictEqual(renamed!.$original, renamed!.$original)
    renamed!.$original = { ...renamed!.$original, title: 'Renamed' }
    assert.deepEqual(renamed!.$dirty, {})
    // A long JSON text (a large definition) has its original parsed only when read: the same values.
    const [versionRow] = await WorkflowVersion.query().orderBy('id').pojo<Record<string, unknown>>()
    const long = { ...JSON.parse(String(versionRow!.definition)), description: 'd'.repeat(2000) }
    const row = { ...versionRow!, definition: JSON.stringify(long) }
    const [version] = leanModels(WorkflowVersion, [row])
    const hydratedVersion = WorkflowVersion.$createFromAdapterResult({ ...row })!
    assert.deepEqual(version!.serialize(), hydratedVersion.serialize())
    version!.definition.name = 'Renamed'
    assert.deepEqual(Object.keys(version!.$dirty), ['definition'])
    assert.deepEqual(version!.$original.definition, long)
    assert.deepEqual({ ...version!.$original }, { ...hydratedVersion.$original })
    const users = leanModels(User, await User.query().pojo())
    const hydrated = await User.query()
    assert.deepEqual(
      users.map((u) => u.serialize()),
      hydrated.map((u) => u.serialize())
    )
  })

  test('a JSON column changed in place is dirty, and the model saves', async ({ assert }) => {
    const admin = await seed()
    await SavedView.create({
      ownerId: admin.id,
      name: 'Big',
      filters: { workflow: 'purchase' },
      columns: ['reference', 'title'],
      sort: 'title',
      direction: 'asc',
      visibility: 'private',
    })
    const [view] = leanModels(SavedView, await SavedView.query().pojo())
    view!.filters.status = 'active'
    assert.deepEqual(Object.keys(view!.$dirty), ['filters'])
    view!.name = 'Big, open'
    await view!.save()
    const stored = await SavedView.findOrFail(view!.id)
    assert.equal(stored.name, 'Big, open')
    assert.deepEqual(stored.filters, { workflow: 'purchase', status: 'active' })
  })

  test("plain attributes without a model: the values Lucid's hydration gives", async ({
    assert,
  }) => {
    const { lucid, rows } = await seededRows()
    const plain = leanAttributes(Process, rows)
    assert.lengthOf(plain, 2)
    for (const [i, attributes] of plain.entries()) {
      const model = lucid[i]!
      assert.notInstanceOf(attributes, Process)
      // Every attribute, consumed as the model's (dates as luxon, JSON parsed, booleans);
      // a key the model does not know (`one`) is left out.
      assert.sameMembers(Object.keys(attributes), Object.keys(model.$attributes))
      for (const [key, value] of Object.entries(model.$attributes)) {
        const same =
          value && typeof value === 'object' && 'equals' in value
            ? value.equals(attributes[key] as never)
            : JSON.stringify(attributes[key]) === JSON.stringify(value)
        assert.isTrue(same, key)
      }
      assert.strictEqual(attributes.slaBreached, false)
    }
    // A value a column cannot take fails as the model's own would, naming the model.
    assert.throws(() => leanAttributes(Process, [{ id: 1, created_at: 42 }]), /Process\.createdAt/)
  })
})
