import ProcessCommand, { type CommandBase } from '#actions/processes/process_command'

/** Cancels an open process, with an optional reason. */
export default class CancelProcess extends ProcessCommand<
  CommandBase & { reason?: string | null }
> {
  protected async eventFor(params: CommandBase & { reason?: string | null }) {
    this.ensureOpen(params.process)
    return { type: 'cancelled', payload: params.reason ? { reason: params.reason } : {} }
  }
}
