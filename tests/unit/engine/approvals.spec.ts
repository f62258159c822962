import { test } from '@japa/runner'
import fc from 'fast-check'
import type { StageApproval } from '#engine/definition'
import {
  decidingTransition,
  lastVotedVisit,
  tallyApproval,
  votesOfVisit,
  type Vote,
} from '#engine/approvals'
import type { ProcessEvent } from '#engine/replay'
import { verifyDefinition } from '#engine/verifier'
import { queueOf } from '#engine/queues'

const AT = new Date('2026-12-01T10:00:00.000Z')
const approval = (overrides: Partial<StageApproval> = {}): StageApproval => ({
  from: { team: 'finance' },
  policy: { quorum: 2 },
  approve: 'approve',
  reject: 'reject',
  ...overrides,
})
const vote = (voterId: number, decision: 'approve' | 'reject', onBehalfOf?: number): Vote => ({
  voterId: onBehalfOf ?? voterId,
  actorId: voterId,
  decision,
  comment: decision === 'reject' ? 'no' : null,
  onBehalfOf: onBehalfOf ?? null,
  at: AT,
})
const event = (
  sequence: number,
  type: string,
  payload: Record<string, unknown> = {},
  actorId: number | null = 1
): ProcessEvent => ({
  sequence,
  type,
  fromStage: 'approval',
  toStage: type === 'transitioned' ? 'approval' : null,
  actorId,
  payload,
  occurredAt: AT,
})

test.group('Approvals | tallyApproval', () => {
  test('quorum: undecided below it, approved at it; awaiting lists who has not voted', ({
    assert,
  }) => {
    const one = tallyApproval(approval(), [1, 2, 3], [vote(1, 'approve')])
    assert.isNull(one.decided)
    assert.deepEqual(one.awaiting, [2, 3])
    const two = tallyApproval(approval(), [1, 2, 3], [vote(1, 'approve'), vote(3, 'approve')])
    assert.equal(two.decided, 'approved')
    assert.deepEqual(two.awaiting, [2])
    assert.equal(decidingTransition(approval(), two), 'approve')
  })

  test('all: every eligible person must approve; any: one is enough', ({ assert }) => {
    const all = approval({ policy: 'all' })
    assert.isNull(tallyApproval(all, [1, 2], [vote(1, 'approve')]).decided)
    assert.equal(
      tallyApproval(all, [1, 2], [vote(1, 'approve'), vote(2, 'approve')]).decided,
      'approved'
    )
    assert.equal(
      tallyApproval(approval({ policy: 'any' }), [1, 2], [vote(2, 'approve')]).decided,
      'approved'
    )
  })

  test('reject policy any (default): one rejection rejects', ({ assert }) => {
    const tally = tallyApproval(approval(), [1, 2, 3, 4], [vote(1, 'approve'), vote(2, 'reject')])
    assert.equal(tally.decided, 'rejected')
    assert.equal(decidingTransition(approval(), tally), 'reject')
  })

  test('reject policy majority: more than half of the eligible people must reject', ({
    assert,
  }) => {
    const majority = approval({ rejectPolicy: 'majority', policy: { quorum: 1 } })
    const people = [1, 2, 3, 4, 5]
    assert.isNull(tallyApproval(majority, people, [vote(1, 'reject'), vote(2, 'reject')]).decided)
    assert.equal(
      tallyApproval(majority, people, [vote(1, 'reject'), vote(2, 'reject'), vote(3, 'reject')])
        .decided,
      'rejected'
    )
  })

  test('a rejection that leaves too few people to approve rejects, whatever the reject policy', ({
    assert,
  }) => {
    const all = approval({ policy: 'all', rejectPolicy: 'majority' })
    assert.equal(tallyApproval(all, [1, 2, 3], [vote(1, 'reject')]).decided, 'rejected')
  })

  test('a delegated vote counts for the absent person; a second vote by the same person does not count', ({
    assert,
  }) => {
    const tally = tallyApproval(approval(), [1, 2], [vote(9, 'approve', 1), vote(9, 'approve', 1)])
    assert.lengthOf(tally.approvals, 1)
    assert.equal(tally.approvals[0].voterId, 1)
    assert.equal(tally.approvals[0].actorId, 9)
    assert.deepEqual(tally.awaiting, [2])
    assert.isNull(tally.decided)
  })

  test('votes commute: any order of the same votes gives the same decision', ({ assert }) => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        (decisions, quorum) => {
          const votes = decisions.map((ok, i) => vote(i + 1, ok ? 'approve' : 'reject'))
          const eligible = votes.map((v) => v.voterId)
          const rule = approval({ policy: { quorum }, rejectPolicy: 'majority' })
          const forward = tallyApproval(rule, eligible, votes).decided
          const backward = tallyApproval(rule, eligible, [...votes].reverse()).decided
          assert.equal(forward, backward)
        }
      )
    )
  })
})

test.group('Approvals | votes from events (replay)', () => {
  test('only votes since the stage was last entered count', ({ assert }) => {
    const events = [
      event(1, 'started', {}),
      event(2, 'voted', { decision: 'approve' }, 2),
      event(3, 'transitioned', { transition: 'back' }),
      event(4, 'voted', { decision: 'reject', comment: 'too much', onBehalfOf: 3 }, 5),
      event(5, 'commented', { body: 'x' }),
    ]
    const votes = votesOfVisit(events)
    assert.lengthOf(votes, 1)
    assert.include(votes[0], { voterId: 3, actorId: 5, decision: 'reject', onBehalfOf: 3 })
  })

  test('the last voted visit and its recorded decision', ({ assert }) => {
    const events = [
      event(1, 'started'),
      event(2, 'voted', { decision: 'approve' }, 2),
      event(3, 'voted', { decision: 'approve' }, 3),
      event(
        4,
        'transitioned',
        { transition: 'approve', approval: { stage: 'approval', decision: 'approved' } },
        null
      ),
    ]
    const visit = lastVotedVisit(events)!
    assert.equal(visit.stage, 'approval')
    assert.equal(visit.decided, 'approved')
    assert.deepEqual(
      visit.votes.map((v) => v.voterId),
      [2, 3]
    )
    assert.isNull(lastVotedVisit([event(1, 'started')]))
  })
})

test.group('Approvals | verifier and queues', () => {
  const definition = (stage: Record<string, unknown>, transitions: unknown[] = []) => ({
    key: 'p',
    name: 'P',
    stages: [
      { key: 'start', name: 'Start', type: 'start' },
      { key: 'approval', name: 'Approval', type: 'task', ...stage },
      { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
    ],
    transitions: [
      { key: 'go', from: 'start', to: 'approval' },
      { key: 'approve', from: 'approval', to: 'done' },
      { key: 'reject', from: 'approval', to: 'start' },
      ...transitions,
    ],
  })
  const codes = (input: unknown) =>
    verifyDefinition(input).problems.map((p) => `${p.path} ${p.code}`)

  test('a valid approval and team assignee pass and are kept', ({ assert }) => {
    const result = verifyDefinition(
      definition({
        assignee: { team: 'finance', strategy: 'least_busy' },
        approval: {
          from: { users: ['a@example.com', 'b@example.com'] },
          policy: 'all',
          approve: 'approve',
          reject: 'reject',
          rejectPolicy: 'majority',
          fourEyes: false,
        },
      })
    )
    assert.deepEqual(result.problems, [])
    const stage = result.definition!.stages[1]
    assert.deepEqual(stage.assignee, { team: 'finance', strategy: 'least_busy' })
    assert.equal(stage.approval?.rejectPolicy, 'majority')
  })

  test('unknown shapes and transitions that do not exist or do not leave the stage are problems', ({
    assert,
  }) => {
    assert.deepEqual(
      codes(
        definition(
          {
            assignee: { strategy: 'random' },
            approval: {
              from: { group: 'x' },
              policy: { quorum: 0 },
              approve: 'missing',
              reject: 'stay',
              rejectPolicy: 'most',
            },
          },
          [{ key: 'stay', from: 'approval', to: 'approval' }]
        )
      ),
      [
        '$.stages[1].assignee.strategy invalid_strategy',
        '$.stages[1].approval.from invalid_approval',
        '$.stages[1].approval.policy invalid_approval',
        '$.stages[1].approval.rejectPolicy invalid_approval',
        '$.stages[1].approval.approve unknown_transition',
        '$.stages[1].approval.reject approval_transition_stays',
      ]
    )
  })

  test('queueOf: an unassigned process in a team stage is in the team queue', ({ assert }) => {
    const state = {
      workflowVersionId: 1,
      title: 't',
      priority: 'normal' as const,
      stage: 'approval',
      status: 'active' as const,
      data: {},
      assigneeId: null,
      version: 2,
      closedAt: null,
      dueAt: null,
      slaBreached: false,
    }
    const stage = {
      key: 'approval',
      name: 'A',
      type: 'task' as const,
      assignee: { team: 'finance' },
    }
    assert.equal(queueOf(stage, state), 'finance')
    assert.isNull(queueOf(stage, { ...state, assigneeId: 4 }))
    assert.isNull(queueOf({ ...stage, assignee: { role: 'manager' } }, state))
  })
})
