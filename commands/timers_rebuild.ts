import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Writes the `process_timers` rows of every active process's current stage
 * visit (processes started before the table existed, or restored): safe to
 * run any number of times, rows of the same visit are replaced.
 */
export default class TimersRebuild extends BaseCommand {
  static commandName = 'timers:rebuild'
  static description = 'Write the timer rows (SLA, automatic transition) of every active process'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Processes per batch', default: 1000 })
  declare batchSize: number

  async run() {
    const { rebuildTimers } = await import('#actions/processes/process_timers')
    let shown = 0
    const result = await rebuildTimers({
      batchSize: this.batchSize,
      onProgress: (processes, timers) => {
        if (processes - shown >= 10 * this.batchSize) {
          shown = processes
          this.logger.info(`${processes} active processes, ${timers} timers written`)
        }
      },
    })
    this.logger.success(
      `${result.processes} active processes checked, ${result.timers} timers written`
    )
  }
}
