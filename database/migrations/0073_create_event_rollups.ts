import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Hourly rollups of the events the workload and SLA reports count
 * (`transitioned` per actor, `sla_breached` per stage and assignee), kept by
 * the stage-visits projector in its transaction like 0072's rollups.
 * `event_tallies` is their per-process source (as `stage_visits` is for the
 * visit rollups): one row per process, UTC hour, kind, stage and person
 * with its count, re-derived from the log with the visits, so the projector
 * can take a process's old share away and add the new one; rows of purged
 * archives stay. `person_id` is the actor of a transition or the assignee
 * a breach's payload names, 0 for none (a key column cannot be null);
 * `stage_key` is the breached stage ('' for transitions).
 *
 * The index on processes (status, workflow_id, assignee_id, due_at) lets
 * the workload report's open/overdue count per assignee read the index
 * alone.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('event_tallies', (table) => {
      table.integer('process_id').unsigned().notNullable()
      table.integer('hour').notNullable()
      table.string('kind', 16).notNullable()
      table.string('stage_key', 64).notNullable().defaultTo('')
      table.integer('person_id').unsigned().notNullable().defaultTo(0)
      table.integer('workflow_id').unsigned().notNullable()
      table.integer('workflow_version_id').unsigned().notNullable()
      table.integer('n').notNullable()
      table.primary(['process_id', 'hour', 'kind', 'stage_key', 'person_id'])
    })
    this.schema.createTable('event_rollups', (table) => {
      table.integer('hour').notNullable()
      table.integer('workflow_version_id').unsigned().notNullable()
      table.string('kind', 16).notNullable()
      table.string('stage_key', 64).notNullable().defaultTo('')
      table.integer('person_id').unsigned().notNullable().defaultTo(0)
      table.integer('workflow_id').unsigned().notNullable()
      table.integer('n').notNullable().defaultTo(0)
      table.primary(['hour', 'workflow_version_id', 'kind', 'stage_key', 'person_id'])
    })
    this.schema.alterTable('processes', (table) => {
      table.index(['status', 'workflow_id', 'assignee_id', 'due_at'], 'processes_workload_index')
    })
    // The new tables start empty: reports read the log until `projections:rebuild` fills them.
    this.defer(async (client) => {
      await client.from('projection_checkpoints').where('name', 'stage_visits').delete()
    })
  }

  async down() {
    this.schema.alterTable('processes', (table) => {
      table.dropIndex(
        ['status', 'workflow_id', 'assignee_id', 'due_at'],
        'processes_workload_index'
      )
    })
    this.schema.dropTable('event_rollups')
    this.schema.dropTable('event_tallies')
  }
}
