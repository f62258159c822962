import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Working time of stage visits (issue 22): `stage_visits.working_seconds`
 * (the column exists since 0067, null until now) is filled by the projector
 * for every visit that left — the time inside the business calendar of the
 * process's workflow — and `stage_rollups.working_sum` sums it per hour,
 * version and stage like `duration_sum`, so reports give average working
 * time per stage from the rollups.
 *
 * Existing visits and rollups hold no working time, so the checkpoint goes
 * (as in 0072): reports read the log, exactly, and the projector waits,
 * until `node ace projections:rebuild` fills visits and rollups again.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('stage_rollups', (table) => {
      table.bigInteger('working_sum').notNullable().defaultTo(0)
    })
    this.defer(async (client) => {
      await client.from('projection_checkpoints').where('name', 'stage_visits').delete()
    })
  }

  async down() {
    this.schema.alterTable('stage_rollups', (table) => {
      table.dropColumn('working_sum')
    })
  }
}
