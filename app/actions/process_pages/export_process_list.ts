import type { DateTime } from 'luxon'
import ListProcessPage, { type ProcessPageParams } from '#actions/process_pages/list_process_page'
import { stageOf } from '#engine/state_machine'
import { toCsv } from '#support/csv'

const HEADER = [
  'reference',
  'title',
  'workflow',
  'stage',
  'status',
  'priority',
  'assignee',
  'assignee_email',
  'due_at',
  'overdue',
  'created_at',
  'updated_at',
  'closed_at',
]

/**
 * The process list under the given filters as CSV lines, the header first,
 * then one chunk per batch of the list query: memory holds one batch, not
 * the whole result. `now` decides the "overdue" column.
 */
export default class ExportProcessList {
  async *lines(params: ProcessPageParams, viewerId: number, now: DateTime) {
    const headerLine = toCsv(HEADER, [])
    yield headerLine
    for await (const { processes, definitions } of new ListProcessPage().batches(
      params,
      viewerId
    )) {
      const rows = processes.map((p) => {
        const definition = definitions.get(p.workflowVersionId)
        return [
          p.reference,
          p.title,
          p.workflow?.name ?? '',
          (definition && stageOf(definition, p.stageKey)?.name) ?? p.stageKey,
          p.status,
          p.priority,
          p.assignee?.name ?? '',
          p.assignee?.email ?? '',
          p.dueAt?.toISO() ?? '',
          p.status === 'active' && p.dueAt !== null && p.dueAt < now ? 'yes' : 'no',
          p.createdAt.toISO(),
          p.updatedAt.toISO(),
          p.closedAt?.toISO() ?? '',
        ]
      })
      // toCsv writes the header first; the rows are what follows it.
      yield toCsv(HEADER, rows).slice(headerLine.length)
    }
  }
}
