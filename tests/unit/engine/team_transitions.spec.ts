import { test } from '@japa/runner'
import type { TransitionDefinition, WorkflowDefinition } from '#engine/definition'
import { checkTransition, roleMayRun } from '#engine/state_machine'
import { verifyDefinition } from '#engine/verifier'
import { compileExpression } from '#engine/expressions'

const check: TransitionDefinition = { key: 'check', from: 'a', to: 'b', teams: ['finance'] }
const either: TransitionDefinition = { ...check, roles: ['manager'] }

const definition: WorkflowDefinition = {
  key: 'expense',
  name: 'Expense',
  stages: [
    { key: 'a', name: 'A', type: 'start' },
    { key: 'b', name: 'B', type: 'end', outcome: 'completed' },
  ],
  transitions: [check],
}

const guard = (teams: string[]) => ({
  process: {
    reference: 'E-1',
    title: 'Taxi',
    priority: 'normal',
    stage: 'a',
    createdAt: null,
    dueAt: null,
  },
  user: { email: 'ana@example.test', role: 'member', teams },
  now: new Date(),
})

test.group('Engine | transitions limited to teams', () => {
  test('"teams" alone: only members of a listed team (and admins, and the system)', ({
    assert,
  }) => {
    assert.isTrue(roleMayRun(check, 'member', ['finance']))
    assert.isFalse(roleMayRun(check, 'member', ['hr']))
    assert.isFalse(roleMayRun(check, 'manager', []))
    assert.isTrue(roleMayRun(check, 'admin', []))
    assert.isTrue(roleMayRun(check, 'system', []))
  })

  test('"teams" beside "roles": either allows', ({ assert }) => {
    assert.isTrue(roleMayRun(either, 'manager', []))
    assert.isTrue(roleMayRun(either, 'member', ['finance']))
    assert.isFalse(roleMayRun(either, 'member', ['hr']))
  })

  test('checkTransition reads the teams from the guard context', ({ assert }) => {
    const query = { stage: 'a', status: 'active' as const, role: 'member' as const, data: {} }
    const refused = checkTransition(definition, {
      ...query,
      transitionKey: 'check',
      guard: guard(['hr']),
    })
    assert.isFalse(refused.ok)
    assert.equal(!refused.ok && refused.code, 'role_not_allowed')
    assert.isTrue(
      checkTransition(definition, { ...query, transitionKey: 'check', guard: guard(['finance']) })
        .ok
    )
  })

  test('the verifier keeps team keys (deduplicated) and reports what is not one', ({ assert }) => {
    const fine = verifyDefinition({
      ...definition,
      transitions: [{ ...check, teams: ['finance', 'finance', 'hr'] }],
    })
    assert.isTrue(fine.valid)
    assert.deepEqual(fine.definition?.transitions[0]?.teams, ['finance', 'hr'])

    const bad = verifyDefinition({
      ...definition,
      transitions: [{ ...check, teams: ['Finance Team', 7] }],
    })
    assert.isFalse(bad.valid)
    assert.deepEqual(
      bad.problems.map((p) => [p.path, p.code]),
      [
        ['$.transitions[0].teams[0]', 'invalid_team'],
        ['$.transitions[0].teams[1]', 'invalid_team'],
      ]
    )
  })

  test('user.teams is a list to the type checker', ({ assert }) => {
    assert.isTrue(compileExpression('"finance" in user.teams', { fields: {} }).ok)
    assert.isTrue(compileExpression('size(user.teams) > 0', { fields: {} }).ok)
    assert.isFalse(compileExpression('user.teams > 1', { fields: {} }).ok)
  })
})
