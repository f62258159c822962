import { test } from '@japa/runner'
import { verifyDefinition } from '#engine/verifier'
import { validateProcessData } from '#engine/data'
import { evaluateWait, planChildren, childrenProgress } from '#engine/children'
import type { FieldDefinition, StageChildren, WorkflowDefinition } from '#engine/definition'
import { orderDefinition, shipmentDefinition } from '#tests/helpers/children_fixtures'

const ITEMS: FieldDefinition = {
  key: 'items',
  label: 'Items',
  type: 'list',
  fields: [
    { key: 'sku', label: 'SKU', type: 'text', required: true },
    { key: 'qty', label: 'Quantity', type: 'number', rules: { min: 1 } },
  ],
}

const problemsOf = (definition: unknown, options = {}) =>
  verifyDefinition(definition, options).problems.map((p) => [p.path, p.code])

function withChildren(children: Record<string, unknown>): unknown {
  const definition = structuredClone(orderDefinition()) as unknown as {
    stages: { children?: unknown }[]
  }
  definition.stages[1]!.children = children
  return definition
}

test.group('List fields', () => {
  test('rows are coerced per column; a bad cell is reported with its path', ({ assert }) => {
    const ok = validateProcessData([ITEMS], {
      items: [{ sku: 'A', qty: '2', extra: 'dropped' }, { sku: 'B' }],
    })
    assert.isTrue(ok.valid)
    assert.deepEqual(ok.value.items, [
      { sku: 'A', qty: 2 },
      { sku: 'B', qty: null },
    ])

    const bad = validateProcessData([ITEMS], {
      items: [
        { sku: 'A', qty: 1 },
        { sku: 'B', qty: 1 },
        { sku: 'C', qty: 0 },
      ],
    })
    assert.deepEqual(
      bad.errors.map((e) => [e.field, e.code]),
      [['items.2.qty', 'below_min']]
    )
    assert.include(bad.errors[0]!.message, 'Row 3 of "Items"')

    const missing = validateProcessData([ITEMS], { items: [{ qty: 1 }] })
    assert.deepEqual(
      missing.errors.map((e) => [e.field, e.code]),
      [['items.0.sku', 'required']]
    )
    const notList = validateProcessData([ITEMS], { items: 'nope' })
    assert.deepEqual(
      notList.errors.map((e) => [e.field, e.code]),
      [['items', 'invalid_list']]
    )
  })

  test('the verifier wants columns on list fields only, and no nested lists', ({ assert }) => {
    const base = orderDefinition() as unknown as { stages: { fields?: unknown[] }[] }
    const noColumns = structuredClone(base)
    noColumns.stages[0]!.fields = [{ key: 'items', label: 'Items', type: 'list', fields: [] }]
    assert.deepInclude(problemsOf(noColumns), ['$.stages[0].fields[0].fields', 'missing_columns'])
    const nested = structuredClone(base)
    nested.stages[0]!.fields = [{ ...ITEMS, fields: [{ ...ITEMS, key: 'inner' }] }]
    assert.deepInclude(problemsOf(nested), ['$.stages[0].fields[0].fields[0].type', 'nested_list'])
    const stray = structuredClone(base)
    stray.stages[0]!.fields = [{ key: 'n', label: 'N', type: 'number', fields: [] }]
    assert.deepInclude(problemsOf(stray), ['$.stages[0].fields[0].fields', 'columns_not_allowed'])
  })
})

test.group('Children settings in the verifier', () => {
  test('the demo order verifies', ({ assert }) => {
    assert.deepEqual(problemsOf(orderDefinition()), [])
    assert.deepEqual(problemsOf(shipmentDefinition()), [])
  })

  test('forEach or count, transitions leaving the stage, typed expressions, a list to collect into', ({
    assert,
  }) => {
    const problems = problemsOf(
      withChildren({
        workflow: 'shipment',
        forEach: 'data.items',
        count: 2,
        title: 'item.qty',
        data: { sku: 'item.nope' },
        wait: { quorum: 0 },
        onComplete: 'drop',
        onChildFailure: 'missing',
        collect: 'items2',
      })
    )
    assert.deepInclude(problems, ['$.stages[1].children', 'invalid_children'])
    assert.deepInclude(problems, ['$.stages[1].children.wait', 'invalid_children'])
    assert.deepInclude(problems, ['$.stages[1].children.onComplete', 'transition_not_from_stage'])
    assert.deepInclude(problems, ['$.stages[1].children.onChildFailure', 'unknown_transition'])

    const typed = problemsOf(
      withChildren({
        workflow: 'shipment',
        forEach: 'data.items',
        title: 'item.qty',
        data: { sku: 'item.nope' },
        onComplete: 'shipped',
        collect: 'items2',
      })
    )
    assert.deepEqual(typed, [
      ['$.stages[1].children.title', 'invalid_expression'],
      ['$.stages[1].children.data.sku', 'invalid_expression'],
      ['$.stages[1].children.collect', 'invalid_collect'],
    ])
    const notList = problemsOf(
      withChildren({ workflow: 'shipment', forEach: '"x"', onComplete: 'shipped' })
    )
    assert.deepEqual(notList, [['$.stages[1].children.forEach', 'invalid_expression']])
  })

  test('with the catalog: published child, and no nesting deeper than the limit', ({ assert }) => {
    const published = { shipment: [] as string[] }
    const existing = ['shipment', 'draft-only']
    assert.deepEqual(problemsOf(orderDefinition(), { children: { published, existing } }), [])
    assert.deepEqual(
      problemsOf(orderDefinition({ child: 'draft-only' }), { children: { published, existing } }),
      [['$.stages[1].children.workflow', 'child_workflow_not_published']]
    )
    // a → b → c → d → e → f: the order starts "a", six levels.
    const chain = { a: ['b'], b: ['c'], c: ['d'], d: ['e'], e: ['f'], f: [] }
    const keys = Object.keys(chain)
    const deep = verifyDefinition(orderDefinition({ child: 'a' }), {
      children: { published: chain, existing: keys },
    })
    assert.deepEqual(
      deep.problems.map((p) => p.code),
      ['child_nesting_too_deep']
    )
    assert.include(deep.problems[0]!.message, 'a → b → c → d → e → f')
    const fine = verifyDefinition(orderDefinition({ child: 'b' }), {
      children: { published: chain, existing: keys },
    })
    assert.isTrue(fine.valid)
    // Mutual recursion: order-items → a → order-items.
    const mutual = verifyDefinition(orderDefinition({ child: 'a' }), {
      children: { published: { a: ['order-items'] }, existing: ['a'] },
    })
    assert.include(mutual.problems[0]!.message, 'reaches itself')
  })
})

test.group('Children at run time', () => {
  const settings = (wait: StageChildren['wait'], onChildFailure?: string): StageChildren => ({
    workflow: 'shipment',
    count: 3,
    wait,
    onComplete: 'ok',
    ...(onChildFailure ? { onChildFailure } : {}),
  })
  const run = (statuses: string[]) => statuses.map((status) => ({ status: status as 'active' }))

  test('wait all / any / quorum, and failures', ({ assert }) => {
    assert.isFalse(evaluateWait(settings('all', 'bad'), run(['completed', 'active'])).done)
    assert.deepInclude(evaluateWait(settings('all', 'bad'), run(['completed', 'completed'])), {
      transition: 'ok',
    })
    assert.deepInclude(evaluateWait(settings('all', 'bad'), run(['failed', 'active'])), {
      transition: 'bad',
    })
    assert.deepInclude(evaluateWait(settings('any', 'bad'), run(['active', 'completed'])), {
      transition: 'ok',
    })
    assert.isFalse(evaluateWait(settings('any', 'bad'), run(['cancelled', 'active'])).done)
    const quorum = settings({ quorum: 2 }, 'bad')
    assert.isFalse(evaluateWait(quorum, run(['failed', 'completed', 'active'])).done)
    assert.deepInclude(evaluateWait(quorum, run(['failed', 'cancelled', 'active'])), {
      transition: 'bad',
    })
    assert.deepInclude(evaluateWait(settings('all', 'ignore'), run(['failed', 'completed'])), {
      transition: 'ok',
    })
    assert.deepInclude(evaluateWait(settings('all'), run([])), { transition: 'ok' })
  })

  test('planChildren evaluates forEach, titles and data per item; count numbers them', ({
    assert,
  }) => {
    const definition = orderDefinition() as WorkflowDefinition
    const plan = planChildren(
      definition,
      definition.stages[1]!.children!,
      {
        items: [
          { sku: 'A', qty: 2 },
          { sku: 'B', qty: 1 },
        ],
      },
      'Order'
    )
    assert.deepEqual(plan, {
      ok: true,
      children: [
        { index: 0, title: 'Ship A', data: { sku: 'A', qty: 2 } },
        { index: 1, title: 'Ship B', data: { sku: 'B', qty: 1 } },
      ],
    })
    const counted = planChildren(
      definition,
      { workflow: 'x', count: 2, title: '"Task " + string(index + 1)', onComplete: 'ok' },
      {},
      'Order'
    )
    assert.deepEqual(counted.ok && counted.children.map((c) => c.title), ['Task 1', 'Task 2'])
    const broken = planChildren(definition, definition.stages[1]!.children!, {}, 'Order')
    assert.isFalse(broken.ok)
    assert.deepEqual(
      childrenProgress([
        { status: 'completed', title: 'a' },
        { status: 'active', title: 'b' },
      ]),
      { finished: 1, total: 2, running: ['b'] }
    )
  })
})
