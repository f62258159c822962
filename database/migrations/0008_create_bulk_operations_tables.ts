import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Bulk actions on the process list (assign, transition, cancel): the
 * request with its progress counters, and one row per selected process
 * that starts "pending" and ends with its outcome.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('bulk_operations', (table) => {
      table.increments('id')
      table
        .integer('requested_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.string('action', 16).notNullable()
      table.text('parameters').notNullable()
      table.text('selection').notNullable()
      table.string('status', 16).notNullable()
      table.integer('total').unsigned().notNullable().defaultTo(0)
      table.integer('processed').unsigned().notNullable().defaultTo(0)
      table.integer('succeeded').unsigned().notNullable().defaultTo(0)
      table.integer('refused').unsigned().notNullable().defaultTo(0)
      table.integer('failed').unsigned().notNullable().defaultTo(0)
      table.text('error').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('started_at').nullable()
      table.timestamp('finished_at').nullable()
      table.index(['requested_by', 'created_at'])
    })

    this.schema.createTable('bulk_operation_items', (table) => {
      table.bigIncrements('id')
      table
        .integer('bulk_operation_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('bulk_operations')
        .onDelete('CASCADE')
      table
        .integer('process_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('processes')
        .onDelete('CASCADE')
      table.string('outcome', 16).notNullable()
      table.string('code', 48).nullable()
      table.text('message').nullable()
      table.unique(['bulk_operation_id', 'process_id'])
      table.index(['bulk_operation_id', 'outcome'])
    })
  }

  async down() {
    this.schema.dropTable('bulk_operation_items')
    this.schema.dropTable('bulk_operations')
  }
}
