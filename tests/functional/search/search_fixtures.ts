import type { WorkflowDefinition } from '#engine/definition'

/** A purchase workflow whose amount, customer, due date and notes are searchable. */
export const purchaseDefinition: WorkflowDefinition = {
  key: 'purchase',
  name: 'Purchase',
  stages: [
    {
      key: 'requested',
      name: 'Requested',
      type: 'start',
      fields: [
        { key: 'amount', label: 'Amount', type: 'number', searchable: true },
        { key: 'customer', label: 'Customer', type: 'text', searchable: true },
        { key: 'needed', label: 'Needed by', type: 'date', searchable: true },
        { key: 'urgent', label: 'Urgent', type: 'boolean', searchable: true },
        { key: 'notes', label: 'Notes', type: 'long_text', searchable: true },
        { key: 'internal', label: 'Internal', type: 'text' },
      ],
    },
    { key: 'approved', name: 'Approved', type: 'task' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'approve', from: 'requested', to: 'approved' },
    { key: 'finish', from: 'approved', to: 'done' },
  ],
}

/** The same shape with nothing searchable. */
export const plainDefinition: WorkflowDefinition = {
  key: 'plain',
  name: 'Plain',
  stages: [
    {
      key: 'open',
      name: 'Open',
      type: 'start',
      fields: [{ key: 'amount', label: 'Amount', type: 'number' }],
    },
    { key: 'closed', name: 'Closed', type: 'end', outcome: 'completed' },
  ],
  transitions: [{ key: 'close', from: 'open', to: 'closed' }],
}
