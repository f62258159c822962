import Process from '#models/process'
import { definitionsOf } from '#support/definitions'

/**
 * The children of a process, by stage entry and position, with what a row
 * shows (workflow, assignee, stage names): three queries.
 */
export default class ListChildren {
  async handle(parentId: number) {
    const children = await Process.query()
      .where('parent_id', parentId)
      .preload('workflow')
      .preload('assignee')
      .orderBy('parent_sequence')
      .orderBy('parent_index')
    const definitions = await definitionsOf(children.map((p) => p.workflowVersionId))
    return { children, definitions }
  }
}
