import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 120).notNullable()
      // Stored lower-cased by the model, so a plain unique index makes it case-insensitive on every engine.
      table.string('email', 254).notNullable().unique()
      table.string('password', 255).notNullable()
      table.string('role', 16).notNullable().defaultTo('member')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.string('locale', 8).nullable()
      table.timestamp('deactivated_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      table.index(['role'])
      table.index(['is_active'])
      table.index(['name'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
