import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Times that workers compare (leases, back-off, breaker, expiry) are epoch
 * milliseconds: the same on SQLite and MySQL whatever the time zones.
 *
 * Automation: executions of stage/transition actions and of their
 * compensations (one row per idempotency key), every attempt, the saga of
 * a process, circuit breakers and rate windows per target host, and the
 * workflow state store (key-value entries and named locks).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('action_executions', (table) => {
      table.increments('id')
      table
        .integer('process_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('processes')
        .onDelete('CASCADE')
      // process id + event sequence + action: the key the other side sees too.
      table.string('idempotency_key', 191).notNullable().unique()
      table.string('kind', 16).notNullable()
      table.string('action_key', 64).notNullable()
      table.string('action_type', 16).notNullable()
      table.string('owner', 140).notNullable()
      table.integer('step_index').unsigned().notNullable()
      table.integer('entered_version').unsigned().notNullable()
      table.integer('compensates_id').unsigned().nullable()
      table.string('status', 16).notNullable()
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table.integer('max_attempts').unsigned().notNullable()
      table.string('target_host', 191).nullable()
      table.text('response', 'mediumtext').nullable()
      table.text('last_error').nullable()
      table.bigInteger('next_attempt_at').nullable()
      table.bigInteger('lease_until').nullable()
      table.string('lease_owner', 64).nullable()
      table.timestamp('started_at', { precision: 3 }).nullable()
      table.timestamp('finished_at', { precision: 3 }).nullable()
      table.timestamp('created_at', { precision: 3 }).notNullable()
      table.timestamp('updated_at', { precision: 3 }).notNullable()
      table.index(['process_id', 'id'])
      table.index(['status'])
    })

    this.schema.createTable('action_attempts', (table) => {
      table.increments('id')
      table
        .integer('execution_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('action_executions')
        .onDelete('CASCADE')
      table.integer('number').unsigned().notNullable()
      table.string('request_summary', 500).notNullable()
      table.string('outcome', 16).notNullable()
      table.integer('status_code').unsigned().nullable()
      table.integer('duration_ms').unsigned().nullable()
      table.text('error').nullable()
      table.timestamp('started_at', { precision: 3 }).notNullable()
      table.timestamp('finished_at', { precision: 3 }).nullable()
      table.index(['execution_id', 'id'])
    })

    this.schema.createTable('action_sagas', (table) => {
      table
        .integer('process_id')
        .unsigned()
        .primary()
        .references('id')
        .inTable('processes')
        .onDelete('CASCADE')
      table.string('status', 16).notNullable()
      table.string('failed_action', 64).nullable()
      table.text('reason').nullable()
      table.string('failure_transition', 64).nullable()
      table.integer('resolved_by').unsigned().nullable().references('id').inTable('users')
      table.text('resolution_comment').nullable()
      table.timestamp('created_at', { precision: 3 }).notNullable()
      table.timestamp('updated_at', { precision: 3 }).notNullable()
      table.index(['status'])
    })

    this.schema.createTable('action_circuits', (table) => {
      table.string('host', 191).primary()
      table.string('state', 16).notNullable()
      table.integer('failures').unsigned().notNullable().defaultTo(0)
      table.bigInteger('open_until').nullable()
      table.bigInteger('trial_until').nullable()
      table.bigInteger('updated_at').notNullable()
    })

    this.schema.createTable('action_rate_windows', (table) => {
      table.string('host', 191).notNullable()
      table.bigInteger('window_start').notNullable()
      table.integer('calls').unsigned().notNullable().defaultTo(0)
      table.primary(['host', 'window_start'])
    })

    this.schema.createTable('state_entries', (table) => {
      table.increments('id')
      table.string('scope', 100).notNullable()
      table.string('key', 191).notNullable()
      table.text('value', 'mediumtext').notNullable()
      table.integer('version').unsigned().notNullable()
      table.bigInteger('expires_at').nullable()
      table.timestamp('created_at', { precision: 3 }).notNullable()
      table.timestamp('updated_at', { precision: 3 }).notNullable()
      table.unique(['scope', 'key'])
    })

    this.schema.createTable('state_locks', (table) => {
      table.string('scope', 100).notNullable()
      table.string('name', 191).notNullable()
      table.string('owner', 191).notNullable()
      table.bigInteger('expires_at').notNullable()
      table.timestamp('acquired_at', { precision: 3 }).notNullable()
      table.primary(['scope', 'name'])
    })
  }

  async down() {
    this.schema.dropTable('state_locks')
    this.schema.dropTable('state_entries')
    this.schema.dropTable('action_rate_windows')
    this.schema.dropTable('action_circuits')
    this.schema.dropTable('action_sagas')
    this.schema.dropTable('action_attempts')
    this.schema.dropTable('action_executions')
  }
}
