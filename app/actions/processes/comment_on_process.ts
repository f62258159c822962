import { InvalidInput } from '#exceptions/domain_error'
import ProcessCommand, { type CommandBase } from '#actions/processes/process_command'

/** A comment on a process (open or closed); "@e-mail" mentions are notified. */
export default class CommentOnProcess extends ProcessCommand<CommandBase & { body: string }> {
  protected async eventFor(params: CommandBase & { body: string }) {
    const body = params.body.trim()
    if (!body)
      throw new InvalidInput('The comment is empty.', [
        { field: 'body', message: 'Write a comment' },
      ])
    return { type: 'commented', payload: { body, mentions: mentionsIn(body) } }
  }
}

/**
 * "@name@example.com" mentions in a comment, for notifications.
 */
export function mentionsIn(body: string): string[] {
  const found = body.match(/@([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g) ?? []
  return [...new Set(found.map((m) => m.slice(1).toLowerCase()))]
}
