import { InvalidInput } from '#exceptions/domain_error'
import { VersionConflict } from '#exceptions/process_errors'
import ProcessCommand, { type CommandBase } from '#actions/processes/process_command'
import { loadProcess } from '#actions/processes/load_process'

type CommentParams = CommandBase & { body: string }

/** A comment on a process (open or closed); "@e-mail" mentions are notified. */
export default class CommentOnProcess extends ProcessCommand<CommentParams> {
  /**
   * A comment that names no version cannot conflict: on a race with
   * another change it is added again on a fresh read (three tries).
   */
  async handleOnLatest(params: Omit<CommentParams, 'expectedVersion'>) {
    let process = params.process
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.handle({ ...params, process, expectedVersion: process.version })
      } catch (error) {
        if (!(error instanceof VersionConflict) || attempt === 3) throw error
        process = await loadProcess(process.id)
      }
    }
  }

  protected async eventFor(params: CommentParams) {
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
