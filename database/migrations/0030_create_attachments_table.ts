import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Files attached to a process. The bytes live on the drive disk
 * (config/drive.ts) under `key`; this row says whose they are.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('attachments', (table) => {
      table.bigIncrements('id')
      table
        .integer('process_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('processes')
        .onDelete('CASCADE')
      table
        .integer('uploaded_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.string('key', 255).notNullable().unique()
      table.string('file_name', 255).notNullable()
      table.string('mime_type', 127).notNullable()
      table.bigInteger('size').unsigned().notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['process_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('attachments')
  }
}
