import { DateTime } from 'luxon'
import type { StageApproval, WorkflowDefinition } from '#engine/definition'
import { lastVotedVisit, tallyApproval, votesOfVisit, type Tally } from '#engine/approvals'
import { stageOf } from '#engine/state_machine'
import type { ProcessEvent as EngineEvent } from '#engine/replay'
import type Process from '#models/process'
import ProcessEvent from '#models/process_event'
import User from '#models/user'
import { memberIdsOf } from '#support/teams/membership'
import { mayAccess } from '#support/access/workflow_access'

/**
 * The people an approval asks: the team's members, the role's users or
 * the named users — active and allowed to work on the workflow.
 * `eligible` leaves out the creator when four-eyes applies (the default).
 */
export async function approvers(approval: StageApproval, process: Process) {
  const from = approval.from
  const query = User.query()
    .withScopes((s) => s.active())
    .orderBy('id')
  if ('team' in from) query.whereIn('id', await memberIdsOf(from.team))
  else if ('role' in from) query.where('role', from.role)
  else query.whereIn('email', from.users.map(User.normalizeEmailAddress))
  const candidates: User[] = []
  for (const user of await query) {
    if (await mayAccess(user, process.workflowId, 'work')) candidates.push(user)
  }
  const fourEyes = approval.fourEyes !== false
  const eligible = fourEyes ? candidates.filter((u) => u.id !== process.creatorId) : candidates
  return { candidates, eligible, fourEyes }
}

/** The events a tally is folded from, in sequence order. */
export async function approvalEvents(processId: number): Promise<EngineEvent[]> {
  const events = await ProcessEvent.query()
    .where('process_id', processId)
    .whereIn('type', ['started', 'transitioned', 'migrated', 'voted'])
    .orderBy('sequence')
  return events.map((e) => e.toEngineEvent())
}

type Person = { id: number; name: string }

/** The tally as the API and the process page show it (people named). */
export type ApprovalView = {
  stage: string
  policy: Tally['policy']
  approvals: VoteView[]
  rejections: VoteView[]
  awaiting: (Person & { delegate: Person | null })[]
  decided: Tally['decided']
}
type VoteView = {
  user: Person
  by: Person
  onBehalfOf: Person | null
  comment: string | null
  at: string
}

/**
 * The approval of the process's current stage, or (once it moved on) of
 * the last stage it voted in; null when neither asks for approvals.
 */
export async function approvalViewOf(
  process: Process,
  definition: WorkflowDefinition
): Promise<ApprovalView | null> {
  const current = stageOf(definition, process.stageKey)
  const open = process.status === 'active' && current?.approval
  if (!open && !definition.stages.some((s) => s.approval)) return null
  const events = await approvalEvents(process.id)
  let stageKey = process.stageKey
  let votes = open ? votesOfVisit(events) : []
  let decided: Tally['decided'] = null
  if (!open) {
    const visit = lastVotedVisit(events)
    if (!visit) return null
    stageKey = visit.stage
    votes = visit.votes
    decided = visit.decided
  }
  const approval = stageOf(definition, stageKey)?.approval
  if (!approval) return null
  const { eligible } = await approvers(approval, process)
  const tally = tallyApproval(approval, open ? eligible.map((u) => u.id) : [], votes)
  const ids = new Set([
    ...votes.flatMap((v) => [v.voterId, v.actorId]),
    ...eligible.map((u) => u.id),
  ])
  const delegateIds = eligible.map((u) => u.delegateId).filter((id): id is number => id !== null)
  const named = await User.query()
    .whereIn('id', [...ids, ...delegateIds])
    .select('id', 'name')
  const people = new Map(named.map((u) => [u.id, { id: u.id, name: u.name }]))
  const name = (id: number) => people.get(id) ?? { id, name: `#${id}` }
  const now = DateTime.now()
  const view = (v: (typeof votes)[number]): VoteView => ({
    user: name(v.voterId),
    by: name(v.actorId),
    onBehalfOf: v.onBehalfOf === null ? null : name(v.onBehalfOf),
    comment: v.comment,
    at: v.at.toISOString(),
  })
  return {
    stage: stageKey,
    policy: tally.policy,
    approvals: tally.approvals.map(view),
    rejections: tally.rejections.map(view),
    awaiting: tally.awaiting.map((id) => {
      const user = eligible.find((u) => u.id === id)!
      const delegate = user.delegateId && user.isAbsentOn(now) ? name(user.delegateId) : null
      return { ...name(id), delegate }
    }),
    decided: open ? tally.decided : decided,
  }
}
