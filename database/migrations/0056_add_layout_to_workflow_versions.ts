import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Where the designer's canvas draws each stage of a version (JSON
 * `{ [stageKey]: { x, y } }`; null = laid out automatically). Presentation
 * only: kept beside the definition, never in it, so the verifier, the
 * canonical export and the version's hash ignore it.
 */
export default class extends BaseSchema {
  // SQLite drops a column by rebuilding the table, which other tables reference:
  // foreign keys are switched off around it, and PRAGMA is ignored inside a transaction.
  static disableTransactions = true

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
