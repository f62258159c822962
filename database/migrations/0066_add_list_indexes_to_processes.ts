import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * An index for every sort the process list offers that had none to read
 * in order (each also serves `ORDER BY column, id` and the list's keyset
 * cursors: InnoDB keeps the primary key at the end of every secondary
 * index), for the stage filter, and for the board's end columns. Without them the unfiltered list
 * (newest updates first) sorted the whole table on every page view.
 * tests/functional/processes/pages/list_explain.spec.ts checks the plans.
 */
const INDEXES = [
  ['updated_at', 'processes_list_updated_at_index'],
  ['reference', 'processes_list_reference_index'],
  ['stage_key', 'processes_list_stage_key_index'],
  ['status', 'processes_list_status_index'],
  ['due_at', 'processes_list_due_at_index'],
] as const

/** The board's end columns: the latest closed processes of a stage, however many there are. */
const BOARD_CLOSED = ['workflow_id', 'stage_key', 'closed_at']
const BOARD_CLOSED_INDEX = 'processes_board_closed_index'

export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('processes', (table) => {
      for (const [column, name] of INDEXES) table.index([column], name)
      table.index(BOARD_CLOSED, BOARD_CLOSED_INDEX)
    })
  }

  async down() {
    this.schema.alterTable('processes', (table) => {
      for (const [column, name] of INDEXES) table.dropIndex([column], name)
      table.dropIndex(BOARD_CLOSED, BOARD_CLOSED_INDEX)
    })
  }
}
