import { BaseTransformer } from '@adonisjs/core/transformers'
import type { ArchivedStub } from '#actions/archives/find_archived'

/** An archived process's stub, as the process page and the list's search show it. */
export default class ArchivedProcessTransformer extends BaseTransformer<ArchivedStub> {
  toObject() {
    return this.pick(this.resource, [
      'processId',
      'reference',
      'title',
      'status',
      'stageKey',
      'workflowKey',
      'workflowName',
      'eventCount',
      'createdAt',
      'closedAt',
      'archivedAt',
      'bundle',
      'bundleMonth',
    ])
  }
}
