import { test } from '@japa/runner'
import type { WorkflowDefinition } from '#engine/definition'
import type { ProcessEvent } from '#engine/replay'
import {
  checkDraftAgainstHistory,
  checkProcessHistory,
  type ActorInfo,
  type DraftCheckContext,
  type HistoryToCheck,
} from '#engine/draft_check'

const T0 = Date.parse('2025-01-06T09:00:00.000Z')
const at = (minutes: number) => new Date(T0 + minutes * 60_000)

/** Version 1: a request is reviewed, then approved or rejected. */
const V1: WorkflowDefinition = {
  key: 'purchase',
  name: 'Purchase',
  stages: [
    {
      key: 'REQUEST',
      name: 'Request',
      type: 'start',
      fields: [
        { key: 'amount', label: 'Amount', type: 'number', required: true },
        { key: 'reason', label: 'Reason', type: 'text' },
      ],
    },
    { key: 'REVIEW', name: 'Review', type: 'task' },
    { key: 'APPROVED', name: 'Approved', type: 'end', outcome: 'completed' },
    { key: 'REJECTED', name: 'Rejected', type: 'end', outcome: 'cancelled' },
  ],
  transitions: [
    { key: 'submit', from: 'REQUEST', to: 'REVIEW' },
    { key: 'approve', from: 'REVIEW', to: 'APPROVED' },
    { key: 'reject', from: 'REVIEW', to: 'REJECTED' },
  ],
}

/** Version 2: a decision sends small amounts straight to approval. */
const decisionVersion = (threshold: number): WorkflowDefinition => ({
  ...V1,
  stages: [
    V1.stages[0]!,
    {
      key: 'ROUTE',
      name: 'Route',
      type: 'decision',
      routes: [{ when: `data.amount >= ${threshold}.0`, transition: 'to_review' }],
      otherwise: 'auto_approve',
    },
    ...V1.stages.slice(1),
  ],
  transitions: [
    { key: 'submit', from: 'REQUEST', to: 'ROUTE' },
    { key: 'to_review', from: 'ROUTE', to: 'REVIEW' },
    { key: 'auto_approve', from: 'ROUTE', to: 'APPROVED' },
    ...V1.transitions.slice(1),
  ],
})
const V2 = decisionVersion(1000)

const VERSIONS: Record<number, WorkflowDefinition> = { 1: V1, 2: V2 }
const ACTORS = new Map<number, ActorInfo>([
  [7, { email: 'mia@acme.test', role: 'member' }],
  [8, { email: 'max@other.test', role: 'manager' }],
])

function context(draft: WorkflowDefinition): DraftCheckContext {
  return {
    draft,
    resolveDefinition: (id) => VERSIONS[id]!,
    actors: ACTORS,
    now: at(10_000),
  }
}

/** A history built one event at a time, on `version`. */
class History {
  readonly events: ProcessEvent[] = []
  constructor(
    readonly processId: number,
    version = 1,
    data: Record<string, unknown> = { amount: 200 }
  ) {
    this.push(
      'started',
      { workflowVersionId: version, title: 'Laptop', priority: 'normal', data, assigneeId: null },
      null,
      'REQUEST',
      7
    )
  }

  push(
    type: string,
    payload: Record<string, unknown>,
    from: string | null,
    to: string | null,
    actorId: number | null
  ): this {
    this.events.push({
      sequence: this.events.length + 1,
      type,
      fromStage: from,
      toStage: to,
      actorId,
      payload,
      occurredAt: at(this.events.length * 60),
    })
    return this
  }

  move(transition: string, from: string, to: string, actorId: number | null = 7, data?: object) {
    return this.push('transitioned', { transition, ...(data ? { data } : {}) }, from, to, actorId)
  }

  route(stage: string, transition: string, to: string, index: number | null) {
    return this.push(
      'transitioned',
      { transition, route: { stage, index, when: null } },
      stage,
      to,
      null
    )
  }

  toHistory(): HistoryToCheck {
    return {
      processId: this.processId,
      reference: `PU-${this.processId}`,
      title: 'Laptop',
      events: this.events,
    }
  }
}

const reviewed = (id: number, data?: Record<string, unknown>) =>
  new History(id, 1, data)
    .move('submit', 'REQUEST', 'REVIEW')
    .move('approve', 'REVIEW', 'APPROVED', 8)

test.group('Engine / draft check against history', () => {
  test('a draft that changes nothing visible leaves every process unchanged', ({ assert }) => {
    const draft = {
      ...V1,
      name: 'Purchases',
      transitions: V1.transitions.map((t) => ({ ...t, label: 'Go' })),
    }
    const result = checkDraftAgainstHistory(context(draft), [
      reviewed(1).toHistory(),
      new History(2).move('submit', 'REQUEST', 'REVIEW').toHistory(),
      new History(3).toHistory(),
    ])
    assert.deepEqual(result.summary, {
      checked: 3,
      unchanged: 3,
      affected: 0,
      verdicts: {
        unchanged: 3,
        routes_differently: 0,
        blocked_by_guard: 0,
        blocked_by_field_rule: 0,
        blocked_by_role: 0,
        stuck: 0,
        unknown_stage: 0,
        unknown_transition: 0,
        unreadable: 0,
      },
    })
    assert.deepEqual(result.processes, [])
  })

  test('a new guard blocks the histories whose data at that moment fails it', ({ assert }) => {
    const draft: WorkflowDefinition = {
      ...V1,
      transitions: V1.transitions.map((t) =>
        t.key === 'submit'
          ? {
              ...t,
              when: 'data.amount < 1000.0',
              whenMessage: 'Large amounts need a purchase order.',
            }
          : t
      ),
    }
    const small = reviewed(1, { amount: 200 })
    const large = reviewed(2, { amount: 5000 })
    // The amount was lowered with the transition itself: the guard sees the patched data.
    const patched = new History(3, 1, { amount: 5000 }).move('submit', 'REQUEST', 'REVIEW', 7, {
      amount: 900,
    })
    const result = checkDraftAgainstHistory(context(draft), [
      small.toHistory(),
      large.toHistory(),
      patched.toHistory(),
    ])
    assert.equal(result.summary.unchanged, 2)
    assert.equal(result.summary.verdicts.blocked_by_guard, 1)
    assert.deepEqual(result.processes, [
      {
        processId: 2,
        reference: 'PU-2',
        title: 'Laptop',
        // Where the process is now; the difference says where it parted.
        status: 'completed',
        stage: 'APPROVED',
        verdict: 'blocked_by_guard',
        difference: {
          sequence: 2,
          stage: 'REQUEST',
          transition: 'submit',
          historyTo: 'REVIEW',
          draftTo: null,
          fields: [],
          message: 'Large amounts need a purchase order.',
        },
      },
    ])
  })

  test('guards see the actor of the event and the moment it happened', ({ assert }) => {
    const draft: WorkflowDefinition = {
      ...V1,
      transitions: V1.transitions.map((t) =>
        t.key === 'approve'
          ? {
              ...t,
              when: "user.email.endsWith('@acme.test') && now < timestamp('2025-01-06T11:30:00Z')",
            }
          : t
      ),
    }
    // Approved by max@other.test (actor 8): refused.
    const byOutsider = checkProcessHistory(context(draft), reviewed(1).toHistory())
    assert.equal(byOutsider.verdict, 'blocked_by_guard')
    assert.equal(byOutsider.difference!.sequence, 3)
    // Approved by mia@acme.test at 11:00: holds.
    const byMia = new History(2)
      .move('submit', 'REQUEST', 'REVIEW')
      .move('approve', 'REVIEW', 'APPROVED', 7)
    assert.equal(checkProcessHistory(context(draft), byMia.toHistory()).verdict, 'unchanged')
    // The same, an hour later: `now` is the event's time, so it fails.
    const late = new History(3).move('submit', 'REQUEST', 'REVIEW')
    late.push('commented', { body: 'waiting' }, null, null, 7)
    late.move('approve', 'REVIEW', 'APPROVED', 7)
    assert.equal(checkProcessHistory(context(draft), late.toHistory()).verdict, 'blocked_by_guard')
  })

  test('a decision that routes differently is reported with where each would go', ({ assert }) => {
    const draft = decisionVersion(500)
    // Under version 2 (threshold 1000) 700 went "otherwise" to APPROVED; the draft reviews it.
    const seven = new History(1, 2, { amount: 700 })
      .move('submit', 'REQUEST', 'ROUTE')
      .route('ROUTE', 'auto_approve', 'APPROVED', null)
    const twoThousand = new History(2, 2, { amount: 2000 })
      .move('submit', 'REQUEST', 'ROUTE')
      .route('ROUTE', 'to_review', 'REVIEW', 0)
    const result = checkDraftAgainstHistory(context(draft), [
      seven.toHistory(),
      twoThousand.toHistory(),
    ])
    assert.equal(result.summary.unchanged, 1)
    assert.lengthOf(result.processes, 1)
    assert.equal(result.processes[0]!.verdict, 'routes_differently')
    assert.deepInclude(result.processes[0]!.difference!, {
      sequence: 3,
      stage: 'ROUTE',
      transition: 'to_review',
      historyTo: 'APPROVED',
      draftTo: 'REVIEW',
    })
    assert.include(result.processes[0]!.difference!.message, 'route 1')
  })

  test('a decision added where people decided: same target is unchanged, another is reported', ({
    assert,
  }) => {
    // Draft: REVIEW becomes a decision (approve above 100, else reject) — the system decides.
    const draft: WorkflowDefinition = {
      ...V1,
      stages: V1.stages.map((s) =>
        s.key === 'REVIEW'
          ? {
              ...s,
              type: 'decision',
              routes: [{ when: 'data.amount > 100.0', transition: 'approve' }],
              otherwise: 'reject',
            }
          : s
      ),
    }
    const approved = reviewed(1, { amount: 200 })
    const wouldReject = reviewed(2, { amount: 50 })
    const waiting = new History(3, 1, { amount: 50 }).move('submit', 'REQUEST', 'REVIEW')
    const verdicts = [approved, wouldReject, waiting].map((h) =>
      checkProcessHistory(context(draft), h.toHistory())
    )
    assert.deepEqual(
      verdicts.map((v) => [
        v.verdict,
        v.difference?.draftTo ?? null,
        v.difference?.historyTo ?? null,
      ]),
      [
        ['unchanged', null, null],
        ['routes_differently', 'REJECTED', 'APPROVED'],
        ['routes_differently', 'REJECTED', null],
      ]
    )
    assert.isNull(verdicts[2]!.difference!.sequence)
  })

  test('a decision removed: the process would wait for someone instead of going on', ({
    assert,
  }) => {
    const draft: WorkflowDefinition = {
      ...V2,
      stages: V2.stages.map((s) =>
        s.key === 'ROUTE' ? { key: 'ROUTE', name: 'Route', type: 'task' } : s
      ),
    }
    const history = new History(1, 2, { amount: 700 })
      .move('submit', 'REQUEST', 'ROUTE')
      .route('ROUTE', 'auto_approve', 'APPROVED', null)
    const verdict = checkProcessHistory(context(draft), history.toHistory())
    assert.equal(verdict.verdict, 'routes_differently')
    assert.deepInclude(verdict.difference!, {
      sequence: 3,
      stage: 'ROUTE',
      historyTo: 'APPROVED',
      draftTo: null,
    })
  })

  test('a removed stage: open processes there are unknown, histories through it route differently', ({
    assert,
  }) => {
    const draft: WorkflowDefinition = {
      ...V1,
      stages: V1.stages.filter((s) => s.key !== 'REVIEW'),
      transitions: [{ key: 'submit', from: 'REQUEST', to: 'APPROVED' }],
    }
    const sitting = checkProcessHistory(
      context(draft),
      new History(1).move('submit', 'REQUEST', 'REVIEW').toHistory()
    )
    assert.equal(sitting.verdict, 'routes_differently')
    assert.deepInclude(sitting.difference!, {
      stage: 'REQUEST',
      historyTo: 'REVIEW',
      draftTo: 'APPROVED',
    })

    // A transition removed from a stage that stays.
    const noReject: WorkflowDefinition = {
      ...V1,
      transitions: V1.transitions.filter((t) => t.key !== 'reject'),
    }
    const rejected = new History(2)
      .move('submit', 'REQUEST', 'REVIEW')
      .move('reject', 'REVIEW', 'REJECTED', 8)
    const verdict = checkProcessHistory(context(noReject), rejected.toHistory())
    assert.equal(verdict.verdict, 'unknown_transition')
    assert.deepInclude(verdict.difference!, { sequence: 3, stage: 'REVIEW', transition: 'reject' })

    // A stage renamed: a process migrated there, or sitting there, is unknown.
    const renamed: WorkflowDefinition = {
      ...V1,
      stages: V1.stages.map((s) => (s.key === 'REVIEW' ? { ...s, key: 'CHECK' } : s)),
      transitions: V1.transitions.map((t) => ({
        ...t,
        from: t.from === 'REVIEW' ? 'CHECK' : t.from,
        to: t.to === 'REVIEW' ? 'CHECK' : t.to,
      })),
    }
    const migrated = new History(3, 2, { amount: 5 })
      .move('submit', 'REQUEST', 'ROUTE')
      .route('ROUTE', 'to_review', 'REVIEW', 0)
    const inReview = checkProcessHistory(context(renamed), migrated.toHistory())
    assert.equal(inReview.verdict, 'routes_differently')
    const started = new History(4, 1)
    started.push('migrated', { fromVersionId: 1, toVersionId: 2 }, 'REQUEST', 'ROUTE', 8)
    const unknown = checkProcessHistory(context(renamed), started.toHistory())
    assert.equal(unknown.verdict, 'unknown_stage')
    assert.deepInclude(unknown.difference!, { sequence: 2, stage: 'ROUTE' })
  })

  test('an open process left with no way out is stuck; a guard naming the user is given the benefit', ({
    assert,
  }) => {
    const waiting = new History(1, 1, { amount: 50 })
      .move('submit', 'REQUEST', 'REVIEW')
      .toHistory()
    const guarded = (when: string): WorkflowDefinition => ({
      ...V1,
      transitions: V1.transitions.map((t) => (t.from === 'REVIEW' ? { ...t, when } : t)),
    })
    const stuck = checkProcessHistory(context(guarded('data.amount > 100.0')), waiting)
    assert.equal(stuck.verdict, 'stuck')
    assert.deepInclude(stuck.difference!, { sequence: null, stage: 'REVIEW' })
    assert.equal(
      checkProcessHistory(context(guarded('data.amount > 10.0')), waiting).verdict,
      'unchanged'
    )
    assert.equal(
      checkProcessHistory(context(guarded("user.role == 'admin'")), waiting).verdict,
      'unchanged'
    )

    // No path to an end at all (the verifier refuses this; the check still answers).
    const deadEnd: WorkflowDefinition = { ...V1, transitions: [V1.transitions[0]!] }
    assert.equal(checkProcessHistory(context(deadEnd), waiting).verdict, 'stuck')
    // A closed process is judged on the steps it took, never as stuck.
    assert.equal(
      checkProcessHistory(context(guarded('false')), reviewed(2).toHistory()).verdict,
      'blocked_by_guard'
    )
  })

  test('field rules: a newly required field, a transition requirement, data the draft refuses', ({
    assert,
  }) => {
    const reasonRequired: WorkflowDefinition = {
      ...V1,
      stages: V1.stages.map((s) =>
        s.key === 'REQUEST'
          ? {
              ...s,
              fields: s.fields!.map((f) => (f.key === 'reason' ? { ...f, required: true } : f)),
            }
          : s
      ),
    }
    const withoutReason = checkProcessHistory(context(reasonRequired), reviewed(1).toHistory())
    assert.equal(withoutReason.verdict, 'blocked_by_field_rule')
    assert.deepInclude(withoutReason.difference!, {
      sequence: 2,
      stage: 'REQUEST',
      transition: 'submit',
      fields: ['reason'],
    })
    const withReason = reviewed(2, { amount: 10, reason: 'broken screen' }).toHistory()
    assert.equal(checkProcessHistory(context(reasonRequired), withReason).verdict, 'unchanged')

    const requires: WorkflowDefinition = {
      ...V1,
      transitions: V1.transitions.map((t) =>
        t.key === 'approve' ? { ...t, requires: ['reason'] } : t
      ),
    }
    const missing = checkProcessHistory(context(requires), reviewed(3).toHistory())
    assert.equal(missing.verdict, 'blocked_by_field_rule')
    assert.deepEqual(missing.difference!.fields, ['reason'])

    // "reason" becomes a select: the free text written by a data update no longer fits.
    const select: WorkflowDefinition = {
      ...V1,
      stages: V1.stages.map((s) =>
        s.key === 'REQUEST'
          ? {
              ...s,
              fields: s.fields!.map((f) =>
                f.key === 'reason'
                  ? { ...f, type: 'select' as const, options: ['repair', 'new'] }
                  : f
              ),
            }
          : s
      ),
    }
    const updated = new History(4).push(
      'data_updated',
      { patch: { reason: 'whim' } },
      null,
      null,
      7
    )
    const refused = checkProcessHistory(context(select), updated.toHistory())
    assert.equal(refused.verdict, 'blocked_by_field_rule')
    assert.deepInclude(refused.difference!, { sequence: 2, fields: ['reason'] })
  })

  test('roles: only a right the draft takes away is reported', ({ assert }) => {
    const adminsOnly: WorkflowDefinition = {
      ...V1,
      transitions: V1.transitions.map((t) => (t.key === 'approve' ? { ...t, roles: [] } : t)),
    }
    // The manager (actor 8) approved; the draft lets only admins.
    const verdict = checkProcessHistory(context(adminsOnly), reviewed(1).toHistory())
    assert.equal(verdict.verdict, 'blocked_by_role')
    assert.deepInclude(verdict.difference!, { sequence: 3, transition: 'approve' })
    // An actor the check knows nothing about (a deleted user) is not judged on role.
    const unknownActor = new History(2)
      .move('submit', 'REQUEST', 'REVIEW')
      .move('approve', 'REVIEW', 'APPROVED', 99)
    assert.equal(
      checkProcessHistory(context(adminsOnly), unknownActor.toHistory()).verdict,
      'unchanged'
    )
  })

  test('a history that cannot be replayed is reported as unreadable, not thrown', ({ assert }) => {
    const broken = reviewed(1).toHistory()
    const gap = { ...broken, events: [broken.events[0]!, broken.events[2]!] }
    const verdict = checkProcessHistory(context(V1), gap)
    assert.equal(verdict.verdict, 'unreadable')
    assert.match(verdict.difference!.message, /missing/)
    assert.equal(checkProcessHistory(context(V1), { ...broken, events: [] }).verdict, 'unreadable')
  })
})
