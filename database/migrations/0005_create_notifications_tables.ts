import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Notifications (in-app and e-mail) and what each user wants to receive.
 * One row per (outbox message, user, channel): handling a message twice
 * cannot notify twice.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('notifications', (table) => {
      table.bigIncrements('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.bigInteger('outbox_message_id').unsigned().notNullable()
      table.string('channel', 16).notNullable()
      table.string('kind', 32).notNullable()
      table
        .integer('process_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('processes')
        .onDelete('CASCADE')
      table.string('title', 255).notNullable()
      table.text('body').nullable()
      table.string('status', 16).notNullable().defaultTo('delivered')
      table.timestamp('read_at').nullable()
      table.timestamp('created_at').notNullable()
      table.unique(['outbox_message_id', 'user_id', 'channel'])
      table.index(['user_id', 'channel', 'read_at'])
    })

    this.schema.createTable('notification_preferences', (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('kind', 32).notNullable()
      table.boolean('in_app').notNullable().defaultTo(true)
      table.boolean('email').notNullable().defaultTo(false)
      table.unique(['user_id', 'kind'])
    })
  }

  async down() {
    this.schema.dropTable('notification_preferences')
    this.schema.dropTable('notifications')
  }
}
