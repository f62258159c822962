import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The W3C `traceparent` of the command that wrote an outbox message
 * (null when tracing is off): the relay and the job that handles the
 * message continue that trace.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('outbox_messages', (table) => {
      table.string('traceparent', 55).nullable()
    })
  }

  async down() {
    this.schema.alterTable('outbox_messages', (table) => {
      table.dropColumn('traceparent')
    })
  }
}
