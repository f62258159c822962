import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { Job, type JobContext } from '#queue/job'
import { stageOf } from '#engine/state_machine'
import Process from '#models/process'
import User from '#models/user'
import { VersionConflict } from '#exceptions/process_errors'
import { definitionOf } from '#support/definitions'
import CommitProcessChange from '#actions/processes/commit_process_change'
import TransitionProcess from '#actions/processes/transition_process'
import AssignProcess from '#actions/processes/assign_process'
import { inSameStageVisit } from '#actions/processes/stage_visit'
import { clearTimer } from '#actions/processes/process_timers'
import { pickMember } from '#actions/processes/team_assignment'
import type { AssignmentStrategy } from '#engine/definition'

type Payload = { processId: number; stage: string; enteredVersion: number; dueAt: string }

/**
 * At a stage's due time: if the process is still in that stage visit, mark
 * the SLA breached (an event; notifications follow from it) and run the
 * stage's escalation — reassign to a user or a role, or an automatic
 * transition. Idempotent: a breached visit is not breached twice.
 */
export default class CheckSla extends Job<Payload> {
  static jobName = 'check_sla'

  async handle(payload: Payload, context: JobContext) {
    await this.check(payload, context)
    await clearTimer(payload.processId, 'sla', payload.enteredVersion)
  }

  protected async check(payload: Payload, context: JobContext) {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const process = await Process.find(payload.processId)
      if (!process || !(await inSameStageVisit(process, payload.stage, payload.enteredVersion)))
        return
      if (process.slaBreached || !process.dueAt || process.dueAt > DateTime.now()) return
      try {
        const { process: breached } = await new CommitProcessChange().handle({
          process,
          expectedVersion: process.version,
          actorId: null,
          idempotencyKey: `sla-${payload.enteredVersion}`,
          event: {
            type: 'sla_breached',
            payload: { stage: payload.stage, assigneeId: process.assigneeId, dueAt: payload.dueAt },
          },
        })
        context.logger.info({ processId: process.id, stage: payload.stage }, 'SLA breached')
        await this.escalate(breached, payload, context)
        return
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error
      }
    }
  }

  /** Escalation to a team: a member picked by the strategy, or back to the team's queue. */
  protected async toTeam(
    process: Process,
    team: string,
    strategy: AssignmentStrategy | undefined,
    payload: Payload
  ) {
    const picked = strategy ? await pickMember(team, strategy, process.workflowId) : null
    const writer = new CommitProcessChange()
    await writer.handle({
      process,
      expectedVersion: process.version,
      actorId: null,
      idempotencyKey: `escalate-${payload.enteredVersion}`,
      event: {
        type: 'assigned',
        payload: picked ? { assigneeId: picked, team, strategy } : { assigneeId: null, team },
      },
    })
  }

  protected async escalate(process: Process, payload: Payload, context: JobContext) {
    const definition = await definitionOf(process.workflowVersionId)
    const escalation = stageOf(definition, payload.stage)?.escalation
    if (!escalation) return

    if (escalation.transition) {
      await new TransitionProcess()
        .handle({
          process,
          transition: escalation.transition,
          expectedVersion: process.version,
          actor: { id: null, role: 'system' },
          idempotencyKey: `escalate-${payload.enteredVersion}`,
        })
        .catch((error) =>
          context.logger.warn(
            { err: error, processId: process.id },
            'escalation transition refused'
          )
        )
      return
    }

    if (escalation.reassignTeam) {
      await this.toTeam(process, escalation.reassignTeam, escalation.strategy, payload)
      return
    }
    const assignee = escalation.reassignUser
      ? await User.query()
          .where('email', User.normalizeEmailAddress(escalation.reassignUser))
          .withScopes((s) => s.active())
          .first()
      : escalation.reassignRole
        ? await leastBusy(escalation.reassignRole)
        : null
    if (assignee && assignee.id !== process.assigneeId) {
      await new AssignProcess().handle({
        process,
        assigneeId: assignee.id,
        expectedVersion: process.version,
        actorId: null,
        idempotencyKey: `escalate-${payload.enteredVersion}`,
      })
    }
  }
}

/** The active user of a role with the fewest open processes (absent people are skipped). */
async function leastBusy(role: string) {
  const row = await db
    .from('users')
    .leftJoin('processes', (join) => {
      join.on('processes.assignee_id', '=', 'users.id').andOnVal('processes.status', '=', 'active')
    })
    .where('users.role', role)
    .where('users.is_active', true)
    .where((q) => {
      const today = DateTime.utc().toISODate()
      q.whereNull('users.absent_from')
        .orWhere('users.absent_from', '>', today)
        .orWhere('users.absent_to', '<', today)
    })
    .groupBy('users.id')
    .select('users.id')
    .count('processes.id as open')
    .orderBy('open', 'asc')
    .orderBy('users.id', 'asc')
    .first()
  return row ? User.find(row.id) : null
}
