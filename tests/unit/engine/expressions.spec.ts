import { test } from '@japa/runner'
import type { WorkflowDefinition } from '#engine/definition'
import {
  compileExpression,
  evaluateGuard,
  mayReadUserTeams,
  type GuardBindings,
} from '#engine/expressions'
import { checkTransition, availableTransitions } from '#engine/state_machine'
import { verifyDefinition } from '#engine/verifier'

const ENV = { fields: { amount: 'number', note: 'text', urgent: 'boolean' } } as const

const bindings = (data: Record<string, unknown>): GuardBindings => ({
  data,
  process: {
    reference: 'P-1',
    title: 'Laptop',
    priority: 'normal',
    stage: 'manager',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    dueAt: null,
  },
  user: { email: 'ana@example.com', role: 'manager', teams: ['finance'] },
  now: new Date('2026-02-01T00:00:00Z'),
})

/** Expression → 'ok' or the kind of problem. */
const VERDICTS: [string, string][] = [
  ['data.amount < 2000', 'ok'],
  ['data.amount < 2000 && user.role == "manager"', 'ok'],
  ['now - process.createdAt > duration("24h")', 'ok'],
  ['has(data.note) && data.note.matches("^[A-Z]{2}-[0-9]+$")', 'ok'],
  ['[1, 2].all(x, x > 0)', 'ok'],
  ['data.amount <', 'syntax'],
  ['data.amount < 2000)', 'syntax'],
  ['data.nope > 1', 'type'],
  ['nobody == 1', 'type'],
  ["data.amount > 'x'", 'type'],
  ['data.amount + 1', 'type'],
  ['data.amount + 1.0', 'not_boolean'],
  ['data.note', 'not_boolean'],
  ['data.__proto__ == null', 'type'],
  ['data.constructor.name == "Object"', 'type'],
  ['process.__proto__.x == 1', 'type'],
  ['eval("1") == 1', 'type'],
  [`data.amount < ${'1 + '.repeat(300)}1`, 'too_long'],
  [`${'('.repeat(40)}true${')'.repeat(40)}`, 'ok'],
  [`${'['.repeat(40)}1${']'.repeat(40)} == []`, 'type'],
  ['[1].all(a, [1].all(b, [1].all(c, true)))', 'type'],
]

test.group('Expressions | compile', () => {
  for (const [source, verdict] of VERDICTS) {
    test(`${source.slice(0, 60)} → ${verdict}`, ({ assert }) => {
      const compiled = compileExpression(source, { fields: { ...ENV.fields } })
      assert.equal(compiled.ok ? 'ok' : compiled.kind, verdict, JSON.stringify(compiled))
    })
  }
})

test.group('Expressions | evaluate', () => {
  const guard = (source: string) => {
    const compiled = compileExpression(source, { fields: { ...ENV.fields } })
    if (!compiled.ok) throw new Error(compiled.message)
    return compiled
  }

  test('a guard holds or not on the data', ({ assert }) => {
    assert.isTrue(evaluateGuard(guard('data.amount < 2000'), bindings({ amount: 100 })))
    assert.isFalse(evaluateGuard(guard('data.amount < 2000'), bindings({ amount: 5000 })))
  })

  test('an evaluation error (missing field, null, wrong runtime type) fails, never truthy', ({
    assert,
  }) => {
    assert.isFalse(evaluateGuard(guard('data.amount < 2000'), bindings({})))
    assert.isFalse(evaluateGuard(guard('data.amount < 2000'), bindings({ amount: null })))
    assert.isFalse(evaluateGuard(guard('data.amount < 2000'), bindings({ amount: 'cheap' })))
    assert.isFalse(evaluateGuard(guard('process.dueAt < now'), bindings({})))
    assert.isFalse(evaluateGuard(guard('!(data.amount < 2000)'), bindings({ amount: 'x' })))
  })

  test('timestamps and the user are bound', ({ assert }) => {
    assert.isTrue(evaluateGuard(guard('process.createdAt < now'), bindings({})))
    assert.isTrue(evaluateGuard(guard('user.email.endsWith("@example.com")'), bindings({})))
  })

  test('a catastrophic regex runs in linear time (RE2)', ({ assert }) => {
    const started = process.hrtime.bigint()
    const result = evaluateGuard(
      guard('data.note.matches("(a+)+$")'),
      bindings({ note: `${'a'.repeat(100_000)}!` })
    )
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    // No run of a's reaches the end (it is '!'): a backtracking engine tries
    // exponentially many splits before saying so.
    assert.isFalse(result)
    // A backtracking engine would not finish this in any reasonable time.
    assert.isBelow(seconds, 5)
  })
})

const GUARDED: WorkflowDefinition = {
  key: 'purchase',
  name: 'Purchase',
  stages: [
    {
      key: 'manager',
      name: 'Manager',
      type: 'start',
      fields: [{ key: 'amount', label: 'Amount', type: 'number' }],
    },
    { key: 'approved', name: 'Approved', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    {
      key: 'fast_track',
      from: 'manager',
      to: 'approved',
      when: 'data.amount < 2000',
      whenMessage: 'Only small amounts can be fast-tracked',
    },
    { key: 'approve', from: 'manager', to: 'approved', when: 'data.amount >= 2000' },
  ],
}

test.group('Expressions | verifier and state machine', () => {
  test('bad conditions are problems at $.transitions[i].when', ({ assert }) => {
    for (const when of [
      'data.amount <',
      'data.nope > 1',
      "data.amount > 'x'",
      'data.amount + 1.0',
    ]) {
      const document = structuredClone(GUARDED) as unknown as { transitions: { when: string }[] }
      document.transitions[1]!.when = when
      const result = verifyDefinition(document)
      assert.isFalse(result.valid, when)
      assert.deepInclude(
        result.problems.map((p) => ({ path: p.path, code: p.code })),
        { path: '$.transitions[1].when', code: 'invalid_expression' },
        when
      )
    }
    const tooLongMessage = structuredClone(GUARDED)
    tooLongMessage.transitions[0]!.whenMessage = 'x'.repeat(201)
    assert.equal(verifyDefinition(tooLongMessage).problems[0]?.path, '$.transitions[0].whenMessage')
    assert.isTrue(verifyDefinition(GUARDED).valid)
  })

  test('a guard that does not hold refuses with guard_failed and its message', ({ assert }) => {
    const { process: processInfo, user, now } = bindings({})
    const context = { process: processInfo, user, now }
    const query = {
      stage: 'manager',
      status: 'active' as const,
      role: 'member' as const,
      transitionKey: 'fast_track',
      guard: context,
    }
    const refused = checkTransition(GUARDED, { ...query, data: { amount: 5000 } })
    assert.deepInclude(refused, {
      ok: false,
      code: 'guard_failed',
      message: 'Only small amounts can be fast-tracked',
    })
    assert.isTrue(checkTransition(GUARDED, { ...query, data: { amount: 10 } }).ok)

    const other = checkTransition(GUARDED, {
      ...query,
      transitionKey: 'approve',
      data: { amount: 10 },
    })
    assert.deepInclude(other, {
      code: 'guard_failed',
      message: 'The condition of this transition does not hold: data.amount >= 2000',
    })

    const listed = availableTransitions(GUARDED, { ...query, data: { amount: 5000 } })
    assert.deepEqual(
      listed.map((t) => [t.transition.key, t.allowed, t.reasons, t.guardMessage]),
      [
        ['fast_track', false, ['guard_failed'], 'Only small amounts can be fast-tracked'],
        ['approve', true, [], undefined],
      ]
    )
    // Without a context to evaluate it, a guarded transition is blocked (fails closed).
    const blind = { ...query, guard: undefined }
    assert.isFalse(checkTransition(GUARDED, { ...blind, data: { amount: 10 } }).ok)
  })
})

test.group('Which guards need the actor’s teams', () => {
  test('only a guard that may read user.teams asks for them', ({ assert }) => {
    assert.isFalse(mayReadUserTeams('data.amount > 10 && user.role == "manager"'))
    assert.isFalse(mayReadUserTeams('user.email.endsWith("@acme.test")'))
    assert.isTrue(mayReadUserTeams('"finance" in user.teams'))
    assert.isTrue(mayReadUserTeams('user . teams.exists(t, t == "hr")'))
    // Anything that could reach the field without naming it counts too.
    assert.isTrue(mayReadUserTeams('user["te" + "ams"].size() > 0'))
    assert.isTrue(mayReadUserTeams('user.exists(k, k == "x")'))
  })
})
