import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The `stage_visits` read model (one row per stage a process entered,
 * derived from its events by the projector, never written by commands) and
 * the projectors' checkpoints: `position` is the event id below which every
 * event is projected; `seen_max`/`seen_count`/`seen_at` describe the events
 * after it at the last run, so a run with nothing new is one range count,
 * and ids seen `seen_at` more than the safety window ago become the new
 * position (a transaction may commit a lower id after a higher one).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('stage_visits', (table) => {
      table
        .integer('process_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('processes')
        .onDelete('CASCADE')
      table.integer('entered_sequence').unsigned().notNullable()
      table.integer('workflow_id').unsigned().notNullable()
      table.integer('workflow_version_id').unsigned().notNullable()
      table.string('stage_key', 64).notNullable()
      table.timestamp('entered_at', { precision: 3 }).notNullable()
      table.timestamp('left_at', { precision: 3 }).nullable()
      table.integer('duration_seconds').nullable()
      // The SLA due time recorded on the entering event (working-time and resumed clocks), ISO text.
      table.string('sla_due_at', 32).nullable()
      table.integer('working_seconds').nullable()
      table.integer('assignee_id').unsigned().nullable()
      // How the visit ended: transitioned, migrated, cancelled, completed (end stage), null while open.
      table.string('outcome', 16).nullable()
      table.primary(['process_id', 'entered_sequence'])
      table.index(['left_at'], 'stage_visits_left_at_index')
      table.index(['entered_at'], 'stage_visits_entered_at_index')
      table.index(['workflow_version_id', 'stage_key'], 'stage_visits_version_stage_index')
    })

    this.schema.createTable('projection_checkpoints', (table) => {
      table.string('name', 64).primary()
      table.bigInteger('position').unsigned().notNullable().defaultTo(0)
      table.bigInteger('seen_max').unsigned().notNullable().defaultTo(0)
      table.integer('seen_count').unsigned().notNullable().defaultTo(0)
      table.bigInteger('note_max').unsigned().notNullable().defaultTo(0)
      table.bigInteger('note_at_ms').notNullable().defaultTo(0)
      table.bigInteger('updated_at_ms').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.dropTable('projection_checkpoints')
    this.schema.dropTable('stage_visits')
  }
}
