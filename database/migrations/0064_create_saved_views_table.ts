import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Saved views of the process list (issue 22): a filter (the list's query
 * string, data filters included), the columns shown and the sort, saved
 * by name; private to its owner or shared with a team or a role. A view
 * of one workflow keeps its id, so workflow access can hide it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('saved_views', (table) => {
      table.increments('id')
      table
        .integer('owner_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('name', 120).notNullable()
      table
        .integer('workflow_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('workflows')
        .onDelete('CASCADE')
      table.text('filters').notNullable()
      table.text('columns').notNullable()
      table.string('sort', 32).notNullable()
      table.string('direction', 4).notNullable()
      table.string('visibility', 8).notNullable()
      table
        .integer('team_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('teams')
        .onDelete('CASCADE')
      table.string('role', 16).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['owner_id', 'name'])
      table.index(['team_id'])
      table.index(['role'])
    })
  }

  async down() {
    this.schema.dropTable('saved_views')
  }
}
