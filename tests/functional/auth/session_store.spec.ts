import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { stores } from '@adonisjs/session'
import type { HttpContext } from '@adonisjs/core/http'
import { throttledTouch } from '#support/session/throttled_touch'
import { freshDatabase } from '#tests/helpers/common'

/*
| The database session store, as production configures it (wrapped so an
| unchanged session is not written on every request), against the real
| `sessions` table.
*/
test.group('Database session store with throttled touches', (group) => {
  freshDatabase(group)

  test('reads and writes reach the table; repeated touches write the expiry once', async ({
    assert,
  }) => {
    const factory = await throttledTouch(
      stores.database({ tableName: 'sessions', gcProbability: 0 }),
      60_000
    ).resolver(app)
    const store = factory({} as HttpContext, {
      enabled: true,
      cookieName: 'test',
      age: '2h',
      cookie: {},
    })

    await store.write('session-a', { userId: 7 })
    assert.deepEqual(await store.read('session-a'), { userId: 7 })

    // Put the stored expiry back, then touch twice: the write counted as a touch, so neither reaches the table.
    await db.from('sessions').where('id', 'session-a').update({ expires_at: '2020-01-01 00:00:00' })
    await store.touch('session-a')
    await store.touch('session-a')
    const row = await db.from('sessions').where('id', 'session-a').first()
    assert.include(
      String(row.expires_at instanceof Date ? row.expires_at.toISOString() : row.expires_at),
      '2020-01-01'
    )

    // A session this process has not written or touched is touched at once.
    await db.table('sessions').insert({
      id: 'session-b',
      data: JSON.stringify({ userId: 8 }),
      expires_at: '2020-01-01 00:00:00',
    })
    await store.touch('session-b')
    const touched = await db.from('sessions').where('id', 'session-b').first()
    assert.isAbove(new Date(touched.expires_at).getTime(), Date.now())

    await store.destroy('session-a')
    assert.isNull(await db.from('sessions').where('id', 'session-a').first())
  })
})
