import { BaseSchema } from '@adonisjs/lucid/schema'
import { SQLITE_REBUILDS_TABLES } from '#database/sqlite_rebuild'

/**
 * Work queues (issue 19): the team whose queue an unassigned process waits
 * in (derived from its state and stage, written by the engine's write
 * path), and where each team's round robin stands.
 */
export default class extends BaseSchema {
  // Other tables reference `processes`: see database/sqlite_rebuild.ts.
  static disableTransactions = SQLITE_REBUILDS_TABLES

  async up() {
    this.schema.alterTable('processes', (table) => {
      table.string('queue_team', 64).nullable()
      // "Team queues": the open, unclaimed processes of my teams, oldest first.
      table.index(['queue_team', 'status', 'created_at'])
    })
    this.schema.createTable('team_rotations', (table) => {
      table.string('team_key', 64).primary()
      table.integer('last_user_id').unsigned().nullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('team_rotations')
    this.schema.alterTable('processes', (table) => {
      table.dropIndex(['queue_team', 'status', 'created_at'])
      table.dropColumn('queue_team')
    })
  }
}
