import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import { verifyDefinition } from '#engine/verifier'
import { parseStepDuration } from '#engine/actions/durations'
import { renderString, renderValue, templateProblems } from '#engine/actions/templates'
import { DateTime } from 'luxon'
import { actionDispatchOnEntry, stepsOnEntry, executionKey } from '#engine/actions/steps'
import type { WorkflowDefinition } from '#engine/definition'

const checkout = () =>
  JSON.parse(
    readFileSync(
      new URL('../../../database/definitions/checkout_saga.json', import.meta.url),
      'utf8'
    )
  ) as WorkflowDefinition

/** The checkout saga with its first action replaced by `action`. */
function withAction(action: Record<string, unknown>) {
  const definition = checkout() as any
  definition.stages[0].actions = [action]
  return definition
}

const problemsOf = (input: unknown) =>
  verifyDefinition(input).problems.map((p) => ({ path: p.path, code: p.code }))

test.group('Verifier | actions', () => {
  test('the checkout saga is valid and keeps its actions', ({ assert }) => {
    const result = verifyDefinition(checkout())
    assert.deepEqual(result.problems, [])
    assert.deepEqual(result.definition!.stages[1]!.actions, checkout().stages[1]!.actions)
  })

  test('an unknown action type, a missing URL and a bad method are each reported', ({ assert }) => {
    assert.deepInclude(problemsOf(withAction({ key: 'x', type: 'email' })), {
      path: '$.stages[0].actions[0].type',
      code: 'invalid_action_type',
    })
    const problems = problemsOf(withAction({ key: 'x', type: 'http', method: 'FETCH' }))
    assert.deepInclude(problems, { path: '$.stages[0].actions[0].method', code: 'invalid_method' })
    assert.deepInclude(problems, { path: '$.stages[0].actions[0].url', code: 'missing_property' })
  })

  test('secrets only in headers; unknown placeholders and hosts from templates refused', ({
    assert,
  }) => {
    const inBody = problemsOf(
      withAction({
        key: 'x',
        type: 'http',
        method: 'POST',
        url: 'http://a.test/x',
        body: { k: '{{secret.TOKEN}}' },
      })
    )
    assert.deepInclude(inBody, { path: '$.stages[0].actions[0].body', code: 'invalid_template' })
    const inHeader = problemsOf(
      withAction({
        key: 'x',
        type: 'http',
        method: 'POST',
        url: 'http://a.test/x',
        headers: { A: 'Bearer {{secret.TOKEN}}' },
      })
    )
    assert.notDeepInclude(inHeader, {
      path: '$.stages[0].actions[0].headers.A',
      code: 'invalid_template',
    })
    assert.deepInclude(
      problemsOf(
        withAction({
          key: 'x',
          type: 'http',
          method: 'GET',
          url: 'http://a.test/{{data.x}}{{oops}}',
        })
      ),
      { path: '$.stages[0].actions[0].url', code: 'invalid_template' }
    )
    assert.deepInclude(
      problemsOf(withAction({ key: 'x', type: 'http', method: 'GET', url: '{{data.host}}/x' })),
      { path: '$.stages[0].actions[0].url', code: 'invalid_url' }
    )
  })

  test('attempts, durations, transitions and duplicate keys are checked', ({ assert }) => {
    const problems = problemsOf(
      withAction({
        key: 'charge_payment',
        type: 'http',
        method: 'GET',
        url: 'http://a.test/',
        attempts: 0,
        timeout: 'soon',
        onFailure: 'nowhere',
      })
    )
    assert.deepInclude(problems, {
      path: '$.stages[0].actions[0].attempts',
      code: 'invalid_attempts',
    })
    assert.deepInclude(problems, {
      path: '$.stages[0].actions[0].timeout',
      code: 'invalid_duration',
    })
    assert.deepInclude(problems, {
      path: '$.stages[0].actions[0].onFailure',
      code: 'unknown_transition',
    })
    assert.deepInclude(problems, {
      path: '$.stages[1].actions[0].key',
      code: 'duplicate_action_key',
    })
  })

  test('properties of another action type and actions on end stages are refused', ({ assert }) => {
    assert.deepInclude(
      problemsOf(
        withAction({ key: 'x', type: 'transition', transition: 'stock_reserved', url: 'http://a' })
      ),
      {
        path: '$.stages[0].actions[0].url',
        code: 'not_allowed_for_action',
      }
    )
    const definition = checkout() as any
    definition.stages[3].actions = [{ key: 'late', type: 'transition', transition: 'paid' }]
    assert.deepInclude(problemsOf(definition), {
      path: '$.stages[3].actions',
      code: 'not_allowed_on_end_stage',
    })
  })
})

test.group('Automation | templates, durations, steps', () => {
  const scope = {
    process: { id: 7, reference: 'CS-7', title: 'order' },
    data: { amount: 49.9, sku: 'A' },
    steps: { reserve: { reservationId: 'R-1', nested: { n: 2 } } },
    idempotencyKey: 'sf-7-1-x',
  }

  test('a whole placeholder keeps its type; mixed text interpolates', ({ assert }) => {
    assert.strictEqual(renderString('{{data.amount}}', scope), 49.9)
    assert.equal(
      renderString('/r/{{steps.reserve.reservationId}}/{{steps.reserve.nested.n}}', scope),
      '/r/R-1/2'
    )
    assert.deepEqual(
      renderValue({ a: ['{{process.reference}}', 1], b: '{{data.missing}}' }, scope),
      {
        a: ['CS-7', 1],
        b: null,
      }
    )
    assert.deepEqual(templateProblems('{{data.x', false), ['has an unclosed "{{"'])
  })

  test('step durations accept ms and s besides the workflow units', ({ assert }) => {
    assert.equal(parseStepDuration('500ms'), 500)
    assert.equal(parseStepDuration('10s'), 10_000)
    assert.equal(parseStepDuration('30m'), 1_800_000)
    assert.isNull(parseStepDuration('0s'))
    assert.isNull(parseStepDuration('soon'))
  })

  test('transition actions run before the stage actions; keys combine process, event and action', ({
    assert,
  }) => {
    const definition = checkout()
    definition.transitions[0]!.actions = [{ key: 'log', type: 'transition', transition: 'paid' }]
    const steps = stepsOnEntry(definition, 'charging_payment', 'stock_reserved')
    assert.deepEqual(
      steps.map((s) => [s.owner, s.action.key, s.index]),
      [
        ['transition:stock_reserved', 'log', 0],
        ['stage:charging_payment', 'charge_payment', 1],
        ['stage:charging_payment', 'record_payment', 2],
      ]
    )
    assert.equal(executionKey(7, 3, 'charge_payment'), 'sf-7-3-charge_payment')
  })
})

test.group('Automation | dispatch on stage entry', () => {
  const state = (stage: string, version: number) =>
    ({ stage, version, status: 'active' }) as unknown as Parameters<typeof actionDispatchOnEntry>[1]
  const at = DateTime.fromISO('2026-11-27T10:00:00Z')

  test('the start and transitions dispatch the first step; a migration does not repeat the calls', ({
    assert,
  }) => {
    const definition = checkout()
    const started = actionDispatchOnEntry(definition, state('reserving_stock', 1), 7, null, at)
    assert.deepEqual(
      started.map((d) => [d.topic, d.payload]),
      [
        [
          'action.run',
          { processId: 7, stage: 'reserving_stock', transition: null, enteredVersion: 1, step: 0 },
        ],
      ]
    )
    assert.lengthOf(
      actionDispatchOnEntry(definition, state('charging_payment', 5), 7, 'stock_reserved', at),
      1
    )
    assert.lengthOf(actionDispatchOnEntry(definition, state('charging_payment', 9), 7, null, at), 0)
    assert.lengthOf(actionDispatchOnEntry(definition, state('completed', 9), 7, 'shipped', at), 0)
  })
})

test.group('Automation | the designer keeps actions', () => {
  test('opening and saving the checkout saga in the designer keeps every action', async ({
    assert,
  }) => {
    const { fromDefinition, toDocument } =
      await import('../../../resources/js/components/workflows/designer_state.ts')
    const definition = checkout()
    definition.transitions[0]!.actions = [{ key: 'log', type: 'transition', transition: 'paid' }]
    const saved = toDocument(fromDefinition(definition)) as unknown as WorkflowDefinition
    assert.deepEqual(
      saved.stages.map((s) => s.actions),
      definition.stages.map((s) => s.actions)
    )
    assert.deepEqual(saved.transitions[0]!.actions, definition.transitions[0]!.actions)
    assert.deepEqual(verifyDefinition(saved).problems, [])
  })
})
