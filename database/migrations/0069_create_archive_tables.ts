import { BaseSchema } from '@adonisjs/lucid/schema'
import { SQLITE_REBUILDS_TABLES } from '#database/sqlite_rebuild'

/**
 * Retention and archives (issue 22). `workflows.retention` holds the
 * workflow's policy (JSON `{ archiveClosedAfterDays }`, null: keep
 * everything), stored with the workflow, not a version. `archive_bundles`
 * lists the bundles written to the drive disk (one per workflow and month
 * of closing; a later run for the same month writes a numbered part).
 * `archived_processes` is the stub left when a process's rows leave the
 * live tables: enough to find it by reference and to say which bundle
 * holds it. No foreign key to `processes`: the row is gone.
 */
export default class extends BaseSchema {
  // Other tables reference `workflows`: see database/sqlite_rebuild.ts.
  static disableTransactions = SQLITE_REBUILDS_TABLES

  async up() {
    this.schema.alterTable('workflows', (table) => {
      table.text('retention').nullable()
    })
    this.schema.alterTable('processes', (table) => {
      // The retention job reads closed processes by workflow and closing time.
      table.index(['workflow_id', 'closed_at'], 'processes_workflow_closed_index')
    })

    this.schema.createTable('archive_bundles', (table) => {
      table.increments('id')
      table.string('name', 255).notNullable().unique()
      table.integer('workflow_id').unsigned().notNullable().references('id').inTable('workflows')
      table.string('month', 7).notNullable()
      table.integer('process_count').unsigned().notNullable()
      table.integer('event_count').unsigned().notNullable()
      table.integer('line_count').unsigned().notNullable()
      table.string('first_hash', 64).notNullable()
      table.string('last_hash', 64).notNullable()
      /** sha256 of the gzip file as written. */
      table.string('sha256', 64).notNullable()
      table.integer('bytes').unsigned().notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['workflow_id', 'month'])
    })

    this.schema.createTable('archived_processes', (table) => {
      table.increments('id')
      table.integer('process_id').unsigned().notNullable().unique()
      table.integer('workflow_id').unsigned().notNullable().references('id').inTable('workflows')
      table.string('reference', 24).notNullable()
      table.string('title', 200).notNullable()
      /** The outcome: the process's status and the stage it ended in. */
      table.string('status', 16).notNullable()
      table.string('stage_key', 64).notNullable()
      table.integer('event_count').unsigned().notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('closed_at').notNullable()
      table
        .integer('bundle_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('archive_bundles')
      table.timestamp('archived_at').notNullable()
      /** Set by `archive:restore`: the process is live again (and retention leaves it alone). */
      table.timestamp('restored_at').nullable()
      table.index(['reference'])
      table.index(['workflow_id', 'closed_at'])
    })
  }

  async down() {
    this.schema.dropTable('archived_processes')
    this.schema.dropTable('archive_bundles')
    this.schema.alterTable('processes', (table) => {
      table.dropIndex(['workflow_id', 'closed_at'], 'processes_workflow_closed_index')
    })
    const sqlite = this.db.dialect.name.includes('sqlite')
    if (sqlite) this.defer((db) => db.rawQuery('PRAGMA foreign_keys = OFF'))
    this.schema.alterTable('workflows', (table) => {
      table.dropColumn('retention')
    })
    if (sqlite) this.defer((db) => db.rawQuery('PRAGMA foreign_keys = ON'))
  }
}
