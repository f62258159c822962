import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Moving running processes to a newer workflow version: the request
 * (mapping of old stage keys to new ones, progress) and a result per
 * process.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('process_migrations', (table) => {
      table.increments('id')
      table
        .integer('workflow_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflows')
        .onDelete('CASCADE')
      table
        .integer('from_version_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflow_versions')
      table
        .integer('to_version_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflow_versions')
      table.text('mapping').notNullable()
      table.string('status', 16).notNullable()
      table.integer('total').unsigned().notNullable().defaultTo(0)
      table.integer('moved').unsigned().notNullable().defaultTo(0)
      table.integer('refused').unsigned().notNullable().defaultTo(0)
      table.integer('failed').unsigned().notNullable().defaultTo(0)
      table
        .integer('requested_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.text('error').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('started_at').nullable()
      table.timestamp('finished_at').nullable()
      table.index(['workflow_id', 'created_at'])
    })

    this.schema.createTable('process_migration_items', (table) => {
      table.bigIncrements('id')
      table
        .integer('process_migration_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('process_migrations')
        .onDelete('CASCADE')
      table
        .integer('process_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('processes')
        .onDelete('CASCADE')
      table.string('from_stage', 64).notNullable()
      table.string('to_stage', 64).nullable()
      table.string('result', 16).notNullable()
      table.text('reason').nullable()
      table.unique(['process_migration_id', 'process_id'])
    })
  }

  async down() {
    this.schema.dropTable('process_migration_items')
    this.schema.dropTable('process_migrations')
  }
}
