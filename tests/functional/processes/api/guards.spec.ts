import { test } from '@japa/runner'
import type { WorkflowDefinition } from '#engine/definition'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import WorkflowVersion from '#models/workflow_version'
import { freshDatabase } from '#tests/helpers/common'

const PURCHASE: WorkflowDefinition = {
  key: 'guarded-purchase',
  name: 'Guarded purchase',
  stages: [
    {
      key: 'manager',
      name: 'Manager review',
      type: 'start',
      fields: [{ key: 'amount', label: 'Amount', type: 'number' }],
    },
    { key: 'approved', name: 'Approved', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    {
      key: 'fast_track',
      from: 'manager',
      to: 'approved',
      when: 'data.amount < 2000',
      whenMessage: 'Only small amounts can be fast-tracked',
    },
  ],
}

test.group('API / transition guards', (group) => {
  freshDatabase(group)

  async function publishAndStart(client: any) {
    const manager = await UserFactory.apply('manager').create()
    const api = (request: any) => request.withGuard('api').loginAs(manager)
    const created = await api(client.post('/api/v1/workflows').json(PURCHASE))
    created.assertStatus(201)
    const published = await api(client.post(`/api/v1/workflows/${PURCHASE.key}/publish`))
    published.assertStatus(200)
    const started = await api(
      client.post('/api/v1/processes').json({ workflow: PURCHASE.key, title: 'Laptop' })
    )
    started.assertStatus(201)
    return { api, manager, id: started.body().data.id as number }
  }

  test('a guard that does not hold: 422 guard_failed with its message, nothing written', async ({
    client,
    assert,
  }) => {
    const { api, id } = await publishAndStart(client)

    const shown = await api(client.get(`/api/v1/processes/${id}`))
    shown.assertStatus(200)
    const fastTrack = shown.body().data.availableTransitions[0]
    assert.deepInclude(fastTrack, {
      key: 'fast_track',
      allowed: false,
      reasons: ['guard_failed'],
      guardMessage: 'Only small amounts can be fast-tracked',
    })

    const refused = await api(
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'fast_track', expectedVersion: 1, data: { amount: 5000 } })
    )
    refused.assertStatus(422)
    assert.deepEqual(refused.body().errors[0], {
      code: 'guard_failed',
      message: 'Only small amounts can be fast-tracked',
    })
    const process = await Process.findOrFail(id)
    assert.equal(process.version, 1)
    assert.equal(process.stageKey, 'manager')
    assert.notProperty(process.data, 'amount')
    assert.lengthOf(await ProcessEvent.query().where('process_id', id), 1)

    const taken = await api(
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'fast_track', expectedVersion: 1, data: { amount: 1500 } })
    )
    taken.assertStatus(200)
    taken.assertBodyContains({ data: { version: 2, stage: { key: 'approved' } } })
  })

  test('a bulk preview refuses the rows whose guard does not hold, saying guard_failed', async ({
    client,
    assert,
  }) => {
    const { manager, id } = await publishAndStart(client)
    const response = await client
      .post('/processes/bulk/preview')
      .json({ action: 'transition', transition: 'fast_track', filter: {} })
      .loginAs(manager)
      .withCsrfToken()
    response.assertStatus(200)
    const preview = (response.body() as { preview: Record<string, any> }).preview
    assert.deepInclude(preview, { total: 1, applicable: 0, refused: 1 })
    assert.deepEqual(preview.reasons, [{ code: 'guard_failed', count: 1 }])
    assert.deepEqual(
      preview.samples.map((s: any) => [s.processId, s.code, s.detail]),
      [[id, 'guard_failed', 'Only small amounts can be fast-tracked']]
    )
  })

  test('a bad condition is refused at publish with its path', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    for (const when of [
      'data.amount <',
      "data.amount > 'x'",
      'data.price < 1',
      'data.amount + 1.0',
    ]) {
      const broken = { ...PURCHASE, transitions: [{ ...PURCHASE.transitions[0]!, when }] }
      const response = await client
        .post('/api/v1/workflows')
        .json(broken)
        .withGuard('api')
        .loginAs(manager)
      response.assertStatus(422)
      const errors = response.body().errors as { code: string; field?: string }[]
      assert.deepInclude(
        errors.map((e) => e.field),
        '$.transitions[0].when',
        when
      )
    }
    assert.lengthOf(await WorkflowVersion.all(), 0)
  })
})
