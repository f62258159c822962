import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The board's active columns read each stage's first cards by due date
 * (undated last) from one index range per stage, LIMITed: at 1,000,000
 * processes ranking every active process of the workflow took seconds.
 * It extends (workflow_id, status, stage_key), which it replaces: that one
 * is its prefix, so every query that used it can use this one.
 */
const OLD = ['workflow_id', 'status', 'stage_key']
const NEW = [...OLD, 'due_at']
const NEW_NAME = 'processes_board_active_index'

export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('processes', (table) => {
      table.index(NEW, NEW_NAME)
    })
    this.schema.alterTable('processes', (table) => {
      table.dropIndex(OLD)
    })
  }

  async down() {
    this.schema.alterTable('processes', (table) => {
      table.index(OLD)
    })
    this.schema.alterTable('processes', (table) => {
      table.dropIndex(NEW, NEW_NAME)
    })
  }
}
