import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { MariaDbServer, mariadbMissing } from '#tests/cluster/mariadb_server'
import { freePort } from '#tests/helpers/redis_server'
import {
  newScope,
  withStickyScope,
  replicasOf,
  forgetReplicas,
  replicaHealth,
  needsPrimary,
} from '#support/sticky_reads'
import StickyReadsMiddleware from '#middleware/sticky_reads_middleware'

/*
 * A MariaDB of the test's own holds two databases: "sticky_primary" is the
 * write host and "sticky_replica" the read replica, which never receives
 * the writes. So every read tells where it went: "primary…" or "replica".
 * (Lucid has no replicas on SQLite, so both CI runs use this server.)
 */
const missing = mariadbMissing()

function registerConnection(name: string, server: MariaDbServer, replicaPort?: number) {
  const primary = server.connection('sticky_primary')
  const replica = { ...server.connection('sticky_replica'), port: replicaPort ?? server.port }
  db.manager.add(name, {
    client: 'mysql2',
    connection: primary,
    replicas: { write: { connection: primary }, read: { connection: [replica] } },
    pool: { min: 0, max: 4 },
  })
}

async function readBody(connection = 'sticky') {
  const row = await db.connection(connection).from('notes').where('id', 1).first()
  return row?.body as string
}

test.group('Sticky reads over a primary and a read replica', (group) => {
  let server: MariaDbServer

  group.setup(async () => {
    if (missing) return
    server = await MariaDbServer.start(app.makePath('tmp', `sticky-${process.pid}`), 1)
    await server.query(`
      CREATE DATABASE sticky_primary; CREATE DATABASE sticky_replica;
      CREATE TABLE sticky_primary.notes (id INT PRIMARY KEY, body VARCHAR(50) NOT NULL);
      CREATE TABLE sticky_replica.notes (id INT PRIMARY KEY, body VARCHAR(50) NOT NULL);`)
    registerConnection('sticky', server)
    await replicasOf('sticky')!.check()
  })

  group.teardown(async () => {
    if (missing) return
    for (const name of ['sticky', 'sticky_down']) {
      await forgetReplicas(name)
      if (db.manager.has(name)) await db.manager.close(name, true)
    }
    await server?.destroy()
  })

  group.each.setup(async () => {
    if (missing) return
    await server.query(`
      DELETE FROM sticky_primary.notes; DELETE FROM sticky_replica.notes;
      INSERT INTO sticky_primary.notes VALUES (1, 'primary');
      INSERT INTO sticky_replica.notes VALUES (1, 'replica');`)
  })

  test('a request that has not written reads from the replica', async ({ assert }) => {
    const scope = newScope()
    const body = await withStickyScope(scope, () => readBody())
    assert.equal(body, 'replica')
    assert.equal(scope.replicaReads, 1)
    assert.isFalse(scope.wrote)
  }).skip(Boolean(missing), missing ?? '')

  test('after a write, later reads of the same request go to the primary', async ({ assert }) => {
    const scope = newScope()
    const [before, after] = await withStickyScope(scope, async () => {
      const first = await readBody()
      await db.connection('sticky').from('notes').where('id', 1).update({ body: 'primary-2' })
      return [first, await readBody()]
    })
    assert.equal(before, 'replica')
    assert.equal(after, 'primary-2')
    assert.isTrue(scope.wrote)
    // The write went to the primary only.
    const [replicaRow] = await server.query('SELECT body FROM sticky_replica.notes WHERE id = 1')
    assert.equal(replicaRow.body, 'replica')
  }).skip(Boolean(missing), missing ?? '')

  test('metrics: query durations by connection (replica, primary) and sticky reads counted', async ({
    assert,
  }) => {
    const { registry } = await import('#support/metrics/registry')
    const { sample } = await import('#tests/helpers/prometheus_text')
    const read = async () => {
      const text = await registry.metrics()
      return {
        replica: sample(text, 'stageflow_db_query_duration_seconds_count', {
          connection: 'replica',
        }),
        sticky: sample(text, 'stageflow_db_sticky_reads_total'),
      }
    }
    const before = await read()
    await withStickyScope(newScope(), async () => {
      await readBody()
      await db.connection('sticky').from('notes').where('id', 1).update({ body: 'primary-3' })
      await readBody()
      await readBody()
    })
    const after = await read()
    assert.equal(after.replica - before.replica, 1)
    assert.equal(after.sticky - before.sticky, 2)
  }).skip(Boolean(missing), missing ?? '')

  test('transactions run on the primary and make the request sticky', async ({ assert }) => {
    const scope = newScope()
    const [inside, after] = await withStickyScope(scope, async () => {
      const row = await db
        .connection('sticky')
        .transaction((trx) => trx.from('notes').where('id', 1).first())
      return [row.body, await readBody()]
    })
    assert.equal(inside, 'primary')
    assert.equal(after, 'primary')
  }).skip(Boolean(missing), missing ?? '')

  test('FOR UPDATE and raw writes go to the primary; raw selects to the replica', async ({
    assert,
  }) => {
    const locked = await withStickyScope(newScope(), async () => {
      const row = await db.connection('sticky').from('notes').where('id', 1).forUpdate().first()
      return row.body
    })
    assert.equal(locked, 'primary')

    const rawSelect = await withStickyScope(newScope(), async () => {
      const [rows] = await db.connection('sticky').rawQuery('SELECT body FROM notes WHERE id = 1')
      return rows[0].body
    })
    assert.equal(rawSelect, 'replica')

    // Lucid alone would send this UPDATE to the replica.
    const scope = newScope()
    await withStickyScope(scope, async () => {
      await db.connection('sticky').rawQuery("UPDATE notes SET body = 'raw' WHERE id = 1")
    })
    assert.isTrue(scope.wrote)
    const [primaryRow] = await server.query('SELECT body FROM sticky_primary.notes WHERE id = 1')
    const [replicaRow] = await server.query('SELECT body FROM sticky_replica.notes WHERE id = 1')
    assert.equal(primaryRow.body, 'raw')
    assert.equal(replicaRow.body, 'replica')

    assert.isTrue(needsPrimary({ sql: 'select 1 for update', _method: undefined }))
    assert.isFalse(needsPrimary({ sql: '  WITH x AS (select 1) select * from x' }))
  }).skip(Boolean(missing), missing ?? '')

  test('work outside a request (jobs, commands) reads the primary', async ({ assert }) => {
    assert.equal(await readBody(), 'primary')
  }).skip(Boolean(missing), missing ?? '')

  test('a replica that is down is skipped: reads fall back to the primary', async ({ assert }) => {
    registerConnection('sticky_down', server, await freePort())
    await replicasOf('sticky_down')!.check()
    const health = replicaHealth().find((r) => r.connection === 'sticky_down')!
    assert.isFalse(health.healthy)
    assert.match(health.reason, /^down/)

    const scope = newScope()
    assert.equal(await withStickyScope(scope, () => readBody('sticky_down')), 'primary')
    assert.equal(scope.primaryReads, 1)
  }).skip(Boolean(missing), missing ?? '')

  test('a write is remembered in the session: the page after the redirect reads the primary', async ({
    assert,
  }) => {
    const middleware = new StickyReadsMiddleware()
    const store = new Map<string, unknown>()
    const session = {
      get: (key: string) => store.get(key),
      put: (k: string, v: unknown) => store.set(k, v),
    }
    const ctx = { session } as unknown as HttpContext

    // The form post writes…
    await middleware.handle(ctx, async () => {
      await db.connection('sticky').from('notes').where('id', 1).update({ body: 'posted' })
    })
    assert.isAbove(Number(store.get(StickyReadsMiddleware.sessionKey)), Date.now())

    // …so the GET after the redirect reads the primary, without writing itself.
    let afterRedirect = ''
    await middleware.handle(ctx, async () => {
      afterRedirect = await readBody()
    })
    assert.equal(afterRedirect, 'posted')

    // Another browser (no marker) still reads the replica; so does this one once the marker expired.
    let other = ''
    await middleware.handle({ session: { get: () => undefined, put() {} } } as any, async () => {
      other = await readBody()
    })
    assert.equal(other, 'replica')
    store.set(StickyReadsMiddleware.sessionKey, Date.now() - 1)
    let expired = ''
    await middleware.handle(ctx, async () => {
      expired = await readBody()
    })
    assert.equal(expired, 'replica')
  }).skip(Boolean(missing), missing ?? '')
})
