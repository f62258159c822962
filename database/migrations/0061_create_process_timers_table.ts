import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Timers as rows indexed by due time (app/actions/processes/process_timers.ts):
 * one row per process, kind and key — entering a stage upserts its timers in
 * the transaction of the event, so re-arming replaces — and the sweeper reads
 * only `due_at <= now` (an index range, whatever the size of the history).
 * `stage` and `entered_version` name the stage visit the timer belongs to;
 * `payload` is the id-only payload of the job that fires it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('process_timers', (table) => {
      table.bigIncrements('id')
      table
        .integer('process_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('processes')
        .onDelete('CASCADE')
      table.string('kind', 32).notNullable()
      table.string('key', 64).notNullable().defaultTo('')
      table.string('stage', 64).notNullable()
      table.integer('entered_version').unsigned().notNullable()
      table.timestamp('due_at').notNullable()
      table.text('payload').notNullable()
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table.unique(['process_id', 'kind', 'key'])
      table.index(['due_at', 'kind'])
    })
  }

  async down() {
    this.schema.dropTable('process_timers')
  }
}
