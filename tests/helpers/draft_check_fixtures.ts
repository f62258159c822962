import type { WorkflowDefinition } from '#engine/definition'
import type User from '#models/user'
import type Process from '#models/process'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import Workflow from '#models/workflow'
import StartProcess from '#actions/processes/start_process'
import { publishWorkflow } from '#tests/helpers/common'
import { move } from '#tests/helpers/process_fixtures'

/** A request is reviewed, then approved or rejected. */
export const PURCHASE: WorkflowDefinition = {
  key: 'purchase',
  name: 'Purchase',
  stages: [
    {
      key: 'REQUEST',
      name: 'Request',
      type: 'start',
      fields: [{ key: 'amount', label: 'Amount', type: 'number', required: true }],
    },
    { key: 'REVIEW', name: 'Review', type: 'task' },
    { key: 'APPROVED', name: 'Approved', type: 'end', outcome: 'completed' },
    { key: 'REJECTED', name: 'Rejected', type: 'end', outcome: 'cancelled' },
  ],
  transitions: [
    { key: 'submit', from: 'REQUEST', to: 'REVIEW' },
    { key: 'approve', from: 'REVIEW', to: 'APPROVED' },
    { key: 'reject', from: 'REVIEW', to: 'REJECTED' },
  ],
}

/** The draft of the tests: requests of 1000 or more may no longer be submitted. */
export const GUARDED_PURCHASE: WorkflowDefinition = {
  ...PURCHASE,
  transitions: PURCHASE.transitions.map((t) =>
    t.key === 'submit'
      ? { ...t, when: 'data.amount < 1000.0', whenMessage: 'Large amounts need a purchase order.' }
      : t
  ),
}

/** Publishes PURCHASE and starts one process per amount (each submitted unless `submit` is false). */
export async function purchasesWith(
  manager: User,
  amounts: number[],
  options: { submit?: boolean; approveFirst?: number } = {}
) {
  await publishWorkflow(PURCHASE, manager)
  const processes: Process[] = []
  for (const [index, amount] of amounts.entries()) {
    let { process } = await new StartProcess().handle({
      workflowKey: 'purchase',
      title: `Purchase of ${amount}`,
      data: { amount },
      actor: manager,
    })
    if (options.submit !== false) process = await move(process, 'submit', manager)
    if (index < (options.approveFirst ?? 0)) process = await move(process, 'approve', manager)
    processes.push(process)
  }
  return processes
}

/** Saves `definition` as the purchase workflow's draft. */
export async function saveDraft(definition: WorkflowDefinition, actor: User) {
  const workflow = await Workflow.findByOrFail('key', definition.key)
  return new SaveWorkflowDraft().handle({ workflow, document: definition, actor })
}
