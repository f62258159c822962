import { test } from '@japa/runner'
import Database from 'better-sqlite3'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { freshDatabase, truncateAll } from '#tests/helpers/common'

const SQLITE_ONLY =
  env.get('DB_CONNECTION') === 'sqlite' ? null : 'SQLite locking; MySQL locks rows, not the file'

/**
 * Another process writing to the same SQLite file (a worker, `node ace`)
 * is played by a second connection of this process: SQLite locks per
 * connection, so it behaves the same.
 */
function otherProcess() {
  const other = new Database(app.makePath(env.get('SQLITE_FILE') || 'tmp/db.sqlite3'))
  other.pragma('busy_timeout = 0')
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
    const other = otherProcess()
    try {
      let otherWrite: string | null = null
      await db.transaction(async (trx) => {
        await trx.from('workflows').where('key', 'race').first()
        // The other process tries to commit while this transaction is open.
        try {
          other.prepare("update workflows set name = 'Theirs' where key = 'race'").run()
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
      other.prepare("update workflows set name = 'Theirs' where key = 'race'").run()
      const after = await db.from('workflows').where('key', 'race').first()
      assert.equal(after.name, 'Theirs')
    } finally {
      other.close()
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
