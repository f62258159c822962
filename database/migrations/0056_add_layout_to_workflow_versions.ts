import { BaseSchema } from '@adonisjs/lucid/schema'
import { SQLITE_REBUILDS_TABLES } from '#database/sqlite_rebuild'

/**
 * Where the designer's canvas draws each stage of a version (JSON
 * `{ [stageKey]: { x, y } }`; null = laid out automatically). Presentation
 * only: kept beside the definition, never in it, so the verifier, the
 * canonical export and the version's hash ignore it.
 */
export default class extends BaseSchema {
  // Other tables reference `workflow_versions`: see database/sqlite_rebuild.ts.
  static disableTransactions = SQLITE_REBUILDS_TABLES

  async up() {
    this.schema.alterTable('workflow_versions', (table) => {
      table.text('layout').nullable()
    })
  }

  async down() {
    const sqlite = this.db.dialect.name.includes('sqlite')
    if (sqlite) this.defer((db) => db.rawQuery('PRAGMA foreign_keys = OFF'))
    this.schema.alterTable('workflow_versions', (table) => {
      table.dropColumn('layout')
    })
    if (sqlite) this.defer((db) => db.rawQuery('PRAGMA foreign_keys = ON'))
  }
}
