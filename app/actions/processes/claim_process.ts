import Process from '#models/process'
import type User from '#models/user'
import { ProcessClosed, VersionConflict } from '#exceptions/process_errors'
import { AlreadyClaimed, NotQueued, NotTeamMember } from '#exceptions/collaboration_errors'
import { Forbidden } from '#exceptions/domain_error'
import { teamKeysOf } from '#support/teams/membership'
import { mayAccess } from '#support/access/workflow_access'
import CommitProcessChange, {
  type ChangeResult,
  type EventDraft,
} from '#actions/processes/commit_process_change'

/**
 * A team member takes a process from the team's queue: an `assigned`
 * event (with `claimed`) through the write path. Of two members claiming
 * at once one wins; the other gets 409 `already_claimed` — a version race
 * is re-read, and only a claim by someone else ends it.
 */
export default class ClaimProcess {
  constructor(protected writer = new CommitProcessChange()) {}

  async handle(params: {
    process: Process
    actor: User
    idempotencyKey?: string | null
  }): Promise<ChangeResult> {
    let process = params.process
    for (let attempt = 1; ; attempt++) {
      try {
        const current = process
        return await this.writer.handle({
          process: current,
          expectedVersion: current.version,
          actorId: params.actor.id,
          idempotencyKey: params.idempotencyKey,
          event: () => this.decide(current, params.actor),
        })
      } catch (error) {
        if (!(error instanceof VersionConflict) || attempt >= 10) throw error
        process = await Process.findOrFail(process.id)
      }
    }
  }

  protected async decide(process: Process, actor: User): Promise<EventDraft> {
    if (process.status !== 'active') throw new ProcessClosed(process.status)
    if (process.assigneeId !== null) {
      if (process.assigneeId === actor.id) throw new AlreadyClaimed(null, true)
      await process.load('assignee')
      throw new AlreadyClaimed(process.assignee?.name ?? null)
    }
    const team = process.queueTeam
    if (!team) throw new NotQueued()
    const teams = await teamKeysOf(actor.id)
    if (!teams.includes(team)) throw new NotTeamMember(team)
    if (!(await mayAccess(actor, process.workflowId, 'work'))) {
      throw new Forbidden('You may not work on the processes of this workflow.')
    }
    return { type: 'assigned', payload: { assigneeId: actor.id, team, claimed: true } }
  }
}
