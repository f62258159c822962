import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('worker_heartbeats', (table) => {
      table.string('id', 128).primary()
      table.string('queues', 255).notNullable()
      table.timestamp('started_at').notNullable()
      table.timestamp('beat_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('worker_heartbeats')
  }
}
