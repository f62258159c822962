import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Brings an archived process back into the live tables from its bundle
 * (which must verify), its state rebuilt by replaying its events.
 */
export default class ArchiveRestore extends BaseCommand {
  static commandName = 'archive:restore'
  static description = 'Bring an archived process back from its bundle'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The process reference (e.g. OF-12)' })
  declare reference: string

  @flags.string({ description: 'The workflow key, when several workflows archived that reference' })
  declare workflow?: string

  async run() {
    const { default: RestoreArchivedProcess } =
      await import('#actions/archives/restore_archived_process')
    try {
      const restored = await new RestoreArchivedProcess().handle(this.reference, {
        workflow: this.workflow,
      })
      this.logger.success(
        `${restored.reference} (#${restored.processId}) restored from ${restored.bundle}`
      )
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
