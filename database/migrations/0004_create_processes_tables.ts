import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Processes (current state), their append-only event log, and the
 * transactional outbox. Every write to a process updates `processes` with a
 * conditional UPDATE on `version`, appends one event and any outbox rows in
 * the same transaction.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('processes', (table) => {
      table.increments('id')
      table.integer('workflow_id').unsigned().notNullable().references('id').inTable('workflows')
      table
        .integer('workflow_version_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflow_versions')
      table.string('reference', 24).notNullable()
      table.string('title', 200).notNullable()
      table.text('data', 'mediumtext').notNullable()
      table.string('stage_key', 64).notNullable()
      table.string('status', 16).notNullable()
      table.string('priority', 8).notNullable().defaultTo('normal')
      table
        .integer('creator_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table
        .integer('assignee_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('due_at').nullable()
      table.boolean('sla_breached').notNullable().defaultTo(false)
      table.integer('version').unsigned().notNullable()
      // Idempotency of "start": one key per creator.
      table.string('idempotency_key', 128).nullable()
      table.timestamp('stage_entered_at').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.timestamp('closed_at').nullable()

      table.unique(['workflow_id', 'reference'])
      table.unique(['creator_id', 'idempotency_key'])
      // Filters and sorts the lists offer.
      table.index(['status', 'updated_at'])
      table.index(['workflow_id', 'status', 'stage_key'])
      table.index(['assignee_id', 'status', 'due_at'])
      table.index(['status', 'due_at'])
      table.index(['created_at'])
      table.index(['priority'])
      table.index(['title'])
    })

    this.schema.createTable('process_events', (table) => {
      table.bigIncrements('id')
      table
        .integer('process_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('processes')
        .onDelete('CASCADE')
      table.integer('sequence').unsigned().notNullable()
      table.string('type', 32).notNullable()
      table.string('from_stage', 64).nullable()
      table.string('to_stage', 64).nullable()
      table
        .integer('actor_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.text('payload', 'mediumtext').notNullable()
      table.string('idempotency_key', 128).nullable()
      table.timestamp('occurred_at', { precision: 3 }).notNullable()

      // Gapless per process, and one event per idempotency key per process.
      table.unique(['process_id', 'sequence'])
      table.unique(['process_id', 'idempotency_key'])
      table.index(['type', 'occurred_at'])
      table.index(['occurred_at'])
      table.index(['actor_id'])
    })

    this.schema.createTable('outbox_messages', (table) => {
      table.bigIncrements('id')
      table
        .integer('process_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('processes')
        .onDelete('CASCADE')
      table.bigInteger('event_id').unsigned().nullable()
      table.string('topic', 64).notNullable()
      table.string('queue', 32).notNullable()
      table.text('payload').notNullable()
      table.string('status', 16).notNullable().defaultTo('pending')
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table.text('last_error').nullable()
      table.timestamp('available_at', { precision: 3 }).notNullable()
      table.timestamp('created_at', { precision: 3 }).notNullable()
      table.timestamp('sent_at', { precision: 3 }).nullable()
      table.index(['status', 'available_at'])
    })
  }

  async down() {
    this.schema.dropTable('outbox_messages')
    this.schema.dropTable('process_events')
    this.schema.dropTable('processes')
  }
}
