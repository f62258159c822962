import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Writes the search index (searchable field values and free text) of every
 * process again, in batches: after a new version marks fields searchable,
 * or for processes started before the index existed.
 */
export default class SearchRebuild extends BaseCommand {
  static commandName = 'search:rebuild'
  static description = 'Rebuild the search index (searchable fields, free text) of every process'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Processes per batch', default: 500 })
  declare batchSize: number

  @flags.string({ description: 'Only the processes of this workflow (its key)' })
  declare workflow?: string

  async run() {
    const { default: RebuildSearchIndex } = await import('#actions/search/rebuild_search_index')
    const { default: Workflow } = await import('#models/workflow')
    let workflowId: number | undefined
    if (this.workflow) {
      const workflow = await Workflow.findBy('key', this.workflow)
      if (!workflow) {
        this.logger.error(`No workflow "${this.workflow}"`)
        this.exitCode = 1
        return
      }
      workflowId = workflow.id
    }
    const result = await new RebuildSearchIndex().handle({
      batchSize: this.batchSize,
      workflowId,
      onProgress: (done) => this.logger.info(`indexed ${done} processes`),
    })
    this.logger.success(`Search index rebuilt for ${result.processes} processes`)
  }
}
