import db from '@adonisjs/lucid/services/db'
import type { WorkflowDefinition } from '#engine/definition'

/**
 * A small review workflow: draft → review → approved / rejected, with a
 * loop back from review to draft.
 */
export function reviewDefinition(overrides: Partial<WorkflowDefinition> = {}): WorkflowDefinition {
  return {
    key: 'doc-review',
    name: 'Document review',
    description: 'Documents go through one review.',
    stages: [
      {
        key: 'draft',
        name: 'Draft',
        type: 'start',
        fields: [{ key: 'title', label: 'Title', type: 'text', required: true }],
      },
      {
        key: 'review',
        name: 'Review',
        type: 'task',
        sla: '2d',
        assignee: { role: 'manager' },
        fields: [{ key: 'verdict', label: 'Verdict', type: 'select', options: ['ok', 'not ok'] }],
      },
      { key: 'approved', name: 'Approved', type: 'end', outcome: 'completed' },
      { key: 'rejected', name: 'Rejected', type: 'end', outcome: 'cancelled' },
    ],
    transitions: [
      { key: 'submit', from: 'draft', to: 'review', label: 'Submit', requires: ['title'] },
      { key: 'send_back', from: 'review', to: 'draft', label: 'Send back' },
      { key: 'approve', from: 'review', to: 'approved', label: 'Approve', roles: ['manager'] },
      { key: 'reject', from: 'review', to: 'rejected', label: 'Reject' },
    ],
    ...overrides,
  }
}

/**
 * Counts the SQL statements knex runs while `work` runs. The test HTTP
 * server runs in this process, so requests made inside are counted.
 */
export async function countQueries(work: () => Promise<unknown>): Promise<number> {
  const knex = db.connection().getWriteClient()
  let count = 0
  const onQuery = () => {
    count++
  }
  knex.on('query', onQuery)
  try {
    await work()
  } finally {
    knex.off('query', onQuery)
  }
  return count
}
