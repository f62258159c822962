import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase } from '#tests/helpers/common'
import { OpenapiContract } from '#tests/helpers/openapi_contract'

/**
 * The OpenAPI document and the API agree. Every /api/v1 answer of every
 * functional test is checked by the contract hook (tests/bootstrap.ts);
 * these tests cover what the hook cannot see by itself.
 */

/** A small definition with one action of every type, on stages and transitions. */
export const AUTOMATED = {
  key: 'automated',
  name: 'Automated',
  stages: [
    { key: 'NEW', name: 'New', type: 'start' },
    {
      key: 'CHARGING',
      name: 'Charging',
      type: 'task',
      actions: [
        {
          key: 'charge',
          name: 'Charge the card',
          type: 'http',
          method: 'POST',
          url: 'https://payments.example.com/charges',
          headers: { 'Content-Type': 'application/json' },
          body: { order: '{{process.reference}}', amount: '{{data.amount}}' },
          timeout: '10s',
          attempts: 3,
          backoff: '500ms',
          deadline: '30m',
          onFailure: 'fail',
          compensation: {
            method: 'DELETE',
            url: 'https://payments.example.com/charges/{{steps.charge.id}}',
            attempts: 2,
          },
        },
        {
          key: 'remember',
          type: 'set_data',
          data: { chargeId: '{{steps.charge.id}}' },
        },
        { key: 'tell', type: 'notify', notify: { role: 'manager', message: 'Charged.' } },
        { key: 'finish', type: 'transition', transition: 'done' },
      ],
    },
    { key: 'DONE', name: 'Done', type: 'end', outcome: 'completed' },
    { key: 'FAILED', name: 'Failed', type: 'end', outcome: 'cancelled' },
  ],
  transitions: [
    {
      key: 'charge',
      from: 'NEW',
      to: 'CHARGING',
      actions: [
        { key: 'ping', type: 'notify', notify: { user: 'ops@example.com', message: 'Go' } },
      ],
    },
    { key: 'done', from: 'CHARGING', to: 'DONE' },
    { key: 'fail', from: 'CHARGING', to: 'FAILED' },
  ],
}

test.group('Security / the OpenAPI contract', (group) => {
  freshDatabase(group)

  test('a definition with actions of every type is accepted, served and documented alike', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const api = (request: any) => request.withGuard('api').loginAs(manager)
    const served = await client.get('/api/v1/openapi.json')
    const contract = new OpenapiContract(served.body())

    // The document accepts what POST accepts ...
    assert.deepEqual(contract.requestProblems('post /api/v1/workflows', AUTOMATED), [])
    const created = await api(client.post('/api/v1/workflows').json(AUTOMATED))
    created.assertStatus(201)
    const draft = await api(client.put('/api/v1/workflows/automated/draft').json(AUTOMATED))
    draft.assertStatus(200)
    assert.deepEqual(draft.body().data.definition.stages[1].actions, AUTOMATED.stages[1]!.actions)
    const published = await api(client.post('/api/v1/workflows/automated/publish'))
    published.assertStatus(200)

    // ... and the answers carrying actions match it (the hook checks them too).
    for (const url of ['/api/v1/workflows/automated', '/api/v1/workflows/automated/versions/1']) {
      const response = await api(client.get(url))
      response.assertStatus(200)
      const problems = contract.problems(
        'get',
        url,
        200,
        response.header('content-type')!,
        response.body()
      )
      assert.deepEqual(problems, [], url)
    }
    const version = await api(client.get('/api/v1/workflows/automated/versions/1'))
    assert.deepEqual(version.body().data.definition.transitions[0].actions, [
      AUTOMATED.transitions[0]!.actions![0],
    ])
  })

  test('the document refuses what the action verifier refuses', async ({ client, assert }) => {
    const document = await client.get('/api/v1/openapi.json')
    const contract = new OpenapiContract(document.body())
    const withAction = (action: object) => ({
      ...AUTOMATED,
      stages: AUTOMATED.stages.map((s) => (s.key === 'CHARGING' ? { ...s, actions: [action] } : s)),
    })
    const refused = [
      { key: 'a', type: 'email', to: 'x' },
      { key: 'a', type: 'notify', notify: { message: 'nobody' } },
      { key: 'a', type: 'set_data', data: { x: '1' }, url: 'https://example.com' },
      { key: 'a', type: 'http', method: 'GET', url: 'ftp://example.com' },
      { key: 'a', type: 'http', method: 'GET', url: 'https://example.com', attempts: 0 },
      { key: 'a', type: 'transition' },
    ]
    for (const action of refused) {
      assert.isNotEmpty(
        contract.requestProblems('post /api/v1/workflows', withAction(action)),
        JSON.stringify(action)
      )
    }
  })

  test('the contract check reports an undocumented status, content type or property', async ({
    client,
    assert,
  }) => {
    const document = await client.get('/api/v1/openapi.json')
    const contract = new OpenapiContract(document.body())
    const json = 'application/json; charset=utf-8'
    const user = {
      id: 1,
      name: 'A',
      email: 'a@example.com',
      role: 'member',
      isActive: true,
      locale: null,
      initials: 'A',
      createdAt: '2026-01-01T00:00:00.000Z',
      deactivatedAt: null,
    }
    assert.deepEqual(contract.problems('get', '/api/v1/me', 200, json, { data: user }), [])
    assert.match(contract.problems('get', '/api/v1/me', 418, json, {})[0]!, /not documented/)
    assert.match(contract.problems('get', '/api/v1/me', 200, 'text/html', '')[0]!, /content type/)
    const extra = contract.problems('get', '/api/v1/me', 200, json, {
      data: { ...user, password: 'x' },
    })
    assert.match(extra.join(), /additional properties/)
  })
})
