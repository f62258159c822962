import User from '#models/user'
import { InvalidInput } from '#exceptions/domain_error'
import ProcessCommand, { type CommandBase } from '#actions/processes/process_command'

/** Assigns a process to an active user, or releases it (`assigneeId: null`). */
export default class AssignProcess extends ProcessCommand<
  CommandBase & { assigneeId: number | null }
> {
  protected async eventFor(params: CommandBase & { assigneeId: number | null }) {
    this.ensureOpen(params.process)
    if (params.assigneeId !== null) {
      const user = await User.find(params.assigneeId)
      if (!user || !user.isActive) {
        throw new InvalidInput('The assignee is not an active user.', [
          { field: 'assigneeId', message: 'Choose an active user' },
        ])
      }
    }
    return { type: 'assigned', payload: { assigneeId: params.assigneeId } }
  }
}
