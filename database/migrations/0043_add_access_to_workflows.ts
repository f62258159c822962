import { BaseSchema } from '@adonisjs/lucid/schema'
import { SQLITE_REBUILDS_TABLES } from '#database/sqlite_rebuild'

/**
 * Settings of a workflow that are not part of a version: who may start,
 * see and work on its processes (JSON `{ start, see, work }`, each a list of
 * `{ team }` / `{ role }`; null = everyone) and the business calendar its
 * SLAs count in (null = the default calendar).
 */
export default class extends BaseSchema {
  // Other tables reference `workflows`: see database/sqlite_rebuild.ts.
  static disableTransactions = SQLITE_REBUILDS_TABLES

  async up() {
    this.schema.alterTable('workflows', (table) => {
      table.text('access').nullable()
      table.string('calendar_key', 64).nullable()
    })
  }

  async down() {
    const sqlite = this.db.dialect.name.includes('sqlite')
    if (sqlite) this.defer((db) => db.rawQuery('PRAGMA foreign_keys = OFF'))
    this.schema.alterTable('workflows', (table) => {
      table.dropColumn('access')
      table.dropColumn('calendar_key')
    })
    if (sqlite) this.defer((db) => db.rawQuery('PRAGMA foreign_keys = ON'))
  }
}
