import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Teams: a named group of users (Finance, HR, Support) with leads. Work
 * queues, workflow access and approvals name teams by their key.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('teams', (table) => {
      table.increments('id')
      table.string('key', 64).notNullable().unique()
      table.string('name', 120).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('team_members', (table) => {
      table
        .integer('team_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('teams')
        .onDelete('CASCADE')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.boolean('lead').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.primary(['team_id', 'user_id'])
      // "Which teams is this user in?" runs on every request that checks access.
      table.index(['user_id', 'team_id'])
    })
  }

  async down() {
    this.schema.dropTable('team_members')
    this.schema.dropTable('teams')
  }
}
