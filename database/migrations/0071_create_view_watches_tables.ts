import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Watched saved views (issue 22): who watches which view, and per
 * (view, watcher, process) that the process matched when last evaluated,
 * so a watcher is notified once when a process newly matches
 * (app/actions/views/view_watches.ts).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('view_watches', (table) => {
      table.increments('id')
      table
        .integer('view_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('saved_views')
        .onDelete('CASCADE')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.timestamp('created_at').notNullable()
      table.unique(['view_id', 'user_id'])
      table.index(['user_id'])
    })
    this.schema.createTable('view_watch_matches', (table) => {
      table
        .integer('watch_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('view_watches')
        .onDelete('CASCADE')
      table
        .integer('process_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('processes')
        .onDelete('CASCADE')
      table.timestamp('created_at').notNullable()
      table.primary(['watch_id', 'process_id'])
      table.index(['process_id'])
    })
  }

  async down() {
    this.schema.dropTable('view_watch_matches')
    this.schema.dropTable('view_watches')
  }
}
