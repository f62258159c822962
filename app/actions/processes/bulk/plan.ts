import User from '#models/user'
import type { BulkActionName, BulkParameters, BulkSelection } from '#models/bulk_operation'
import { InvalidInput } from '#exceptions/domain_error'
import type { BulkPlan } from '#actions/processes/bulk/judge'
import { hiddenWorkflowIds } from '#support/access/workflow_access'

export type BulkInput = {
  action: BulkActionName
  transition?: string
  assigneeId?: number | null
  reason?: string
  ids?: number[]
  filter?: Record<string, string>
}

/**
 * Turns validated input into a plan and a selection, with the checks
 * that concern the request as a whole (422 before anything is read):
 * exactly one kind of selection, a transition key for "transition", an
 * active person (or nobody) for "assign".
 */
export async function planFrom(
  input: BulkInput,
  actor: User
): Promise<{ plan: BulkPlan; selection: BulkSelection }> {
  return { plan: await planOf(input, actor), selection: selectionOf(input) }
}

export function selectionOf(input: { ids?: number[]; filter?: Record<string, string> }) {
  if (input.ids && input.filter) {
    throw new InvalidInput('Choose either rows or the whole filter, not both.', [
      { field: 'ids', message: 'Send either ids or filter' },
    ])
  }
  if (input.ids) return { ids: [...new Set(input.ids)] }
  if (input.filter) return { filter: input.filter }
  throw new InvalidInput('Select at least one process.', [
    { field: 'ids', message: 'Select at least one process' },
  ])
}

async function planOf(input: BulkInput, actor: User): Promise<BulkPlan> {
  const parameters: BulkParameters = {}
  if (input.action === 'transition') {
    if (!input.transition) {
      throw new InvalidInput('Choose the transition to run.', [
        { field: 'transition', message: 'Choose a transition' },
      ])
    }
    parameters.transition = input.transition
  }
  if (input.action === 'assign') {
    if (input.assigneeId === undefined) {
      throw new InvalidInput('Choose who to assign them to.', [
        { field: 'assigneeId', message: 'Choose a person or "unassigned"' },
      ])
    }
    if (input.assigneeId !== null) {
      const assignee = await User.find(input.assigneeId)
      if (!assignee || !assignee.isActive) {
        throw new InvalidInput('The assignee is not an active user.', [
          { field: 'assigneeId', message: 'Choose an active user' },
        ])
      }
    }
    parameters.assigneeId = input.assigneeId
  }
  if (input.action === 'cancel') parameters.reason = input.reason || null
  return {
    action: input.action,
    parameters,
    actor,
    unworkable: await hiddenWorkflowIds(actor, 'work'),
  }
}
