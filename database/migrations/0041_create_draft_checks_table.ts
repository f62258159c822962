import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Draft checks run in the background: the draft as it was when asked for
 * (so the answer is about that draft even if it is edited meanwhile), how
 * many processes to replay, progress, and the result (or the error).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('draft_checks', (table) => {
      table.increments('id')
      table
        .integer('workflow_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflows')
        .onDelete('CASCADE')
      table
        .integer('workflow_version_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflow_versions')
        .onDelete('CASCADE')
      table.integer('draft_number').unsigned().notNullable()
      table.text('definition', 'mediumtext').notNullable()
      table.integer('process_limit').unsigned().notNullable()
      table.string('status', 16).notNullable()
      table.integer('progress').unsigned().notNullable().defaultTo(0)
      table.text('result', 'mediumtext').nullable()
      table.text('error').nullable()
      table
        .integer('requested_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.timestamp('started_at').nullable()
      table.timestamp('finished_at').nullable()
      // The poll reads by id within a workflow; old runs are pruned per workflow by age.
      table.index(['workflow_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('draft_checks')
  }
}
