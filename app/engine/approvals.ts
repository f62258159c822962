/**
 * Approvals by several people: the votes of a stage visit folded into a
 * tally, and whether the stage's policy is met. Pure: the vote command
 * reads the visit's events and the eligible people, and writes the
 * deciding transition with the deciding vote; replay of the same events
 * gives the same tally.
 */
import type { ApprovalPolicy, StageApproval } from '#engine/definition'
import type { ProcessEvent } from '#engine/replay'

export type VoteDecision = 'approve' | 'reject'
export const VOTE_DECISIONS: readonly VoteDecision[] = ['approve', 'reject']

/** One recorded vote: whose it is (`voterId`), who cast it, and for whom. */
export interface Vote {
  /** The eligible person the vote counts for (the absent one, when delegated). */
  voterId: number
  /** Who cast it (the delegate, when delegated). */
  actorId: number
  decision: VoteDecision
  comment: string | null
  onBehalfOf: number | null
  at: Date
}

export interface Tally {
  policy: ApprovalPolicy
  approvals: Vote[]
  rejections: Vote[]
  /** Eligible people who have not voted yet. */
  awaiting: number[]
  /** Set once the policy (or the reject policy) is met. */
  decided: 'approved' | 'rejected' | null
}

/** Events that (re)enter a stage and so begin a new visit. */
const ENTRIES = new Set(['started', 'transitioned', 'migrated'])

/**
 * The votes of the current stage visit: `voted` events after the last
 * event that entered a stage. Events are in sequence order.
 */
export function votesOfVisit(events: readonly ProcessEvent[]): Vote[] {
  let start = 0
  events.forEach((event, index) => {
    if (ENTRIES.has(event.type)) start = index + 1
  })
  return votesIn(events.slice(start))
}

/**
 * The votes of the last visit that had any (for a process that has
 * since left its approval stage), and the stage they were cast in.
 */
export function lastVotedVisit(
  events: readonly ProcessEvent[]
): { stage: string; votes: Vote[]; decided: Tally['decided'] } | null {
  let end = -1
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i].type === 'voted') {
      end = i
      break
    }
  }
  if (end === -1) return null
  let start = 0
  for (let i = end; i >= 0; i--) {
    if (ENTRIES.has(events[i].type)) {
      start = i + 1
      break
    }
  }
  const stage = events[end].fromStage
  if (!stage) return null
  const decision = (events[end + 1]?.payload.approval as { decision?: unknown } | undefined)
    ?.decision
  const decided = decision === 'approved' || decision === 'rejected' ? decision : null
  return { stage, votes: votesIn(events.slice(start, end + 1)), decided }
}

function votesIn(events: readonly ProcessEvent[]): Vote[] {
  const votes: Vote[] = []
  for (const event of events) {
    if (event.type !== 'voted' || event.actorId === null) continue
    const { decision, comment, onBehalfOf } = event.payload
    if (decision !== 'approve' && decision !== 'reject') continue
    const behalf = typeof onBehalfOf === 'number' ? onBehalfOf : null
    votes.push({
      voterId: behalf ?? event.actorId,
      actorId: event.actorId,
      decision,
      comment: typeof comment === 'string' ? comment : null,
      onBehalfOf: behalf,
      at: event.occurredAt,
    })
  }
  return votes
}

/** How many approvals the policy needs out of `eligible` people. */
function approvalsNeeded(policy: ApprovalPolicy, eligible: number): number {
  if (policy === 'all') return Math.max(eligible, 1)
  if (policy === 'any') return 1
  return policy.quorum
}

/**
 * Folds votes into a tally. A person's first vote counts (later ones are
 * refused by the command anyway). Approved once the approvals reach what
 * the policy needs; rejected once the reject policy is met — one
 * rejection (`any`, the default) or more than half of the eligible people
 * (`majority`) — or when a rejection leaves too few people to approve.
 *
 * @param eligible ids of the people who may vote now (four-eyes applied).
 */
export function tallyApproval(
  approval: StageApproval,
  eligible: readonly number[],
  votes: readonly Vote[]
): Tally {
  const seen = new Set<number>()
  const counted = votes.filter((vote) => {
    if (seen.has(vote.voterId)) return false
    seen.add(vote.voterId)
    return true
  })
  const approvals = counted.filter((v) => v.decision === 'approve')
  const rejections = counted.filter((v) => v.decision === 'reject')
  const awaiting = eligible.filter((id) => !seen.has(id))
  const people = new Set([...eligible, ...seen]).size
  const needed = approvalsNeeded(approval.policy, people)

  let decided: Tally['decided'] = null
  if (approvals.length >= needed) decided = 'approved'
  else if (rejections.length > 0) {
    const rejectMet =
      (approval.rejectPolicy ?? 'any') === 'any' ? true : rejections.length * 2 > people
    const impossible = approvals.length + awaiting.length < needed
    if (rejectMet || impossible) decided = 'rejected'
  }
  return { policy: approval.policy, approvals, rejections, awaiting, decided }
}

/** The transition a decided tally takes, or null while undecided. */
export function decidingTransition(approval: StageApproval, tally: Tally): string | null {
  if (tally.decided === 'approved') return approval.approve
  if (tally.decided === 'rejected') return approval.reject
  return null
}

/** Whether a transition is one an approval takes (people vote instead of running it). */
export function isApprovalTransition(approval: StageApproval, transition: string): boolean {
  return transition === approval.approve || transition === approval.reject
}
