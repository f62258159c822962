import { BaseSchema } from '@adonisjs/lucid/schema'
import { SQLITE_REBUILDS_TABLES } from '#database/sqlite_rebuild'

/**
 * Sub-processes: a child process names its parent, the parent's stage entry
 * (the sequence of the event that entered the children stage) and its
 * position; the unique triple makes spawning exactly once whatever the
 * retries. `child_spawns` is one row per stage entry that starts children:
 * how many, and whether it is spawning, waiting, done or needs attention.
 */
export default class extends BaseSchema {
  // Other tables reference `processes`: see database/sqlite_rebuild.ts.
  static disableTransactions = SQLITE_REBUILDS_TABLES

  async up() {
    this.schema.alterTable('processes', (table) => {
      table.integer('parent_id').unsigned().nullable().references('id').inTable('processes')
      table.integer('parent_sequence').unsigned().nullable()
      table.integer('parent_index').unsigned().nullable()
      table.index(['parent_id', 'parent_sequence'], 'processes_parent_index')
      table.unique(['parent_id', 'parent_sequence', 'parent_index'], {
        indexName: 'processes_parent_position_unique',
      })
    })
    this.schema.createTable('child_spawns', (table) => {
      table.increments('id')
      table.integer('parent_id').unsigned().notNullable().references('id').inTable('processes')
      table.integer('entry_sequence').unsigned().notNullable()
      table.string('stage_key', 64).notNullable()
      table.string('child_workflow', 64).notNullable()
      // spawning → waiting → done | needs_attention
      table.string('status', 20).notNullable()
      table.integer('total').unsigned().notNullable().defaultTo(0)
      table.text('error').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['parent_id', 'entry_sequence'])
      table.index(['status'])
    })
  }

  async down() {
    this.schema.dropTable('child_spawns')
    // The foreign key first: MySQL keeps an index for it otherwise.
    this.schema.alterTable('processes', (table) => {
      table.dropForeign(['parent_id'])
    })
    this.schema.alterTable('processes', (table) => {
      table.dropUnique(
        ['parent_id', 'parent_sequence', 'parent_index'],
        'processes_parent_position_unique'
      )
      table.dropIndex(['parent_id', 'parent_sequence'], 'processes_parent_index')
      table.dropColumn('parent_id')
      table.dropColumn('parent_sequence')
      table.dropColumn('parent_index')
    })
  }
}
