import User from '#models/user'
import { InvalidInput } from '#exceptions/domain_error'
import ProcessCommand, { type CommandBase } from '#actions/processes/process_command'
import { assignmentFor } from '#support/people/delegation'

/**
 * Assigns a process to an active user, or releases it (`assigneeId: null`).
 * While the user is absent, the assignment goes to their delegate, on
 * their behalf (except when people take work for themselves).
 */
export default class AssignProcess extends ProcessCommand<
  CommandBase & { assigneeId: number | null }
> {
  protected async eventFor(params: CommandBase & { assigneeId: number | null }) {
    this.ensureOpen(params.process)
    if (params.assigneeId === null) return { type: 'assigned', payload: { assigneeId: null } }
    const user = await User.find(params.assigneeId)
    if (!user || !user.isActive) {
      throw new InvalidInput('The assignee is not an active user.', [
        { field: 'assigneeId', message: 'Choose an active user' },
      ])
    }
    if (user.id === params.actorId) return { type: 'assigned', payload: { assigneeId: user.id } }
    const target = await assignmentFor(user, params.process.workflowId, params.at)
    return { type: 'assigned', payload: { ...target } }
  }
}
