import { DateTime } from 'luxon'
import type { StageApproval, StageAssignee, WorkflowDefinition } from '#engine/definition'
import Team from '#models/team'
import Workflow from '#models/workflow'
import type User from '#models/user'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import { UserFactory } from '#database/factories/user_factory'
import { publishWorkflow } from '#tests/helpers/common'
import { bumpEpoch } from '#support/access/access_epoch'

/** A team with members, inserted through the model (the teams API is another branch's). */
export async function teamWith(key: string, members: User[], name = key) {
  const team = await Team.firstOrCreate({ key }, { name })
  await team
    .related('members')
    .attach(Object.fromEntries(members.map((m) => [m.id, { lead: false }])))
  // A direct write to team_members: cached teams are read again (#support/access/access_epoch).
  await bumpEpoch()
  return team
}

/** `count` active members named "<prefix> 1…n", created in order (ids ascend with the names). */
export async function people(count: number, prefix = 'Member') {
  const users: User[] = []
  for (let i = 1; i <= count; i++) {
    users.push(await UserFactory.merge({ name: `${prefix} ${i}` }).create())
  }
  return users
}

/**
 * A purchase that goes from "request" to a Finance queue ("review") and
 * then to an approval stage; approve → approved, reject → rejected.
 */
export function teamWorkflow(
  options: { approval?: Partial<StageApproval>; review?: StageAssignee } = {}
): WorkflowDefinition {
  return {
    key: 'team-purchase',
    name: 'Team purchase',
    stages: [
      { key: 'request', name: 'Request', type: 'start' },
      {
        key: 'review',
        name: 'Finance review',
        type: 'task',
        assignee: options.review ?? { team: 'finance' },
      },
      {
        key: 'approval',
        name: 'Finance approval',
        type: 'task',
        approval: {
          from: { team: 'finance' },
          policy: { quorum: 2 },
          approve: 'approve',
          reject: 'reject',
          ...options.approval,
        },
      },
      { key: 'approved', name: 'Approved', type: 'end', outcome: 'completed' },
      { key: 'rejected', name: 'Rejected', type: 'end', outcome: 'cancelled' },
    ],
    transitions: [
      { key: 'submit', from: 'request', to: 'review', label: 'Submit' },
      { key: 'ask', from: 'review', to: 'approval', label: 'Ask for approval' },
      { key: 'approve', from: 'approval', to: 'approved', label: 'Approve' },
      { key: 'reject', from: 'approval', to: 'rejected', label: 'Reject' },
    ],
  }
}

/** Publishes the workflow and starts one process by `creator`, moved to `stage`. */
export async function processAt(
  stage: 'review' | 'approval',
  creator: User,
  definition = teamWorkflow()
) {
  if (!(await Workflow.findBy('key', definition.key))) await publishWorkflow(definition, creator)
  let { process } = await new StartProcess().handle({
    workflowKey: definition.key,
    title: 'Laptops',
    actor: creator,
  })
  for (const transition of stage === 'review' ? ['submit'] : ['submit', 'ask']) {
    ;({ process } = await new TransitionProcess().handle({
      process,
      transition,
      expectedVersion: process.version,
      actor: creator,
    }))
  }
  return process
}

/** Away today (and tomorrow), with `delegate` acting for them. */
export async function absent(user: User, delegate: User) {
  const today = DateTime.utc().startOf('day')
  user.merge({ absentFrom: today, absentTo: today.plus({ days: 1 }), delegateId: delegate.id })
  await user.save()
}
