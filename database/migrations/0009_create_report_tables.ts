import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Reports: one row per requested run (parameters, progress, result) and
 * the scheduled reports e-mailed daily or weekly. Also the indexes the
 * report queries read through on the process tables.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('report_schedules', (table) => {
      table.increments('id')
      table.string('kind', 16).notNullable()
      table.text('params').notNullable()
      table.string('frequency', 8).notNullable()
      // User ids, a short JSON list chosen in the form.
      table.text('recipients').notNullable()
      table
        .integer('created_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('next_run_at').notNullable()
      table.timestamp('last_run_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('report_runs', (table) => {
      table.increments('id')
      table.string('kind', 16).notNullable()
      table.text('params').notNullable()
      // sha256 of kind + normalized params: finds a recent identical run.
      table.string('params_hash', 64).notNullable()
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
      table
        .integer('schedule_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('report_schedules')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.timestamp('started_at').nullable()
      table.timestamp('finished_at').nullable()
      table.index(['params_hash', 'status', 'finished_at'])
      table.index(['requested_by', 'created_at'])
      table.index(['created_at'])
    })

    this.schema.alterTable('processes', (table) => {
      table.index(['closed_at'], 'processes_reports_closed_at_index')
    })
    this.schema.alterTable('process_events', (table) => {
      // Covers the stage-visit scan (window over each process's events).
      table.index(['process_id', 'type', 'sequence'], 'process_events_reports_visits_index')
    })
  }

  async down() {
    this.schema.alterTable('process_events', (table) => {
      table.dropIndex([], 'process_events_reports_visits_index')
    })
    this.schema.alterTable('processes', (table) => {
      table.dropIndex([], 'processes_reports_closed_at_index')
    })
    this.schema.dropTable('report_runs')
    this.schema.dropTable('report_schedules')
  }
}
