import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * `archived_processes.purged_at`: when the live rows of an archived
 * process were removed. The retention job's purge step looks for stubs
 * still to purge; without this it walked every stub ever written (joined to
 * `processes`, finding nothing) on each hourly run, a cost growing with the
 * archive. With `(purged_at, process_id)` "nothing to purge" is an empty
 * index range. Stubs whose process is already gone are marked here.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('archived_processes', (table) => {
      table.timestamp('purged_at').nullable()
      table.index(['purged_at', 'process_id'], 'archived_processes_purge_index')
    })
    this.defer(async (db) => {
      await db.rawQuery(
        `UPDATE archived_processes SET purged_at = archived_at
         WHERE restored_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM processes WHERE processes.id = archived_processes.process_id)`
      )
    })
  }

  async down() {
    this.schema.alterTable('archived_processes', (table) => {
      table.dropIndex(['purged_at', 'process_id'], 'archived_processes_purge_index')
      table.dropColumn('purged_at')
    })
  }
}
