import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import WorkflowStage from '#models/workflow_stage'
import WorkflowVersion from '#models/workflow_version'
import { freshDatabase } from '#tests/helpers/common'
import { reversedKeys } from '#tests/helpers/key_order'

const order = DEMO_DEFINITIONS.orderFulfilment

test.group('API / workflows', (group) => {
  freshDatabase(group)

  test('a manager posts a definition and gets a draft; publishing makes it version 1', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const created = await client
      .post('/api/v1/workflows')
      .json(order)
      .withGuard('api')
      .loginAs(manager)
    created.assertStatus(201)
    created.assertBodyContains({
      data: { key: 'order-fulfilment', draftVersion: 1, publishedVersion: null },
    })
    assert.deepEqual(created.body().meta.outcomes.INITIATED, ['cancelled', 'completed'])

    // Stored normalized too, in order.
    const version = await WorkflowVersion.findByOrFail('number', 1)
    const stages = await WorkflowStage.query()
      .where('workflow_version_id', version.id)
      .orderBy('position')
    assert.deepEqual(
      stages.map((s) => s.key),
      order.stages.map((s) => s.key)
    )
    assert.equal(stages.find((s) => s.key === 'PAYMENT_PROCESSING')!.slaMinutes, 30)

    const published = await client
      .post('/api/v1/workflows/order-fulfilment/publish')
      .withGuard('api')
      .loginAs(manager)
    published.assertStatus(200)
    published.assertBodyContains({ data: { number: 1, status: 'published' } })

    const shown = await client
      .get('/api/v1/workflows/order-fulfilment')
      .withGuard('api')
      .loginAs(manager)
    shown.assertBodyContains({ data: { publishedVersion: 1 }, meta: { latest: { number: 1 } } })
    const list = await client.get('/api/v1/workflows').withGuard('api').loginAs(manager)
    assert.lengthOf(list.body().data, 1)
  })

  test('an invalid definition is refused with every problem and its path', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const broken = {
      ...order,
      stages: order.stages.filter((s) => s.key !== 'DELIVERED'),
    }
    const response = await client
      .post('/api/v1/workflows')
      .json(broken)
      .withGuard('api')
      .loginAs(manager)
    response.assertStatus(422)
    const errors = response.body().errors as { code: string; field?: string; message: string }[]
    assert.equal(errors[0]!.code, 'invalid_definition')
    const fields = errors.slice(1).map((e) => e.field)
    assert.include(fields, '$.transitions[8].to')
    assert.isAbove(errors.length, 2)
    assert.lengthOf(await WorkflowVersion.all(), 0)
  })

  test('members cannot create workflows', async ({ client }) => {
    const member = await UserFactory.create()
    const response = await client
      .post('/api/v1/workflows')
      .json(order)
      .withGuard('api')
      .loginAs(member)
    response.assertStatus(403)
    response.assertBodyContains({ errors: [{ code: 'forbidden' }] })
  })

  test('a duplicate key is a 409', async ({ client }) => {
    const manager = await UserFactory.apply('manager').create()
    await client.post('/api/v1/workflows').json(order).withGuard('api').loginAs(manager)
    const again = await client
      .post('/api/v1/workflows')
      .json(order)
      .withGuard('api')
      .loginAs(manager)
    again.assertStatus(409)
    again.assertBodyContains({ errors: [{ code: 'workflow_exists' }] })
  })

  test('editing after publishing opens version 2; version 1 stays as it was', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await client.post('/api/v1/workflows').json(order).withGuard('api').loginAs(manager)
    await client
      .post('/api/v1/workflows/order-fulfilment/publish')
      .withGuard('api')
      .loginAs(manager)

    const renamed = { ...order, name: 'Order fulfilment v2' }
    const draft = await client
      .put('/api/v1/workflows/order-fulfilment/draft')
      .json(renamed)
      .withGuard('api')
      .loginAs(manager)
    draft.assertStatus(200)
    draft.assertBodyContains({ data: { number: 2, status: 'draft' } })

    const v1 = await client
      .get('/api/v1/workflows/order-fulfilment/versions/1')
      .withGuard('api')
      .loginAs(manager)
    v1.assertBodyContains({
      data: { number: 1, status: 'published', definition: { name: 'Order fulfilment' } },
    })

    await client
      .post('/api/v1/workflows/order-fulfilment/publish')
      .withGuard('api')
      .loginAs(manager)
    const versions = await WorkflowVersion.query().orderBy('number')
    assert.deepEqual(
      versions.map((v) => v.status),
      ['archived', 'published']
    )

    const changedKey = await client
      .put('/api/v1/workflows/order-fulfilment/draft')
      .json({ ...order, key: 'other-key' })
      .withGuard('api')
      .loginAs(manager)
    changedKey.assertStatus(422)
  })

  test('a version exports as a YAML or JSON file', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await client.post('/api/v1/workflows').json(order).withGuard('api').loginAs(manager)
    const yaml = await client
      .get('/api/v1/workflows/order-fulfilment/versions/1')
      .qs({ format: 'yaml' })
      .withGuard('api')
      .loginAs(manager)
    yaml.assertStatus(200)
    assert.match(yaml.header('content-disposition') ?? '', /order-fulfilment-v1\.yaml/)
    assert.include(yaml.text(), 'key: order-fulfilment')

    const missing = await client
      .get('/api/v1/workflows/order-fulfilment/versions/9')
      .withGuard('api')
      .loginAs(manager)
    missing.assertStatus(404)
    const unknown = await client.get('/api/v1/workflows/nope').withGuard('api').loginAs(manager)
    unknown.assertStatus(404)
    unknown.assertBodyContains({ errors: [{ code: 'not_found' }] })
  })

  test('the same content in another key order exports byte-identically', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const created = await client
      .post('/api/v1/workflows')
      .json(reversedKeys(order))
      .withGuard('api')
      .loginAs(manager)
    created.assertStatus(201)
    const published = await client
      .post('/api/v1/workflows/order-fulfilment/publish')
      .withGuard('api')
      .loginAs(manager)
    published.assertStatus(200)
    const draft = await client
      .put('/api/v1/workflows/order-fulfilment/draft')
      .json(order)
      .withGuard('api')
      .loginAs(manager)
    draft.assertStatus(200)
    const exported = (n: number, format: string) =>
      client
        .get(`/api/v1/workflows/order-fulfilment/versions/${n}`)
        .qs({ format })
        .withGuard('api')
        .loginAs(manager)
    for (const format of ['json', 'yaml']) {
      const first = await exported(1, format)
      const second = await exported(2, format)
      first.assertStatus(200)
      second.assertStatus(200)
      assert.equal(first.text(), second.text())
      assert.isTrue(first.text().startsWith(format === 'json' ? '{\n  "key"' : 'key: '))
    }
  })
})
