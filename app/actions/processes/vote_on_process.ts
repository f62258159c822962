import { setTimeout as sleep } from 'node:timers/promises'
import { DateTime } from 'luxon'
import {
  decidingTransition,
  lastVotedVisit,
  tallyApproval,
  votesOfVisit,
  type Vote,
  type VoteDecision,
} from '#engine/approvals'
import { stageOf } from '#engine/state_machine'
import Process from '#models/process'
import type User from '#models/user'
import { InvalidInput } from '#exceptions/domain_error'
import { ProcessClosed, VersionConflict } from '#exceptions/process_errors'
import {
  AlreadyVoted,
  ApprovalDecided,
  FourEyes,
  NoApproval,
  NotEligibleVoter,
} from '#exceptions/collaboration_errors'
import { definitionOf } from '#support/definitions'
import { mayAccess } from '#support/access/workflow_access'
import { DelegateNotAllowed } from '#support/people/delegation'
import CommitProcessChange, {
  type ChangeResult,
  type EventDraft,
} from '#actions/processes/commit_process_change'
import { approvalEvents, approvers } from '#actions/processes/approval_tally'

export type VoteParams = {
  process: Process
  actor: User
  decision: VoteDecision
  comment?: string | null
  idempotencyKey?: string | null
  at?: DateTime
}

/** Votes commute, so a vote that lost a version race is decided again on the new state. */
const MAX_ATTEMPTS = 25

/**
 * Records one approval vote (a `voted` event). When it meets the stage's
 * policy, the approval's `approve` or `reject` transition follows as a
 * system event in the same transaction. The vote counts for the voter,
 * or — when the voter is the delegate of an absent approver who has not
 * voted — on that approver's behalf.
 */
export default class VoteOnProcess {
  constructor(protected writer = new CommitProcessChange()) {}

  async handle(params: VoteParams): Promise<ChangeResult> {
    const comment = params.comment?.trim() || null
    if (params.decision === 'reject' && !comment) {
      throw new InvalidInput('A rejection needs a comment.', [
        { field: 'comment', message: 'Say why you reject', code: 'required' },
      ])
    }
    let process = params.process
    for (let attempt = 1; ; attempt++) {
      try {
        const current = process
        return await this.writer.handle({
          process: current,
          expectedVersion: current.version,
          actorId: params.actor.id,
          actor: { role: params.actor.role, email: params.actor.email },
          idempotencyKey: params.idempotencyKey,
          at: params.at,
          event: () => this.decide(current, params.actor, params.decision, comment, params.at),
        })
      } catch (error) {
        if (!(error instanceof VersionConflict) || attempt >= MAX_ATTEMPTS) throw error
        // Someone else wrote first (often another vote): read again and decide again.
        await sleep(Math.floor(Math.random() * 10 * attempt))
        process = await Process.findOrFail(process.id)
      }
    }
  }

  protected async decide(
    process: Process,
    actor: User,
    decision: VoteDecision,
    comment: string | null,
    at: DateTime = DateTime.now()
  ): Promise<EventDraft> {
    const definition = await definitionOf(process.workflowVersionId)
    const stage = stageOf(definition, process.stageKey)
    const approval = stage?.approval
    const events = await approvalEvents(process.id)
    if (!approval || process.status !== 'active') {
      if (lastVotedVisit(events)) throw new ApprovalDecided()
      if (process.status !== 'active') throw new ProcessClosed(process.status)
      throw new NoApproval(process.stageKey)
    }

    const votes = votesOfVisit(events)
    const { candidates, eligible, fourEyes } = await approvers(approval, process)
    const eligibleIds = eligible.map((u) => u.id)
    if (tallyApproval(approval, eligibleIds, votes).decided) throw new ApprovalDecided()

    const voted = new Set(votes.map((v) => v.voterId))
    const absentFor = eligible.filter((u) => u.delegateId === actor.id && u.isAbsentOn(at))
    const mayVoteSelf = eligibleIds.includes(actor.id)
    if (
      fourEyes &&
      actor.id === process.creatorId &&
      (candidates.some((u) => u.id === actor.id) || absentFor.length > 0)
    ) {
      throw new FourEyes()
    }

    let onBehalfOf: User | null = null
    if (!mayVoteSelf || voted.has(actor.id)) {
      onBehalfOf = absentFor.find((u) => !voted.has(u.id)) ?? null
      if (!onBehalfOf) {
        if (mayVoteSelf || absentFor.length > 0) throw new AlreadyVoted()
        throw new NotEligibleVoter()
      }
      if (!(await mayAccess(actor, process.workflowId, 'work'))) {
        throw new DelegateNotAllowed(onBehalfOf, actor, 403)
      }
    }

    const vote: Vote = {
      voterId: onBehalfOf?.id ?? actor.id,
      actorId: actor.id,
      decision,
      comment,
      onBehalfOf: onBehalfOf?.id ?? null,
      at: at.toJSDate(),
    }
    const tally = tallyApproval(approval, eligibleIds, [...votes, vote])
    const transitionKey = decidingTransition(approval, tally)
    const transition = definition.transitions.find((t) => t.key === transitionKey)
    return {
      type: 'voted',
      fromStage: process.stageKey,
      payload: {
        decision,
        ...(comment ? { comment } : {}),
        ...(onBehalfOf ? { onBehalfOf: onBehalfOf.id } : {}),
      },
      then: transition
        ? [
            {
              type: 'transitioned',
              fromStage: process.stageKey,
              toStage: transition.to,
              payload: {
                transition: transition.key,
                approval: { stage: process.stageKey, decision: tally.decided },
              },
            },
          ]
        : [],
    }
  }
}
