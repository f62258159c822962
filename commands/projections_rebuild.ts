import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Empties the `stage_visits` read model and derives it again from the
 * event log, a batch of processes at a time, with progress; then fills its
 * hourly rollups from it.
 */
export default class ProjectionsRebuild extends BaseCommand {
  static commandName = 'projections:rebuild'
  static description =
    'Rebuild the stage_visits read model (and its rollups) from the event log, in batches'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Processes per batch', default: 1000 })
  declare batchSize: number

  async run() {
    const { default: StageVisitsProjector } =
      await import('#actions/projections/stage_visits_projector')
    const started = Date.now()
    let lastShown = -1
    const result = await new StageVisitsProjector({ batchSize: this.batchSize }).rebuild(
      (done, total) => {
        const percent = total ? Math.floor((done / total) * 100) : 100
        if (percent >= lastShown + 10 || done === total) {
          lastShown = percent
          this.logger.info(`projected ${done}/${total} processes (${percent}%)`)
        }
      }
    )
    this.logger.success(
      `stage_visits rebuilt: ${result.processes} processes, checkpoint at event ${result.position}, ${((Date.now() - started) / 1000).toFixed(1)} s`
    )
  }
}
