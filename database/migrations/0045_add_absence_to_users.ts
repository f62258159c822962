import { BaseSchema } from '@adonisjs/lucid/schema'
import { SQLITE_REBUILDS_TABLES } from '#database/sqlite_rebuild'

/**
 * Delegation (issue 19): a user's absence (first and last day, inclusive)
 * and who acts for them meanwhile. Read at assignment and vote time.
 */
export default class extends BaseSchema {
  // Other tables reference `users`: see database/sqlite_rebuild.ts.
  static disableTransactions = SQLITE_REBUILDS_TABLES

  async up() {
    this.schema.alterTable('users', (table) => {
      table.date('absent_from').nullable()
      table.date('absent_to').nullable()
      table
        .integer('delegate_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropForeign(['delegate_id'])
      table.dropColumn('delegate_id')
      table.dropColumn('absent_from')
      table.dropColumn('absent_to')
    })
  }
}
