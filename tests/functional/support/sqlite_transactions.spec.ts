import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { freshDatabase, truncateAll } from '#tests/helpers/common'

const SQLITE_ONLY =
  env.get('DB_CONNECTION') === 'sqlite' ? null : 'SQLite locking; MySQL locks rows, not the file'
const OTHER = 'sqlite_other_process'

/**
 * Another process writing to the same SQLite file (a worker, `node ace`)
 * is played by a second connection of this process: SQLite locks per
 * connection, so it behaves the same. It does not wait for a lock (busy
 * timeout 0): a write it cannot make fails at once.
 */
async function otherProcess() {
  if (!db.manager.has(OTHER)) db.manager.add(OTHER, db.getRawConnection('sqlite')!.config)
  const other = db.connection(OTHER)
  await other.rawQuery('PRAGMA busy_timeout = 0')
  return other
}

test.group('Support / SQLite transactions across processes', (group) => {
  freshDatabase(group)
  group.each.teardown(() => truncateAll())

  test('a transaction that reads, then writes, is not broken by another process committing in between', async ({
    assert,
  }) => {
    await db.table('workflows').insert({
      key: 'race',
      name: 'Race',
      reference_prefix: 'RC',
      created_at: new Date(),
      updated_at: new Date(),
    })
    const other = await otherProcess()
    try {
      let otherWrite: string | null = null
      await db.transaction(async (trx) => {
        await trx.from('workflows').where('key', 'race').first()
        // The other process tries to commit while this transaction is open.
        try {
          await other.from('workflows').where('key', 'race').update({ name: 'Theirs' })
        } catch (error) {
          otherWrite = (error as { code?: string }).code ?? String(error)
        }
        await trx.from('workflows').where('key', 'race').update({ name: 'Ours' })
      })
      // The other writer had to wait for the lock (here: it gave up at once).
      assert.equal(otherWrite, 'SQLITE_BUSY')
      const row = await db.from('workflows').where('key', 'race').first()
      assert.equal(row.name, 'Ours')
      // Once the transaction ended, the other process writes normally.
      await other.from('workflows').where('key', 'race').update({ name: 'Theirs' })
      const after = await db.from('workflows').where('key', 'race').first()
      assert.equal(after.name, 'Theirs')
    } finally {
      await db.manager.close(OTHER, true)
    }
  }).skip(Boolean(SQLITE_ONLY), SQLITE_ONLY ?? undefined)

  test('nested transactions still use savepoints', async ({ assert }) => {
    await db.table('workflows').insert({
      key: 'outer',
      name: 'Outer',
      reference_prefix: 'OU',
      created_at: new Date(),
      updated_at: new Date(),
    })
    await db.transaction(async (trx) => {
      await trx.from('workflows').where('key', 'outer').update({ name: 'Changed' })
      const nested = await trx.transaction()
      await nested.from('workflows').where('key', 'outer').update({ name: 'Rolled back' })
      await nested.rollback()
    })
    const row = await db.from('workflows').where('key', 'outer').first()
    assert.equal(row.name, 'Changed')
  })
})
