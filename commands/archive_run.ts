import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Runs the retention policies now (the workers also run them hourly).
 */
export default class ArchiveRun extends BaseCommand {
  static commandName = 'archive:run'
  static description = "Archive the closed processes the workflows' retention policies let go"
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: RunRetention } = await import('#actions/archives/run_retention')
    const result = await new RunRetention().handle()
    for (const bundle of result.bundles) {
      this.logger.info(`${bundle.name}: ${bundle.processes} processes, ${bundle.events} events`)
    }
    this.logger.success(
      `${result.archived} processes archived, ${result.purged} removed from the live tables`
    )
  }
}
