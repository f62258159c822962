import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import { verifyDefinition, type ProblemCode } from '#engine/verifier'
import type { WorkflowDefinition } from '#engine/definition'
import { MAX_DECISION_CHAIN } from '#engine/decisions'
import { DEMO_DEFINITIONS } from '#database/definitions/index'

/** Start → decision "route" (by amount) → small | large → done. */
function routed(): WorkflowDefinition {
  return {
    key: 'routed',
    name: 'Routed',
    stages: [
      {
        key: 'draft',
        name: 'Draft',
        type: 'start',
        fields: [{ key: 'amount', label: 'Amount', type: 'number' }],
      },
      {
        key: 'route',
        name: 'Route',
        type: 'decision',
        routes: [{ when: 'data.amount < 1000', transition: 'route__small' }],
        otherwise: 'route__large',
      },
      { key: 'small', name: 'Small', type: 'task' },
      { key: 'large', name: 'Large', type: 'task' },
      { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
    ],
    transitions: [
      { key: 'submit', from: 'draft', to: 'route' },
      { key: 'route__small', from: 'route', to: 'small' },
      { key: 'route__large', from: 'route', to: 'large' },
      { key: 'finish_small', from: 'small', to: 'done' },
      { key: 'finish_large', from: 'large', to: 'done' },
    ],
  }
}

/** A raw (possibly invalid) copy to damage. */
const raw = (definition: WorkflowDefinition = routed()) =>
  structuredClone(definition) as unknown as {
    stages: Record<string, unknown>[]
    transitions: Record<string, unknown>[]
  }

function problemsOf(input: unknown) {
  return verifyDefinition(input).problems.map((p) => ({ path: p.path, code: p.code }))
}

function expectProblem(assert: Assert, input: unknown, path: string, code: ProblemCode) {
  const result = verifyDefinition(input)
  assert.isFalse(result.valid)
  assert.deepInclude(
    result.problems.map((p) => ({ path: p.path, code: p.code })),
    { path, code }
  )
  return result.problems.find((p) => p.path === path && p.code === code)!.message
}

test.group('Verifier | decision stages', () => {
  test('accepts a decision stage and keeps its routes and otherwise', ({ assert }) => {
    const result = verifyDefinition(routed())
    assert.deepEqual(result.problems, [])
    assert.deepEqual(result.definition?.stages[1], routed().stages[1])
    assert.deepEqual(result.outcomes.route, ['completed'])
  })

  test('accepts the demo purchase approval, routed by amount with a guarded fast-track', ({
    assert,
  }) => {
    const result = verifyDefinition(DEMO_DEFINITIONS.purchaseApproval)
    assert.deepEqual(result.problems, [])
    const route = result.definition!.stages.find((s) => s.key === 'route')!
    assert.deepEqual(route, {
      key: 'route',
      name: 'Route by amount',
      type: 'decision',
      routes: [
        { when: 'data.amount < 1000', transition: 'route__approved' },
        { when: 'data.amount <= 10000', transition: 'route__manager' },
      ],
      otherwise: 'route__director',
    })
    assert.deepInclude(result.definition!.transitions, {
      key: 'fast_track',
      from: 'manager',
      to: 'approved',
      label: 'Fast-track',
      roles: ['manager'],
      when: 'data.amount < 2000',
      whenMessage: 'Only small amounts can be fast-tracked',
    })
  })

  test('routes and otherwise belong to decision stages only', ({ assert }) => {
    const doc = raw()
    doc.stages[2]!.routes = [{ when: 'true', transition: 'finish_small' }]
    doc.stages[2]!.otherwise = 'finish_small'
    const message = expectProblem(assert, doc, '$.stages[2].routes', 'decision_only_property')
    assert.equal(message, 'Stage "small" is a task stage, but only decision stages have "routes".')
    expectProblem(assert, doc, '$.stages[2].otherwise', 'decision_only_property')
  })

  test('a decision stage needs otherwise, saying why', ({ assert }) => {
    const doc = raw()
    delete doc.stages[1]!.otherwise
    const message = expectProblem(assert, doc, '$.stages[1].otherwise', 'missing_otherwise')
    assert.match(message, /no route applies/)
  })

  test('a decision stage needs a list of routes, each { when, transition }', ({ assert }) => {
    const missing = raw()
    delete missing.stages[1]!.routes
    expectProblem(assert, missing, '$.stages[1].routes', 'missing_property')

    const empty = raw()
    empty.stages[1]!.routes = []
    expectProblem(assert, empty, '$.stages[1].routes', 'blank_value')

    const shapes = raw()
    shapes.stages[1]!.routes = [
      'data.amount < 1',
      { transition: 'route__small' },
      { when: 'true', transition: 'route__small', label: 'x' },
    ]
    expectProblem(assert, shapes, '$.stages[1].routes[0]', 'invalid_type')
    expectProblem(assert, shapes, '$.stages[1].routes[1].when', 'missing_property')
    expectProblem(assert, shapes, '$.stages[1].routes[2].label', 'unknown_property')
  })

  test('a route condition is checked like a guard, against every field of the workflow', ({
    assert,
  }) => {
    for (const when of [
      'data.amount <',
      "data.amount > 'x'",
      'data.price < 1',
      'data.amount + 1.0',
    ]) {
      const doc = raw()
      ;(doc.stages[1]!.routes as Record<string, unknown>[])[0]!.when = when
      const message = expectProblem(assert, doc, '$.stages[1].routes[0].when', 'invalid_expression')
      assert.match(
        message,
        /^The condition of route #1 of the decision stage "route" is not usable: /
      )
    }
    // A field declared by a later stage is known too.
    const later = raw()
    later.stages[3]!.fields = [{ key: 'risk', label: 'Risk', type: 'number' }]
    ;(later.stages[1]!.routes as Record<string, unknown>[])[0]!.when = 'data.risk > 3.0'
    assert.deepEqual(problemsOf(later), [])
  })

  test('a route must take an existing transition that leaves its decision stage', ({ assert }) => {
    const unknown = raw()
    ;(unknown.stages[1]!.routes as Record<string, unknown>[])[0]!.transition = 'nowhere'
    unknown.stages[1]!.otherwise = 'nothing'
    expectProblem(assert, unknown, '$.stages[1].routes[0].transition', 'unknown_transition')
    expectProblem(assert, unknown, '$.stages[1].otherwise', 'unknown_transition')

    const elsewhere = raw()
    ;(elsewhere.stages[1]!.routes as Record<string, unknown>[])[0]!.transition = 'finish_small'
    const message = expectProblem(
      assert,
      elsewhere,
      '$.stages[1].routes[0].transition',
      'route_not_from_stage'
    )
    assert.match(message, /leaves stage "small", not the decision stage/)
    const notElsewhere = raw()
    notElsewhere.stages[1]!.otherwise = 'submit'
    expectProblem(assert, notElsewhere, '$.stages[1].otherwise', 'route_not_from_stage')
  })

  test('a decision stage has no fields, SLA, assignee, automatic, escalation or actions', ({
    assert,
  }) => {
    const doc = raw()
    Object.assign(doc.stages[1]!, {
      fields: [{ key: 'note', label: 'Note', type: 'text' }],
      sla: '1d',
      assignee: { role: 'manager' },
      automatic: { after: '1d', transition: 'route__small' },
      escalation: { reassignRole: 'manager' },
      actions: [{ key: 'ping', type: 'notify', notify: { role: 'manager', message: 'hi' } }],
    })
    for (const property of ['fields', 'sla', 'assignee', 'automatic', 'escalation', 'actions']) {
      const message = expectProblem(
        assert,
        doc,
        `$.stages[1].${property}`,
        'not_allowed_on_decision_stage'
      )
      assert.include(message, 'a process never rests in a decision stage')
    }
  })

  test('a transition leaving a decision stage that no route takes is a problem', ({ assert }) => {
    const doc = raw()
    doc.transitions.push({ key: 'route__done', from: 'route', to: 'done' })
    const message = expectProblem(assert, doc, '$.transitions[5]', 'unrouted_transition')
    assert.match(message, /no route and not "otherwise" takes it/)
  })

  test('a route transition has no guard, roles or required fields: the route decides', ({
    assert,
  }) => {
    const doc = raw()
    Object.assign(doc.transitions[1]!, {
      when: 'data.amount > 1.0',
      roles: ['manager'],
      requires: ['amount'],
    })
    for (const property of ['when', 'roles', 'requires']) {
      expectProblem(assert, doc, `$.transitions[1].${property}`, 'not_allowed_from_decision_stage')
    }
  })

  test('a transition into a decision stage cannot have actions (they would never run)', ({
    assert,
  }) => {
    const doc = raw()
    doc.transitions[0]!.actions = [
      { key: 'ping', type: 'notify', notify: { role: 'manager', message: 'hi' } },
    ]
    expectProblem(assert, doc, '$.transitions[0].actions', 'not_allowed_into_decision_stage')
    // On the route's transition they run, when the process comes to rest.
    const onRoute = raw()
    onRoute.transitions[1]!.actions = doc.transitions[0]!.actions
    assert.deepEqual(problemsOf(onRoute), [])
  })

  test('termination treats routes as the edges of a decision stage', ({ assert }) => {
    // The only way from "route" to an end is a transition no route takes.
    const doc = raw()
    doc.stages.splice(3, 1) // no "large"
    doc.transitions = [
      { key: 'submit', from: 'draft', to: 'route' },
      { key: 'route__small', from: 'route', to: 'small' },
      { key: 'route__large', from: 'route', to: 'small' },
      { key: 'back', from: 'small', to: 'route' },
      { key: 'route__done', from: 'route', to: 'done' },
    ]
    const problems = problemsOf(doc)
    assert.deepInclude(problems, { path: '$.transitions[4]', code: 'unrouted_transition' })
    assert.deepInclude(problems, { path: '$.stages[1]', code: 'no_path_to_end' })
    assert.deepInclude(problems, { path: '$.stages[2]', code: 'no_path_to_end' })
    // "done" is reached only by the unrouted transition.
    assert.deepInclude(problems, { path: '$.stages[3]', code: 'unreachable_stage' })
  })

  test('decision stages leading into each other in a loop are a problem', ({ assert }) => {
    const doc = raw()
    doc.stages.splice(2, 0, {
      key: 'again',
      name: 'Again',
      type: 'decision',
      routes: [{ when: 'true', transition: 'again__route' }],
      otherwise: 'again__small',
    })
    ;(doc.stages[1]!.routes as Record<string, unknown>[]).push({
      when: 'data.amount > 5000.0',
      transition: 'route__again',
    })
    doc.transitions.push(
      { key: 'route__again', from: 'route', to: 'again' },
      { key: 'again__route', from: 'again', to: 'route' },
      { key: 'again__small', from: 'again', to: 'small' }
    )
    const message = expectProblem(assert, doc, '$.stages[1]', 'decision_cycle')
    assert.equal(
      message,
      'The decision stages "route" → "again" → "route" form a loop: a process could be routed round them forever; let one of their routes lead to a stage where it rests.'
    )
    // One loop, one problem.
    assert.lengthOf(
      problemsOf(doc).filter((p) => p.code === 'decision_cycle'),
      1
    )
  })

  test(`a chain of decision stages is bounded (${MAX_DECISION_CHAIN} in a row at most)`, ({
    assert,
  }) => {
    const chain = (length: number) => {
      const doc = raw()
      const decisions = Array.from({ length }, (_, i) => ({
        key: `d${i}`,
        name: `D${i}`,
        type: 'decision',
        routes: [{ when: 'data.amount > 1.0', transition: `d${i}__next` }],
        otherwise: `d${i}__next`,
      }))
      doc.stages.splice(1, 1, ...decisions)
      doc.transitions = [
        { key: 'submit', from: 'draft', to: 'd0' },
        ...decisions.map((_, i) => ({
          key: `d${i}__next`,
          from: `d${i}`,
          to: i === length - 1 ? 'small' : `d${i + 1}`,
        })),
        { key: 'finish_small', from: 'small', to: 'done' },
        { key: 'to_large', from: 'draft', to: 'large' },
        { key: 'finish_large', from: 'large', to: 'done' },
      ]
      return doc
    }
    assert.deepEqual(problemsOf(chain(MAX_DECISION_CHAIN)), [])
    const message = expectProblem(
      assert,
      chain(MAX_DECISION_CHAIN + 1),
      '$.stages[1]',
      'decision_chain_too_long'
    )
    assert.include(message, `${MAX_DECISION_CHAIN + 1} decision stages in a row`)
  })

  test('the start stage cannot be a decision: a workflow needs its own start stage', ({
    assert,
  }) => {
    const doc = raw()
    doc.stages[0]!.type = 'decision'
    doc.stages[0]!.routes = [{ when: 'true', transition: 'submit' }]
    doc.stages[0]!.otherwise = 'submit'
    delete doc.stages[0]!.fields
    doc.stages[1]!.type = 'task'
    delete doc.stages[1]!.routes
    delete doc.stages[1]!.otherwise
    const problems = problemsOf(doc)
    assert.deepInclude(problems, { path: '$.stages', code: 'missing_start_stage' })
  })
})
