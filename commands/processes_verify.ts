import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Replays every process from its event log and reports those whose stored
 * state differs; --fix rewrites them from the events.
 */
export default class ProcessesVerify extends BaseCommand {
  static commandName = 'processes:verify'
  static description =
    'Replay every process from its events and report (or --fix) stored state that differs'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Rewrite differing processes from their events' })
  declare fix: boolean

  @flags.number({ description: 'Processes per batch', default: 500 })
  declare batchSize: number

  async run() {
    const { default: VerifyProcesses } = await import('#actions/processes/verify_processes')
    let lastShown = 0
    const result = await new VerifyProcesses().handle({
      fix: this.fix,
      batchSize: this.batchSize,
      onProgress: (done, total) => {
        const percent = total ? Math.floor((done / total) * 100) : 100
        if (percent >= lastShown + 10 || done === total) {
          lastShown = percent
          this.logger.info(`checked ${done}/${total} (${percent}%)`)
        }
      },
    })

    for (const d of result.discrepancies) {
      if (d.error) {
        this.logger.error(
          `${d.reference} (#${d.processId}): event log cannot be replayed: ${d.error}`
        )
        continue
      }
      const columns = d.differences.map(
        (x) =>
          `${x.column}: stored ${JSON.stringify(x.stored)} ≠ replay ${JSON.stringify(x.replayed)}`
      )
      this.logger.warning(`${d.reference} (#${d.processId}) differs: ${columns.join('; ')}`)
    }
    const summary = `${result.checked} processes checked, ${result.discrepancies.length} differ${this.fix ? `, ${result.fixed} fixed` : ''}`
    if (result.discrepancies.length && !this.fix) {
      this.logger.error(summary)
      this.exitCode = 1
    } else {
      this.logger.success(summary)
    }
  }
}
