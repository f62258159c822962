import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import User from '#models/user'
import { StateStore } from '#automation/state_store'
import { freshDatabase } from '#tests/helpers/common'

async function bearer(user: User) {
  const token = await User.accessTokens.create(user)
  return `Bearer ${token.value!.release()}`
}

/** Awaits a request and checks its status. */
async function expectStatus(
  request: PromiseLike<{ assertStatus(status: number): void }>,
  status: number
) {
  const response = await request
  response.assertStatus(status)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test.group('Automation / workflow state store', (group) => {
  freshDatabase(group)

  test('100 concurrent increments over the API give exactly 100, each answer its own value', async ({
    client,
    assert,
  }) => {
    const auth = await bearer(await UserFactory.apply('manager').create())
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        client
          .post('/api/v1/state/workflow:checkout-saga/workers_completed/increment')
          .header('Authorization', auth)
          .json({})
      )
    )
    answers.forEach((r) => r.assertStatus(200))
    const values = answers.map((r) => r.body().data.value as number).sort((a, b) => a - b)
    assert.deepEqual(
      values,
      Array.from({ length: 100 }, (_, i) => i + 1)
    )

    const read = await client
      .get('/api/v1/state/workflow:checkout-saga/workers_completed')
      .header('Authorization', auth)
    read.assertStatus(200)
    assert.equal(read.body().data.value, 100)
    assert.equal(read.body().data.version, 100)
  })

  test('set, get, compare-and-set on the version, delete', async ({ client, assert }) => {
    const auth = await bearer(await UserFactory.apply('manager').create())
    const url = '/api/v1/state/global/last_deployed_version'
    const created = await client
      .put(url)
      .header('Authorization', auth)
      .json({ value: { v: '1.4.0' }, expectedVersion: 0 })
    created.assertStatus(200)
    assert.equal(created.body().data.version, 1)

    const again = await client
      .put(url)
      .header('Authorization', auth)
      .json({ value: 'x', expectedVersion: 0 })
    again.assertStatus(409)
    assert.equal(again.body().errors[0].code, 'state_conflict')

    const stale = await client
      .put(url)
      .header('Authorization', auth)
      .json({ value: 'x', expectedVersion: 7 })
    stale.assertStatus(409)
    const next = await client
      .put(url)
      .header('Authorization', auth)
      .json({ value: { v: '1.5.0' }, expectedVersion: 1 })
    next.assertStatus(200)
    assert.deepEqual(next.body().data.value, { v: '1.5.0' })
    assert.equal(next.body().data.version, 2)

    const notNumber = await client.post(`${url}/increment`).header('Authorization', auth).json({})
    notNumber.assertStatus(409)

    await expectStatus(client.delete(url).header('Authorization', auth), 204)
    await expectStatus(client.get(url).header('Authorization', auth), 404)
  })

  test('TTL: a value expires, and then counts as absent for compare-and-set', async ({
    client,
    assert,
  }) => {
    const auth = await bearer(await UserFactory.apply('manager').create())
    const url = '/api/v1/state/global/cached_result'
    const set = await client
      .put(url)
      .header('Authorization', auth)
      .json({ value: [1, 2], ttl: 0.4 })
    set.assertStatus(200)
    assert.isString(set.body().data.expiresAt)
    await expectStatus(client.get(url).header('Authorization', auth), 200)
    await sleep(500)
    await expectStatus(client.get(url).header('Authorization', auth), 404)
    const recreated = await client
      .put(url)
      .header('Authorization', auth)
      .json({ value: 3, expectedVersion: 0 })
    recreated.assertStatus(200)
    assert.isNull(recreated.body().data.expiresAt)
  })

  test('two workers contending for one lock: one holder at a time; an expired lock is reclaimed', async ({
    assert,
  }) => {
    const store = new StateStore()
    const held: { owner: string; from: number; to: number }[] = []
    const worker = async (owner: string) => {
      let rounds = 0
      while (rounds < 8) {
        const lock = await store.acquireLock('workflow:checkout-saga', 'deploy', owner, 5000)
        if (!lock.acquired) {
          await sleep(2)
          continue
        }
        const from = performance.now()
        await sleep(10)
        held.push({ owner, from, to: performance.now() })
        assert.isTrue(await store.releaseLock('workflow:checkout-saga', 'deploy', owner))
        rounds++
      }
    }
    await Promise.all([worker('worker-A'), worker('worker-B')])
    assert.lengthOf(held, 16)
    const sorted = held.sort((a, b) => a.from - b.from)
    for (let i = 1; i < sorted.length; i++) {
      assert.isAtMost(sorted[i - 1]!.to, sorted[i]!.from, 'holds never overlap')
    }

    const first = await store.acquireLock('global', 'nightly', 'A', 200)
    assert.isTrue(first.acquired)
    const blocked = await store.acquireLock('global', 'nightly', 'B', 200)
    assert.deepInclude(blocked, { acquired: false, owner: 'A' })
    assert.isFalse(await store.releaseLock('global', 'nightly', 'B'), 'only the owner releases')
    await sleep(250)
    const reclaimed = await store.acquireLock('global', 'nightly', 'B', 200)
    assert.isTrue(reclaimed.acquired, 'reclaimed after expiry')
  })

  test('locks over the API: 409 with the holder, release by the owner only', async ({
    client,
    assert,
  }) => {
    const auth = await bearer(await UserFactory.apply('admin').create())
    const url = '/api/v1/state/global/report-run/lock'
    await expectStatus(
      client.post(url).header('Authorization', auth).json({ owner: 'w1', ttl: 30 }),
      200
    )
    const busy = await client.post(url).header('Authorization', auth).json({ owner: 'w2', ttl: 30 })
    busy.assertStatus(409)
    assert.equal(busy.body().data.owner, 'w1')
    await expectStatus(client.delete(url).header('Authorization', auth).json({ owner: 'w2' }), 409)
    await expectStatus(client.delete(url).header('Authorization', auth).json({ owner: 'w1' }), 204)
  })

  test('bad addresses and input get specific errors; members read but do not write; no token is 401', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.create()
    const auth = await bearer(member)
    const badScope = await client.get('/api/v1/state/elsewhere/x').header('Authorization', auth)
    badScope.assertStatus(422)
    assert.equal(badScope.body().errors[1].field, 'scope')
    const badKey = await client.get('/api/v1/state/global/-bad').header('Authorization', auth)
    badKey.assertStatus(422)
    assert.equal(badKey.body().errors[1].field, 'key')
    await expectStatus(
      client.put('/api/v1/state/global/x').header('Authorization', auth).json({ value: 1 }),
      403
    )
    await expectStatus(client.get('/api/v1/state/global/x'), 401)

    const manager = await bearer(await UserFactory.apply('manager').create())
    const noValue = await client
      .put('/api/v1/state/global/x')
      .header('Authorization', manager)
      .json({ ttl: 5 })
    noValue.assertStatus(422)
    const badTtl = await client
      .put('/api/v1/state/global/x')
      .header('Authorization', manager)
      .json({ value: 1, ttl: -1 })
    badTtl.assertStatus(422)
    assert.equal(badTtl.body().errors[0].field, 'ttl')
  })
})
