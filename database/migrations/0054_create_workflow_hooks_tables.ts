import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Inbound webhooks: per workflow, a hook that starts a process or runs a
 * transition on a process found by reference, its body mapped to fields
 * with CEL; and the `webhook-id`s each hook has accepted (replay → 409).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('workflow_hooks', (table) => {
      table.increments('id')
      table
        .integer('workflow_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflows')
        .onDelete('CASCADE')
      table.string('key', 64).notNullable()
      table.string('action', 16).notNullable()
      table.string('transition', 64).nullable()
      // CEL over `body`: the process reference (transition hooks) and the title (start hooks).
      table.string('reference', 1000).nullable()
      table.string('title', 1000).nullable()
      // Field key → CEL over `body`.
      table.text('mapping').notNullable()
      table.text('secret').notNullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table
        .integer('created_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['workflow_id', 'key'])
    })

    this.schema.createTable('workflow_hook_receipts', (table) => {
      table.bigIncrements('id')
      table
        .integer('hook_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflow_hooks')
        .onDelete('CASCADE')
      table.string('message_id', 191).notNullable()
      table.integer('process_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.unique(['hook_id', 'message_id'])
    })
  }

  async down() {
    this.schema.dropTable('workflow_hook_receipts')
    this.schema.dropTable('workflow_hooks')
  }
}
