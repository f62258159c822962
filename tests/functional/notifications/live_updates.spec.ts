import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import mail from '@adonisjs/mail/services/main'
import transmit from '@adonisjs/transmit/services/main'
import type { TransmitConfig } from '@boringnode/transmit/types'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import Notification from '#models/notification'
import type User from '#models/user'
import StartProcess from '#actions/processes/start_process'
import { closeLiveStreams, publishToProcess, publishToUser } from '#support/live_updates'
import { LiveUpdatesRedisTransport } from '#support/live_updates_transport'
import { freshDatabase, publishWorkflow, PASSWORD } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'

type Broadcast = { channel: string; payload: unknown }

/** Collects what transmit broadcasts while `work` runs (and a moment after). */
async function broadcastsDuring(work: () => Promise<unknown>) {
  const seen: Broadcast[] = []
  const stop = transmit.on('broadcast', (event) => seen.push(event))
  try {
    await work()
    await new Promise((resolve) => setTimeout(resolve, 50))
  } finally {
    stop()
  }
  return seen
}

const baseUrl = () => `http://${process.env.HOST}:${process.env.PORT}`

/**
 * Signs in through the login form with plain HTTP, as a browser would, and
 * returns the session cookies for requests made outside the test client
 * (the event stream). (The test client's own sessions are dropped after
 * each of its requests.)
 */
async function signIn(user: User) {
  const jar = new Map<string, string>()
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const [name, ...value] = pair!.split('=')
      jar.set(name!, value.join('='))
    }
  }
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')

  keep(await fetch(`${baseUrl()}/login`, { redirect: 'manual' }))
  const login = await fetch(`${baseUrl()}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'cookie': header(),
      'content-type': 'application/x-www-form-urlencoded',
      'x-xsrf-token': decodeURIComponent(jar.get('XSRF-TOKEN') ?? ''),
    },
    body: new URLSearchParams({ email: user.email, password: PASSWORD }),
  })
  if (login.headers.get('location') !== '/') throw new Error(`sign-in failed (${login.status})`)
  keep(login)
  return { cookie: header(), xsrf: decodeURIComponent(jar.get('XSRF-TOKEN') ?? '') }
}

/**
 * Opens the server-sent events stream as a browser would and keeps what
 * arrives, until `close()`.
 */
async function openStream(session: { cookie: string; xsrf: string }) {
  const { cookie } = session
  const uid = randomUUID()
  const controller = new AbortController()
  const response = await fetch(`${baseUrl()}/__transmit/events?uid=${uid}`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  })
  let text = ''
  const reading = (async () => {
    const decoder = new TextDecoder()
    try {
      const reader = response.body!.getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        text += decoder.decode(value, { stream: true })
      }
    } catch {
      // aborted
    }
  })()
  return {
    ...session,
    uid,
    status: response.status,
    contentType: response.headers.get('content-type'),
    received: () => text,
    ended: reading,
    async waitFor(fragment: string, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs
      while (!text.includes(fragment)) {
        if (Date.now() > deadline) throw new Error(`"${fragment}" did not arrive; got: ${text}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    async close() {
      controller.abort()
      await reading
    },
  }
}

test.group('Notifications / live updates', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('a delivered notification is announced on the recipient’s channel only', async ({
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const me = await UserFactory.create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)

    let processId = 0
    const seen = await broadcastsDuring(async () => {
      const { process } = await new StartProcess().handle({
        workflowKey: 'order-fulfilment',
        title: 'Live',
        assigneeId: me.id,
        actor: manager,
      })
      processId = process.id
      await drainOutbox()
    })

    const mine = seen.filter((b) => b.channel === `users/${me.id}`)
    assert.lengthOf(mine, 1)
    assert.deepInclude(mine[0]!.payload as object, { type: 'notification', processId })
    assert.match((mine[0]!.payload as { title: string }).title, /^Assigned to you: OF-/)
    assert.isEmpty(seen.filter((b) => b.channel === `users/${manager.id}`))
  })

  test('marking read tells my other tabs the new unread count', async ({ client, assert }) => {
    const me = await UserFactory.create()
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    for (const title of ['one', 'two']) {
      await new StartProcess().handle({
        workflowKey: 'order-fulfilment',
        title,
        assigneeId: me.id,
        actor: manager,
      })
    }
    await drainOutbox()
    const first = await Notification.query()
      .where('user_id', me.id)
      .where('channel', 'in_app')
      .firstOrFail()

    const afterOne = await broadcastsDuring(() =>
      client.post(`/notifications/${first.id}/read`).loginAs(me).withCsrfToken().redirects(0)
    )
    assert.deepEqual(afterOne, [
      { channel: `users/${me.id}`, payload: { type: 'notifications.read', unread: 1 } },
    ])

    const afterAll = await broadcastsDuring(() =>
      client.post('/notifications/read').loginAs(me).withCsrfToken().redirects(0)
    )
    assert.deepEqual(afterAll, [
      { channel: `users/${me.id}`, payload: { type: 'notifications.read', unread: 0 } },
    ])
  })

  test('publishing never throws, even when a message cannot be sent', async ({ assert }) => {
    const seen = await broadcastsDuring(async () => {
      assert.doesNotThrow(() => publishToProcess(1, { huge: BigInt(1) }))
      publishToProcess(2, { type: 'changed' })
    })
    assert.deepEqual(seen, [{ channel: 'processes/2', payload: { type: 'changed' } }])
  })

  test('the event stream delivers my channel and the processes I may see; other people’s channels are refused', async ({
    client,
    assert,
  }) => {
    const me = await UserFactory.create()
    const other = await UserFactory.create()
    const { workflow } = await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, other)
    const { process: visible } = await new StartProcess().handle({
      workflowKey: workflow.key,
      title: 'Watched',
      actor: other,
    })
    const stream = await openStream(await signIn(me))
    try {
      assert.equal(stream.status, 200)
      assert.equal(stream.contentType, 'text/event-stream')

      const subscribe = (channel: string) =>
        client
          .post('/__transmit/subscribe')
          .json({ uid: stream.uid, channel })
          .loginAs(me)
          .withCsrfToken()
      const expected: [string, number][] = [
        [`users/${me.id}`, 204],
        [`processes/${visible.id}`, 204],
        // A process that does not exist answers as one outside the viewer's workflows.
        ['processes/999999', 400],
        [`users/${other.id}`, 400],
      ]
      for (const [channel, status] of expected) {
        const response = await subscribe(channel)
        response.assertStatus(status)
      }

      publishToUser(other.id, { type: 'notification', title: 'not for me' })
      publishToUser(me.id, { type: 'notification', title: 'for me' })
      publishToProcess(visible.id, { type: 'changed' })
      await stream.waitFor('"title":"for me"')
      await stream.waitFor(`"channel":"processes/${visible.id}"`)
      assert.notInclude(stream.received(), 'not for me')
      assert.include(stream.received(), `"channel":"users/${me.id}"`)
    } finally {
      await stream.close()
    }
  })

  test('with Redis, a broadcast made in another process (a worker) reaches this server’s streams', async ({
    assert,
  }) => {
    const config = app.config.get<TransmitConfig>('transmit')
    const me = await UserFactory.create()
    const stream = await openStream(await signIn(me))
    // What a queue worker builds at boot: its own transmit on the same transport.
    const Adapter = transmit.constructor as new (...args: unknown[]) => typeof transmit
    const worker = new Adapter(
      config,
      await app.container.make('router'),
      config.transport!.driver()
    )
    try {
      const subscribed = await fetch(`${baseUrl()}/__transmit/subscribe`, {
        method: 'POST',
        headers: {
          'cookie': stream.cookie,
          'content-type': 'application/json',
          'x-xsrf-token': stream.xsrf,
        },
        body: JSON.stringify({ uid: stream.uid, channel: `users/${me.id}` }),
      })
      assert.equal(subscribed.status, 204)

      worker.broadcast(`users/${me.id}`, { type: 'notification', title: 'from a worker' })
      await stream.waitFor('"title":"from a worker"')
    } finally {
      await worker.shutdown()
      await stream.close()
    }
  }).skip(!app.config.get<TransmitConfig>('transmit').transport, 'needs Redis (REDIS_HOST)')

  test('with Redis away, the transport drops updates, reports it and closes without waiting', async ({
    assert,
  }) => {
    const reports: string[] = []
    const transport = new LiveUpdatesRedisTransport({
      host: '127.0.0.1',
      port: 1, // nothing listens there
      cluster: [],
      report: (message) => reports.push(message),
    }).setId('bus-a')
    const started = Date.now()
    // Transmit subscribes without waiting; the subscription waits for Redis.
    const subscribing = transport.subscribe('somewhere', () => {})
    await transport.publish('somewhere', { type: 'changed' })
    await transport.disconnect()
    await subscribing // settles (without throwing) once the connection is closed

    assert.isBelow(Date.now() - started, 3000)
    assert.include(reports, 'live updates: Redis error')
    assert.include(reports, 'live update not published to Redis')
  })

  test('closing while the connection waits to reconnect settles a pending subscribe and publish', async ({
    assert,
  }) => {
    let failedOnce!: () => void
    const firstError = new Promise<void>((resolve) => (failedOnce = resolve))
    const transport = new LiveUpdatesRedisTransport({
      host: '127.0.0.1',
      port: 1, // refused at once; the next try is 400 ms away
      cluster: [],
      report: () => failedOnce(),
    }).setId('bus-a')
    await firstError
    // Both connections now sit in ioredis's "reconnecting" pause, where
    // disconnect() has no socket left to close (and so never flushes its queue).
    await new Promise((resolve) => setTimeout(resolve, 50))
    const pending = Promise.all([
      transport.subscribe('somewhere', () => {}),
      transport.publish('somewhere', { type: 'changed' }),
    ]).then(() => 'settled')
    await transport.disconnect()

    const outcome = await Promise.race([
      pending,
      new Promise((resolve) => setTimeout(() => resolve('still pending'), 2000)),
    ])
    assert.equal(outcome, 'settled')
  })

  test('shutting down ends the open streams, so the HTTP server can close', async ({ assert }) => {
    const me = await UserFactory.create()
    const stream = await openStream(await signIn(me))
    assert.equal(stream.status, 200)
    await new Promise((resolve) => setTimeout(resolve, 50))

    closeLiveStreams(transmit)
    const ended = await Promise.race([
      stream.ended.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 2000)),
    ])
    assert.isTrue(ended, 'the stream ended')
    await stream.close()
  })

  test('signed out, there is no stream and no subscribing', async ({ client, assert }) => {
    const events = await client.get('/__transmit/events').qs({ uid: randomUUID() }).redirects(0)
    events.assertStatus(302)
    assert.match(String(events.header('location')), /^\/login/)

    const subscribe = await client
      .post('/__transmit/subscribe')
      .json({ uid: randomUUID(), channel: 'processes/1' })
      .header('accept', 'application/json')
      .withCsrfToken()
    subscribe.assertStatus(401)
  })
})
