import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The board's active columns read each stage's first cards by due date
 * (undated last) from one index range per stage, LIMITed: at 1,000,000
 * processes ranking every active process of the workflow took seconds.
 * It extends (workflow_id, status, stage_key), which it replaces: that one
 * is its prefix, so every query that used it can use this one.
 *
 * And the list of one workflow, newest updates first (its default order),
 * read in order: a broad data-field filter then checks each row's value by
 * primary key and stops after a page (see app/models/process_search.ts),
 * instead of reading the updated_at index past every other workflow's rows.
 */
const OLD = ['workflow_id', 'status', 'stage_key']
const NEW = [...OLD, 'due_at']
const NEW_NAME = 'processes_board_active_index'
const WORKFLOW_UPDATED = ['workflow_id', 'updated_at']
const WORKFLOW_UPDATED_NAME = 'processes_workflow_updated_at_index'

export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('processes', (table) => {
      table.index(NEW, NEW_NAME)
      table.index(WORKFLOW_UPDATED, WORKFLOW_UPDATED_NAME)
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
      table.dropIndex(WORKFLOW_UPDATED, WORKFLOW_UPDATED_NAME)
    })
  }
}
