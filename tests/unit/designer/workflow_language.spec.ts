import { test } from '@japa/runner'
import type { WorkflowDefinition } from '#engine/definition'
import {
  fromDefinition,
  toDocument,
  updateStage,
  updateTransition,
} from '../../../resources/js/components/workflows/designer_state.ts'
import { indexProblems } from '../../../resources/js/components/workflows/problem_index.ts'
import {
  completionsAt,
  namesUsed,
  type ExpressionField,
} from '../../../resources/js/components/workflows/expression_completion.ts'
import { tryExpression } from '../../../resources/js/components/workflows/expression_try.ts'
import { withRouteLabels } from '../../../resources/js/components/workflows/diagram_routes.ts'

const routed = (): WorkflowDefinition => ({
  key: 'claims',
  name: 'Claims',
  stages: [
    {
      key: 'claim',
      name: 'Claim',
      type: 'start',
      sla: '1d',
      fields: [
        {
          key: 'amount',
          label: 'Amount',
          type: 'number',
          rules: { min: 0, max: 5000 },
          default: 10,
        },
        {
          key: 'code',
          label: 'Code',
          type: 'text',
          rules: { pattern: '^[A-Z]+$', maxLength: 8 },
          visibleWhen: 'data.amount > 100',
          requiredWhen: 'data.amount > 1000',
        },
      ],
    },
    {
      key: 'triage',
      name: 'Triage',
      type: 'decision',
      routes: [{ when: 'data.amount > 1000', transition: 'big' }],
      otherwise: 'small',
    },
    { key: 'review', name: 'Review', type: 'task' },
    { key: 'paid', name: 'Paid', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    {
      key: 'submit',
      from: 'claim',
      to: 'triage',
      when: 'data.amount > 0',
      whenMessage: 'Enter an amount.',
    },
    { key: 'big', from: 'triage', to: 'review' },
    { key: 'small', from: 'triage', to: 'paid' },
    { key: 'pay', from: 'review', to: 'paid' },
  ],
})

const fields: ExpressionField[] = [
  { key: 'amount', label: 'Amount', type: 'number', options: [], currency: '' },
  { key: 'kind', label: 'Kind', type: 'select', options: ['travel', 'meals'], currency: '' },
  { key: 'cost-centre', label: 'Cost centre', type: 'text', options: [], currency: '' },
]

test.group('Designer | the workflow language in the editing model', () => {
  test('guards, decision routes and field rules survive opening and saving', ({ assert }) => {
    const definition = routed()
    assert.deepEqual(toDocument(fromDefinition(definition)), definition as never)
  })

  test('a decision stage sends routes and otherwise, not what it had as a task', ({ assert }) => {
    let doc = fromDefinition(routed())
    // Claim becomes a decision: its SLA and fields stay in the editor but are not sent.
    doc = updateStage(doc, 0, { type: 'decision' })
    const stage = (toDocument(doc).stages as Record<string, unknown>[])[0]!
    assert.deepEqual(stage, { key: 'claim', name: 'Claim', type: 'decision', routes: [] })
    doc = updateStage(doc, 0, { type: 'start' })
    const back = (toDocument(doc).stages as Record<string, unknown>[])[0]!
    assert.equal(back.sla, '1d')
    assert.lengthOf(back.fields as unknown[], 2)
  })

  test('renaming a transition renames it in routes and otherwise', ({ assert }) => {
    let doc = fromDefinition(routed())
    doc = updateTransition(doc, 1, { key: 'large' })
    doc = updateTransition(doc, 2, { key: 'tiny' })
    const triage = doc.stages[1]!
    assert.deepEqual(
      triage.routes.map((route) => route.transition),
      ['large']
    )
    assert.equal(triage.otherwise, 'tiny')
  })

  test('rules become numbers where the type wants them; text that is not a number stays', ({
    assert,
  }) => {
    const doc = fromDefinition(routed())
    const amount = doc.stages[0]!.fields[0]!
    amount.rules = { ...amount.rules, min: '1.5', max: 'lots' }
    const sent = (toDocument(doc).stages as { fields: { rules: object }[] }[])[0]!.fields[0]!
    assert.deepEqual(sent.rules, { min: 1.5, max: 'lots' })
  })

  test('problems about routes and rules go to their controls', ({ assert }) => {
    const index = indexProblems([
      { path: '$.stages[1].routes[0].when', message: 'a' },
      { path: '$.stages[1].routes[2]', message: 'b' },
      { path: '$.stages[1].otherwise', message: 'c' },
      { path: '$.stages[0].fields[1].rules.pattern', message: 'd' },
      { path: '$.stages[0].fields[1].visibleWhen', message: 'e' },
    ])
    assert.deepEqual([...index.stage.get(1)!.keys()], ['routes.0.when', 'routes.2', 'otherwise'])
    assert.deepEqual([...index.field.get('0.1')!.keys()], ['rules.pattern', 'visibleWhen'])
  })
})

test.group('Designer | expression completion', () => {
  test('"data." offers the fields, filtered by what follows', ({ assert }) => {
    const all = completionsAt('data.', 5, fields)
    assert.deepEqual(
      all.suggestions.map((s) => s.text),
      ['amount', 'kind', 'data["cost-centre"]']
    )
    const some = completionsAt('x > 1 && data.ki', 16, fields)
    assert.deepEqual(
      some.suggestions.map((s) => [s.text, s.from]),
      [['kind', 14]]
    )
  })

  test('process and user members, the top-level names, nothing inside strings', ({ assert }) => {
    assert.deepEqual(
      completionsAt('process.d', 9, fields).suggestions.map((s) => s.name),
      // Names that start with it first, then those that contain it.
      ['dueAt', 'createdAt']
    )
    assert.deepEqual(
      completionsAt('user.', 5, fields).suggestions.map((s) => s.name),
      ['email', 'role', 'teams']
    )
    assert.deepEqual(
      completionsAt('n', 1, fields).suggestions.map((s) => s.text),
      ['now']
    )
    assert.lengthOf(completionsAt('data.kind == "data.', 19, fields).suggestions, 0)
  })

  test('the names an expression reads', ({ assert }) => {
    assert.deepEqual(
      namesUsed('data.amount > 1 && data["cost-centre"] == "x" && user.role == "a"'),
      {
        data: ['amount', 'cost-centre'],
        process: [],
        user: ['role'],
      }
    )
  })
})

test.group('Designer | try it', () => {
  test('evaluates with the engine: true, false, failed and invalid', ({ assert }) => {
    const source = 'data.amount > 10 && data.kind == "meals"'
    assert.deepEqual(tryExpression(source, fields, { 'data.amount': '50', 'data.kind': 'meals' }), {
      kind: 'value',
      value: true,
    })
    assert.deepEqual(tryExpression(source, fields, { 'data.amount': '5', 'data.kind': 'meals' }), {
      kind: 'value',
      value: false,
    })
    // No amount: the engine cannot evaluate it (and would count it as false).
    const failed = tryExpression(source, fields, { 'data.kind': 'meals' })
    assert.equal(failed.kind, 'failed')
    // …and says why, in the evaluator's own words.
    assert.include((failed as { message: string }).message, 'amount')
    const invalid = tryExpression('data.amout > 1', fields, {})
    assert.equal(invalid.kind, 'invalid')
    assert.include((invalid as { message: string }).message, '"amout"')
  })
})

test.group('Designer | diagram of decisions', () => {
  test('arrows leaving a decision carry their conditions, or "otherwise"', ({ assert }) => {
    const { routeLabels, graph } = withRouteLabels(routed(), 'otherwise')
    assert.deepEqual(
      [...routeLabels],
      [
        [1, 'data.amount > 1000'],
        [2, 'otherwise'],
      ]
    )
    assert.equal(graph.transitions[1]!.label, 'data.amount > 1000')
    assert.isUndefined(graph.transitions[3]!.label)
  })
})
