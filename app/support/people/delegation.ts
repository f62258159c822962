import { DateTime } from 'luxon'
import User from '#models/user'
import { mayAccess } from '#support/access/workflow_access'
import { DomainError } from '#exceptions/domain_error'

/** An absent user's delegate may not work on the workflow: nothing is handed over. */
export class DelegateNotAllowed extends DomainError {
  constructor(absent: User, delegate: User, status = 422) {
    super(
      `${absent.name} is absent and their delegate ${delegate.name} may not work on this workflow's processes; choose someone else or ask ${absent.name} to name another delegate.`,
      { status, code: 'delegate_not_allowed' }
    )
  }
}

/**
 * Who acts for `user` at `at`: their delegate while they are absent and
 * the delegate is active, else nobody. One step only — a delegate's own
 * delegate is never asked.
 */
export async function delegateOf(user: User, at: DateTime = DateTime.now()) {
  if (!user.delegateId || !user.isAbsentOn(at)) return null
  const delegate = await User.find(user.delegateId)
  return delegate?.isActive ? delegate : null
}

/**
 * Where an assignment to `user` goes: to them, or (while they are absent)
 * to their delegate on their behalf. Refused when the delegate may not
 * work on the workflow.
 */
export async function assignmentFor(
  user: User,
  workflowId: number,
  at: DateTime = DateTime.now()
): Promise<{ assigneeId: number; onBehalfOf?: number }> {
  const delegate = await delegateOf(user, at)
  if (!delegate) return { assigneeId: user.id }
  if (!(await mayAccess(delegate, workflowId, 'work'))) throw new DelegateNotAllowed(user, delegate)
  return { assigneeId: delegate.id, onBehalfOf: user.id }
}
