import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Compares the `stage_visits` read model with a fresh computation from the
 * event log; prints every difference and exits with 1 on any.
 */
export default class ProjectionsVerify extends BaseCommand {
  static commandName = 'projections:verify'
  static description =
    'Compare the stage_visits read model with a fresh computation from the event log'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Processes per batch', default: 1000 })
  declare batchSize: number

  @flags.number({ description: 'Differences printed at most', default: 50 })
  declare limit: number

  async run() {
    const { verifyStageVisits } = await import('#actions/projections/verify_stage_visits')
    let lastShown = -1
    const result = await verifyStageVisits({
      batchSize: this.batchSize,
      onProgress: (done, total) => {
        const percent = total ? Math.floor((done / total) * 100) : 100
        if (percent >= lastShown + 10 || done === total) {
          lastShown = percent
          this.logger.info(`compared ${done}/${total} processes (${percent}%)`)
        }
      },
    })
    for (const d of result.differences.slice(0, this.limit)) {
      this.logger.warning(
        `process #${d.processId} visit ${d.enteredSequence}: ${d.problem}` +
          (d.columns.length ? ` (${d.columns.join('; ')})` : '')
      )
    }
    const summary = `${result.checked} processes compared, ${result.differences.length} differences`
    if (!result.checkpoint) {
      this.logger.error('no checkpoint: run node ace projections:rebuild first')
      this.exitCode = 1
    } else if (result.differences.length) {
      this.logger.error(summary)
      this.exitCode = 1
    } else {
      this.logger.success(summary)
    }
  }
}
