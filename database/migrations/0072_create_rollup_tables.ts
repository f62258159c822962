import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Hourly rollups of the `stage_visits` read model (issue 22: reports under
 * 1 s at 10M events, whatever the range), kept by the same projector in
 * the same transaction as the visits, so they always equal an aggregation
 * of `stage_visits`. The hour is counted from the Unix epoch (UTC), as the
 * reports group: local days and weeks of any whole-hour zone are unions of
 * hours. `stage_rollups`: per hour, version and stage, the visits that
 * entered (as work in progress: not the end stage of a closed process),
 * the visits that left and their summed duration, and SLA compliance. `process_rollups`: per
 * hour and version, processes started and closed (per status, with the
 * summed start-to-close time). `rollup_histograms`: per UTC day (days since
 * the epoch), a log-scale histogram (buckets growing by 10 %) of the
 * durations of the visits that left (`stage_key` '' : the cycle times of
 * closed, not cancelled, processes), one row per non-empty bucket — sparse
 * rows, not one column per bucket. Daily, not hourly: hourly histograms
 * held almost a row per visit (measured); a range's partial UTC days are
 * read from `stage_visits` instead.
 *
 * `stage_visits` gains the process's start, close and status (on every
 * row: the projector derives them with the visits) and whether a finished
 * visit kept its SLA, and loses its foreign key to `processes`: purging an archived
 * process keeps its visits (and so its share of the rollups, which
 * `projections:verify` can still check against them).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.dropTable('stage_visits')
    this.schema.createTable('stage_visits', (table) => {
      table.integer('process_id').unsigned().notNullable()
      table.integer('entered_sequence').unsigned().notNullable()
      table.integer('workflow_id').unsigned().notNullable()
      table.integer('workflow_version_id').unsigned().notNullable()
      table.string('stage_key', 64).notNullable()
      table.timestamp('entered_at', { precision: 3 }).notNullable()
      table.timestamp('left_at', { precision: 3 }).nullable()
      table.integer('duration_seconds').nullable()
      table.string('sla_due_at', 32).nullable()
      table.integer('working_seconds').nullable()
      table.integer('assignee_id').unsigned().nullable()
      table.string('outcome', 16).nullable()
      // The process as the projector last saw it (start, close, status): what throughput and
      // total cycle time count, kept for archived processes after their rows are purged.
      table.timestamp('process_created_at', { precision: 3 }).notNullable()
      table.timestamp('process_closed_at', { precision: 3 }).nullable()
      table.string('process_status', 16).notNullable()
      // A finished visit within its SLA (1) or not (0), by the SLA report's rule; null while open or held.
      table.tinyint('sla_within').nullable()
      table.primary(['process_id', 'entered_sequence'])
    })
    // The read model starts empty and without a checkpoint: reports read the log (exact) until
    // `node ace projections:rebuild` fills the visits and the rollups together.
    this.defer(async (client) => {
      await client.from('projection_checkpoints').where('name', 'stage_visits').delete()
    })
    this.schema.alterTable('stage_visits', (table) => {
      table.index(['left_at'], 'stage_visits_left_at_index')
      table.index(['entered_at'], 'stage_visits_entered_at_index')
      table.index(['workflow_version_id', 'stage_key'], 'stage_visits_version_stage_index')
      // Histogram edges: processes closed in a few hours (reports/rollups.ts).
      table.index(['process_closed_at'], 'stage_visits_process_closed_index')
    })

    this.schema.createTable('stage_rollups', (table) => {
      table.integer('hour').notNullable()
      table.integer('workflow_version_id').unsigned().notNullable()
      table.string('stage_key', 64).notNullable()
      table.integer('workflow_id').unsigned().notNullable()
      table.integer('entered').notNullable().defaultTo(0)
      table.integer('left_count').notNullable().defaultTo(0)
      table.bigInteger('duration_sum').notNullable().defaultTo(0)
      // Finished visits as the SLA report counts them (not left for a paused stage), and those within.
      table.integer('sla_finished').notNullable().defaultTo(0)
      table.integer('sla_within').notNullable().defaultTo(0)
      table.primary(['hour', 'workflow_version_id', 'stage_key'])
    })
    this.schema.createTable('process_rollups', (table) => {
      table.integer('hour').notNullable()
      table.integer('workflow_version_id').unsigned().notNullable()
      // 'started', or the status a process closed with.
      table.string('part', 16).notNullable()
      table.integer('workflow_id').unsigned().notNullable()
      table.integer('n').notNullable().defaultTo(0)
      table.bigInteger('cycle_sum').notNullable().defaultTo(0)
      table.primary(['hour', 'workflow_version_id', 'part'])
    })
    this.schema.createTable('rollup_histograms', (table) => {
      table.integer('day').notNullable()
      table.integer('workflow_version_id').unsigned().notNullable()
      table.string('stage_key', 64).notNullable()
      table.smallint('bucket').notNullable()
      table.integer('workflow_id').unsigned().notNullable()
      table.integer('n').notNullable().defaultTo(0)
      table.primary(['day', 'workflow_version_id', 'stage_key', 'bucket'])
    })
  }

  async down() {
    this.schema.dropTable('rollup_histograms')
    this.schema.dropTable('process_rollups')
    this.schema.dropTable('stage_rollups')
  }
}
