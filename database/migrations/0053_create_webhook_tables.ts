import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Outbound webhooks (Standard Webhooks): subscriptions of a URL to event
 * types, optionally for one workflow, and one delivery row per message
 * (event × subscription × type) with its last attempt — the delivery log.
 * Secrets are stored encrypted (the app's encryption service, APP_KEY).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('webhook_subscriptions', (table) => {
      table.increments('id')
      table.string('url', 2048).notNullable()
      table.text('events').notNullable()
      table
        .integer('workflow_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('workflows')
        .onDelete('CASCADE')
      table.string('description', 500).nullable()
      table.text('secret').notNullable()
      table.text('previous_secret').nullable()
      table.timestamp('previous_secret_expires_at').nullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.string('disabled_reason', 500).nullable()
      // First failure of the current run of failures; null after a success.
      table.timestamp('failing_since').nullable()
      table
        .integer('owner_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['enabled'])
    })

    this.schema.createTable('webhook_deliveries', (table) => {
      table.bigIncrements('id')
      table
        .integer('subscription_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('webhook_subscriptions')
        .onDelete('CASCADE')
      // The `webhook-id` header: the same on every attempt, so receivers deduplicate.
      table.string('message_id', 120).notNullable()
      table.bigInteger('event_id').unsigned().nullable()
      table.string('type', 64).notNullable()
      // The exact body signed and sent (stable across retries).
      table.text('body').notNullable()
      table.string('status', 16).notNullable().defaultTo('pending')
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table.integer('response_status').nullable()
      table.integer('duration_ms').nullable()
      table.string('response_snippet', 500).nullable()
      table.string('error', 500).nullable()
      table.timestamp('last_attempt_at').nullable()
      table.timestamp('next_attempt_at').nullable()
      table.timestamp('created_at').notNullable()
      table.unique(['subscription_id', 'message_id'])
      table.index(['subscription_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('webhook_deliveries')
    this.schema.dropTable('webhook_subscriptions')
  }
}
