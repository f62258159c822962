import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Alerts: rules over signals (app/alerts/signals), each an ok → firing →
 * ok state machine kept on its row (`version` makes every change a
 * conditional UPDATE, so two evaluators cannot both fire it); one
 * `alert_events` row per firing, closed when it resolves; one
 * `alert_deliveries` row per e-mail address or webhook to tell, retried by
 * the evaluator until delivered.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('alert_rules', (table) => {
      table.increments('id')
      table.string('key', 64).notNullable().unique()
      table.string('name', 120).notNullable()
      table.string('signal', 64).notNullable()
      table.string('condition', 16).notNullable()
      table.string('operator', 2).notNullable()
      table.double('threshold').notNullable()
      table.double('trend_factor').nullable()
      table.integer('trend_offset_seconds').unsigned().nullable()
      table.integer('window_seconds').unsigned().notNullable()
      table.integer('cooldown_seconds').unsigned().notNullable()
      table.text('channels').notNullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.boolean('built_in').notNullable().defaultTo(false)
      table.string('state', 16).notNullable().defaultTo('ok')
      table.integer('version').unsigned().notNullable().defaultTo(0)
      table.timestamp('firing_since').nullable()
      table.timestamp('last_fired_at').nullable()
      table.timestamp('last_resolved_at').nullable()
      table.double('last_value').nullable()
      table.timestamp('last_evaluated_at').nullable()
      table.text('last_error').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['enabled'])
    })

    this.schema.createTable('alert_events', (table) => {
      table.bigIncrements('id')
      table
        .integer('rule_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('alert_rules')
        .onDelete('CASCADE')
      table.timestamp('fired_at').notNullable()
      table.double('value').notNullable()
      table.timestamp('resolved_at').nullable()
      table.double('resolved_value').nullable()
      table.string('message', 500).notNullable()
      table.index(['rule_id', 'fired_at'])
      table.index(['fired_at'])
    })

    this.schema.createTable('alert_deliveries', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('alert_event_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('alert_events')
        .onDelete('CASCADE')
      table.string('change', 16).notNullable()
      table.string('channel', 16).notNullable()
      table.string('target', 2048).notNullable()
      table.string('status', 16).notNullable().defaultTo('pending')
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table.text('last_error').nullable()
      table.timestamp('next_attempt_at').notNullable()
      table.timestamp('delivered_at').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['status', 'next_attempt_at'])
      table.index(['alert_event_id'])
    })
  }

  async down() {
    this.schema.dropTable('alert_deliveries')
    this.schema.dropTable('alert_events')
    this.schema.dropTable('alert_rules')
  }
}
