import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The admin audit log: one row per administrative act (user created, role
 * changed, workflow published, token revoked, sign-in failed, …), written in
 * the same transaction as the change it records. Append-only: the model
 * refuses updates and deletes. The actor's e-mail is a snapshot, so the row
 * still says who acted after the account changes; there is no foreign key
 * for the same reason (a row never follows a user).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('audit_events', (table) => {
      table.bigIncrements('id')
      table.integer('actor_id').unsigned().nullable()
      table.string('actor_email', 254).nullable()
      table.string('action', 64).notNullable()
      table.string('subject_type', 32).nullable()
      table.string('subject_id', 64).nullable()
      table.string('subject_label', 255).nullable()
      table.text('before').nullable()
      table.text('after').nullable()
      table.string('ip', 45).nullable()
      table.string('user_agent', 512).nullable()
      table.timestamp('created_at').notNullable()

      // Every list is newest first by id (keyset pagination), filtered by one of these.
      table.index(['action', 'id'])
      table.index(['actor_id', 'id'])
      table.index(['subject_type', 'subject_id', 'id'])
      table.index(['created_at'])
    })
  }

  async down() {
    this.schema.dropTable('audit_events')
  }
}
