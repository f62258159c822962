import type { DateTime } from 'luxon'
import { collectFields, validateProcessData } from '#engine/data'
import type Process from '#models/process'
import User from '#models/user'
import { InvalidInput } from '#exceptions/domain_error'
import { InvalidProcessData, ProcessClosed, VersionConflict } from '#exceptions/process_errors'
import { definitionOf } from '#support/definitions'
import CommitProcessChange, { type ChangeResult } from '#actions/processes/commit_process_change'

type CommandBase = {
  process: Process
  expectedVersion: number
  actorId: number | null
  idempotencyKey?: string | null
  at?: DateTime
  /** Where the command came from, recorded in the event (e.g. `{ bulkOperationId }`). */
  origin?: Record<string, number | string>
}

/**
 * The commands that change one aspect of a process: assign (or claim or
 * release), comment, update data, cancel. Each is one event through the
 * engine's write path; authorization is the caller's (policies).
 */
abstract class ProcessCommand<Params extends CommandBase> {
  constructor(protected writer = new CommitProcessChange()) {}

  async handle(params: Params): Promise<ChangeResult> {
    if (params.idempotencyKey) {
      const earlier = await this.writer.findEarlier(params.process.id, params.idempotencyKey)
      if (earlier) return this.writer.replayed(params.process, earlier)
    }
    if (params.process.version !== params.expectedVersion) {
      throw new VersionConflict(params.process, params.expectedVersion)
    }
    const event = await this.eventFor(params)
    if (params.origin) event.payload = { ...event.payload, origin: params.origin }
    return this.writer.handle({
      process: params.process,
      expectedVersion: params.expectedVersion,
      actorId: params.actorId,
      idempotencyKey: params.idempotencyKey,
      at: params.at,
      event,
    })
  }

  protected abstract eventFor(
    params: Params
  ): Promise<{ type: string; payload: Record<string, unknown> }>

  protected ensureOpen(process: Process) {
    if (process.status !== 'active') throw new ProcessClosed(process.status)
  }
}

export class AssignProcess extends ProcessCommand<CommandBase & { assigneeId: number | null }> {
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

export class CommentOnProcess extends ProcessCommand<CommandBase & { body: string }> {
  protected async eventFor(params: CommandBase & { body: string }) {
    const body = params.body.trim()
    if (!body)
      throw new InvalidInput('The comment is empty.', [
        { field: 'body', message: 'Write a comment' },
      ])
    return { type: 'commented', payload: { body, mentions: mentionsIn(body) } }
  }
}

export class UpdateProcessData extends ProcessCommand<
  CommandBase & { data: Record<string, unknown> }
> {
  protected async eventFor(params: CommandBase & { data: Record<string, unknown> }) {
    this.ensureOpen(params.process)
    const definition = await definitionOf(params.process.workflowVersionId)
    const validation = validateProcessData(collectFields(definition), params.data)
    if (!validation.valid) throw new InvalidProcessData(validation.errors)
    return { type: 'data_updated', payload: { patch: validation.value } }
  }
}

export class CancelProcess extends ProcessCommand<CommandBase & { reason?: string | null }> {
  protected async eventFor(params: CommandBase & { reason?: string | null }) {
    this.ensureOpen(params.process)
    return { type: 'cancelled', payload: params.reason ? { reason: params.reason } : {} }
  }
}

/**
 * "@name@example.com" mentions in a comment, for notifications.
 */
export function mentionsIn(body: string): string[] {
  const found = body.match(/@([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g) ?? []
  return [...new Set(found.map((m) => m.slice(1).toLowerCase()))]
}
