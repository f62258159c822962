import type { DateTime } from 'luxon'
import { checkTransition, stageOf, type ActorRole } from '#engine/state_machine'
import { isApprovalTransition } from '#engine/approvals'
import { fieldDeclarations, validateProcessData } from '#engine/data'
import type Process from '#models/process'
import { InvalidProcessData, ProcessClosed, TransitionNotAllowed } from '#exceptions/process_errors'
import { definitionOf } from '#support/definitions'
import { mayReadUserTeams } from '#engine/expressions'
import { actorEmail, guardContextOf } from '#actions/processes/guard_context'
import { teamsOf } from '#support/access/workflow_access'
import CommitProcessChange, {
  type ChangeResult,
  type EventDraft,
} from '#actions/processes/commit_process_change'

export type TransitionParams = {
  process: Process
  transition: string
  expectedVersion: number
  data?: Record<string, unknown>
  comment?: string | null
  actor: { id: number | null; role: ActorRole; email?: string }
  idempotencyKey?: string | null
  at?: DateTime
  /** Where the command came from, recorded in the event (e.g. `{ bulkOperationId }`). */
  origin?: Record<string, number | string>
}

/**
 * Moves a process along one transition of its definition. Allowed only
 * from the current stage, for the actor's role, with the required fields
 * filled (the fields may come with the request). Entering an end stage
 * closes the process with that stage's outcome.
 */
export default class TransitionProcess {
  constructor(protected writer = new CommitProcessChange()) {}

  handle(params: TransitionParams): Promise<ChangeResult> {
    return this.writer.handle({
      process: params.process,
      expectedVersion: params.expectedVersion,
      actorId: params.actor.id,
      actor: params.actor,
      idempotencyKey: params.idempotencyKey,
      at: params.at,
      event: () => this.decide(params),
    })
  }

  /** The `transitioned` event, or the reason the transition is refused. */
  protected async decide(params: TransitionParams): Promise<EventDraft> {
    const { process } = params
    const definition = await definitionOf(process.workflowVersionId)
    let patch: Record<string, unknown> | undefined
    if (params.data && Object.keys(params.data).length) {
      const validation = validateProcessData(fieldDeclarations(definition), params.data)
      if (!validation.valid) throw new InvalidProcessData(validation.errors)
      patch = validation.value
    }

    const approval = stageOf(definition, process.stageKey)?.approval
    if (approval && params.actor.id !== null && isApprovalTransition(approval, params.transition)) {
      throw new TransitionNotAllowed(
        `"${params.transition}" is taken by the stage's approval once the votes decide it; vote instead.`,
        { reason: 'approval_required', allowed: [] }
      )
    }

    const target = definition.transitions.find((t) => t.key === params.transition)
    const guarded = target?.when !== undefined
    const email = guarded ? await actorEmail(params.actor) : ''
    // `teams` on the transition and `user.teams` in its guard need the actor's teams (only then).
    const needsTeams =
      target?.teams !== undefined || (target?.when !== undefined && mayReadUserTeams(target.when))
    const teams = params.actor.id !== null && needsTeams ? await teamsOf(params.actor.id) : []
    const check = checkTransition(definition, {
      stage: process.stageKey,
      status: process.status,
      role: params.actor.role,
      data: { ...process.data, ...patch },
      transitionKey: params.transition,
      guard: guardContextOf(process, { email, role: params.actor.role, teams }, params.at),
    })
    if (!check.ok) {
      if (check.code === 'process_closed') throw new ProcessClosed(process.status)
      if (check.code === 'guard_failed') {
        throw new TransitionNotAllowed(check.message, {
          reason: check.code,
          allowed: check.allowed,
        })
      }
      const allowed = check.allowed.length
        ? ` Allowed now: ${check.allowed.join(', ')}.`
        : ' No transition is allowed now.'
      throw new TransitionNotAllowed(`${check.message}${allowed}`, {
        reason: check.code,
        allowed: check.allowed,
        missingFields: check.missing?.map(({ field, message }) => ({
          field: `data.${field}`,
          message,
        })),
      })
    }

    return {
      type: 'transitioned',
      fromStage: process.stageKey,
      toStage: check.to.key,
      payload: {
        transition: check.transition.key,
        ...(patch ? { data: patch } : {}),
        ...(params.comment ? { comment: params.comment } : {}),
        ...(params.origin ? { origin: params.origin } : {}),
      },
    }
  }
}
