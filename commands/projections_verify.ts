import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Compares the `stage_visits` read model with a fresh computation from the
 * event log, and its hourly rollups with a fresh aggregation of it; prints every difference and exits with 1 on any.
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
    const { verifyRollups } = await import('#actions/projections/verify_rollups')
    const rollups = result.checkpoint ? await verifyRollups({ batchSize: this.batchSize }) : null
    for (const d of rollups?.differences.slice(0, this.limit) ?? []) {
      this.logger.warning(`${d.table} ${d.key}: stored ${d.stored} ≠ from its source ${d.expected}`)
    }
    for (const d of result.differences.slice(0, this.limit)) {
      this.logger.warning(
        `process #${d.processId} visit ${d.enteredSequence}: ${d.problem}` +
          (d.columns.length ? ` (${d.columns.join('; ')})` : '')
      )
    }
    const rollupDifferences = rollups?.differences.length ?? 0
    const summary =
      `${result.checked} processes compared, ${result.differences.length} differences; ` +
      `${rollups?.rows ?? 0} rollup rows, ${rollupDifferences} differences`
    if (!result.checkpoint) {
      this.logger.error('no checkpoint: run node ace projections:rebuild first')
      this.exitCode = 1
    } else if (result.differences.length || rollupDifferences) {
      this.logger.error(summary)
      this.exitCode = 1
    } else {
      this.logger.success(summary)
    }
  }
}
