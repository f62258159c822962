import { test } from '@japa/runner'
import fc from 'fast-check'
import type { StageDefinition, TransitionDefinition, WorkflowDefinition } from '#engine/definition'
import { MAX_DECISION_CHAIN, chooseRoute, routeOf } from '#engine/decisions'
import { compiledFor, evaluateGuard, type GuardBindings } from '#engine/expressions'
import { applyEvent, replay, type ProcessEvent } from '#engine/replay'
import { ReplayError } from '#engine/replay_error'
import { DecisionChainError, routeThroughDecisions } from '#engine/routing'
import { availableTransitions, checkTransition, type GuardContext } from '#engine/state_machine'
import { verifyDefinition } from '#engine/verifier'
import { DEMO_DEFINITIONS } from '#database/definitions/index'

const PURCHASE = DEMO_DEFINITIONS.purchaseApproval
const ROUTE = PURCHASE.stages.find((s) => s.key === 'route')!
const AT = new Date('2026-11-27T10:00:00.000Z')

const context = (role = 'manager'): GuardContext => ({
  process: {
    reference: 'PA-000001',
    title: 'Laptops',
    priority: 'normal',
    stage: 'draft',
    createdAt: AT,
    dueAt: null,
  },
  user: { email: 'max@example.com', role, teams: [] },
  now: AT,
})
const bindings = (data: Record<string, unknown>): GuardBindings => ({ ...context(), data })

test.group('Decisions | chooseRoute', () => {
  test('takes the first route that holds, else otherwise', ({ assert }) => {
    assert.deepEqual(chooseRoute(PURCHASE, ROUTE, bindings({ amount: 999 })), {
      transition: 'route__approved',
      index: 0,
      when: 'data.amount < 1000',
    })
    // 500 also satisfies the second route: the first wins.
    assert.equal(chooseRoute(PURCHASE, ROUTE, bindings({ amount: 500 })).index, 0)
    assert.deepEqual(chooseRoute(PURCHASE, ROUTE, bindings({ amount: 10000 })), {
      transition: 'route__manager',
      index: 1,
      when: 'data.amount <= 10000',
    })
    assert.deepEqual(chooseRoute(PURCHASE, ROUTE, bindings({ amount: 10001 })), {
      transition: 'route__director',
      index: null,
      when: null,
    })
  })

  test('a condition that cannot be evaluated does not hold', ({ assert }) => {
    // No amount at all, or text where a number belongs: no route holds.
    assert.isNull(chooseRoute(PURCHASE, ROUTE, bindings({})).index)
    assert.isNull(chooseRoute(PURCHASE, ROUTE, bindings({ amount: 'lots' })).index)
  })
})

test.group('Decisions | state machine', () => {
  test('nothing is offered, and nothing may be run, from a decision stage', ({ assert }) => {
    const query = { stage: 'route', role: 'admin' as const, data: { amount: 1 }, guard: context() }
    assert.deepEqual(availableTransitions(PURCHASE, query), [])
    const check = checkTransition(PURCHASE, {
      ...query,
      status: 'active',
      transitionKey: 'route__approved',
    })
    assert.isFalse(check.ok)
    assert.deepInclude(check, { code: 'not_from_current_stage', allowed: [] })
  })
})

/** The state after `started` (in draft) and the command `submit`, with `data`. */
function submitted(data: Record<string, unknown>, definition: WorkflowDefinition = PURCHASE) {
  const resolve = () => definition
  const start = definition.stages.find((s) => s.type === 'start')!
  const first = definition.transitions.find((t) => t.from === start.key)!
  const events: ProcessEvent[] = [
    {
      sequence: 1,
      type: 'started',
      fromStage: null,
      toStage: start.key,
      actorId: 7,
      payload: {
        workflowVersionId: 1,
        title: 'Laptops',
        priority: 'normal',
        data,
        assigneeId: null,
      },
      occurredAt: new Date(AT.getTime() - 60_000),
    },
    {
      sequence: 2,
      type: 'transitioned',
      fromStage: start.key,
      toStage: first.to,
      actorId: 7,
      payload: { transition: first.key },
      occurredAt: AT,
    },
  ]
  const state = applyEvent(applyEvent(null, events[0]!, resolve), events[1]!, resolve)
  return { events, state, resolve }
}

test.group('Decisions | routing', () => {
  test('a process entering a decision stage is routed on by one system event', ({ assert }) => {
    const { events, state, resolve } = submitted({ amount: 5000, supplier: 'ACME' })
    assert.equal(state.stage, 'route')
    const routed = routeThroughDecisions(state, events[1]!, resolve, context())
    assert.deepEqual(routed.events, [
      {
        sequence: 3,
        type: 'transitioned',
        fromStage: 'route',
        toStage: 'manager',
        actorId: null,
        payload: {
          transition: 'route__manager',
          route: { stage: 'route', index: 1, when: 'data.amount <= 10000' },
        },
        occurredAt: AT,
      },
    ])
    assert.deepInclude(routed.state, { stage: 'manager', version: 3, status: 'active' })
    // The manager stage's SLA starts when the command happened.
    assert.equal(routed.state.dueAt?.getTime(), AT.getTime() + 2 * 86_400_000)
  })

  test('outside a decision stage nothing happens', ({ assert }) => {
    const { events, state, resolve } = submitted({ amount: 5000 })
    const routed = routeThroughDecisions(state, events[1]!, resolve, context())
    const again = routeThroughDecisions(routed.state, routed.events[0]!, resolve, context())
    assert.deepEqual(again.events, [])
    assert.strictEqual(again.state, routed.state)
  })

  test('a loop of decision stages that slipped past the verifier stops at the cap', ({
    assert,
  }) => {
    const looping: WorkflowDefinition = {
      key: 'loop',
      name: 'Loop',
      stages: [
        { key: 's', name: 'S', type: 'start' },
        { key: 'a', name: 'A', type: 'decision', routes: [], otherwise: 'a__b' },
        { key: 'b', name: 'B', type: 'decision', routes: [], otherwise: 'b__a' },
      ],
      transitions: [
        { key: 'go', from: 's', to: 'a' },
        { key: 'a__b', from: 'a', to: 'b' },
        { key: 'b__a', from: 'b', to: 'a' },
      ],
    }
    const { events, state, resolve } = submitted({}, looping)
    assert.throws(
      () => routeThroughDecisions(state, events[1]!, resolve, context()),
      DecisionChainError
    )
    assert.include(
      (() => {
        try {
          routeThroughDecisions(state, events[1]!, resolve, context())
        } catch (error) {
          return (error as Error).message
        }
      })(),
      `More than ${MAX_DECISION_CHAIN} decision stages in a row`
    )
  })

  test('replay folds a recorded route without evaluating it', ({ assert }) => {
    const { events, state, resolve } = submitted({ amount: 5000 })
    const routed = routeThroughDecisions(state, events[1]!, resolve, context())
    // The definition changed its mind since: replay still follows the log.
    const changed = structuredClone(PURCHASE)
    changed.stages.find((s) => s.key === 'route')!.routes = []
    assert.deepEqual(
      replay([...events, ...routed.events], () => changed),
      routed.state
    )
  })

  test('replay refuses a malformed route or one that does not leave the stage left', ({
    assert,
  }) => {
    const { events, state, resolve } = submitted({ amount: 5000 })
    const [routeEvent] = routeThroughDecisions(state, events[1]!, resolve, context()).events
    for (const route of [
      'manager',
      { stage: 'draft', index: 1, when: 'data.amount <= 10000' },
      { stage: 'route', index: -1, when: null },
      { stage: 'route', index: 0, when: 42 },
    ]) {
      const broken = { ...routeEvent!, payload: { ...routeEvent!.payload, route } }
      assert.throws(() => replay([...events, broken], resolve), ReplayError)
    }
  })

  test('routeOf reads only well-formed route events', ({ assert }) => {
    assert.isNull(routeOf({ type: 'transitioned', payload: { transition: 'submit' } }))
    assert.isNull(
      routeOf({ type: 'commented', payload: { route: { stage: 'x', index: 0, when: 'true' } } })
    )
    assert.deepEqual(
      routeOf({
        type: 'transitioned',
        payload: { route: { stage: 'x', index: null, when: null } },
      }),
      { stage: 'x', index: null, when: null }
    )
  })
})

/* ------------------------------------------------------------ properties */

const FIELDS = [
  { key: 'amount', label: 'Amount', type: 'number' as const },
  { key: 'urgent', label: 'Urgent', type: 'boolean' as const },
  { key: 'kind', label: 'Kind', type: 'select' as const, options: ['a', 'b', 'c'] },
]

const atom = fc.oneof(
  fc
    .tuple(fc.constantFrom('<', '<=', '>', '>=', '==', '!='), fc.integer({ min: -5, max: 20000 }))
    .map(([op, n]) => `data.amount ${op} ${n}`),
  fc.constantFrom('data.urgent', '!data.urgent', "data.kind == 'a'", "data.kind != 'c'"),
  fc.constantFrom("user.role == 'manager'", "process.priority == 'high'", 'true', 'false')
)
const condition: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: atom },
  fc.tuple(atom, fc.constantFrom('&&', '||'), atom).map(([a, op, b]) => `${a} ${op} ${b}`),
  fc.tuple(atom, atom).map(([a, b]) => `(${a} || ${b}) && !(${b})`)
)

/** Process data as it may really be: missing fields, right types, and wrong ones. */
const data = fc.record(
  {
    amount: fc.oneof(
      fc.integer({ min: -10, max: 30000 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.constant('1000'),
      fc.constant(null)
    ),
    urgent: fc.oneof(fc.boolean(), fc.constant('yes')),
    kind: fc.constantFrom('a', 'b', 'c', ''),
  },
  { requiredKeys: [] }
)

/**
 * A valid workflow with `decisions` decision stages in a row (d0 … dn-1)
 * after the start; each route goes to a later decision or to a task, and
 * each otherwise to the next decision (the last one's to a task).
 */
const decisionWorkflow = fc
  .integer({ min: 1, max: 4 })
  .chain((count) =>
    fc.tuple(
      fc.constant(count),
      fc.array(
        fc.array(fc.tuple(condition, fc.integer({ min: 0, max: 100 })), {
          minLength: 1,
          maxLength: 4,
        }),
        { minLength: count, maxLength: count }
      ),
      fc.integer({ min: 0, max: 2 })
    )
  )
  .map(([count, routesPerDecision, lastTask]): WorkflowDefinition => {
    const tasks = ['t0', 't1', 't2']
    const stages: StageDefinition[] = [
      { key: 'start', name: 'Start', type: 'start', fields: FIELDS },
    ]
    const transitions: TransitionDefinition[] = [{ key: 'go', from: 'start', to: 'd0' }]
    routesPerDecision.forEach((routes, i) => {
      const later = [...tasks, ...Array.from({ length: count - i - 1 }, (_, k) => `d${i + 1 + k}`)]
      const otherwiseTo = i === count - 1 ? tasks[lastTask]! : `d${i + 1}`
      transitions.push({ key: `d${i}__otherwise`, from: `d${i}`, to: otherwiseTo })
      stages.push({
        key: `d${i}`,
        name: `Decision ${i}`,
        type: 'decision',
        routes: routes.map(([when, pick], j) => {
          transitions.push({ key: `d${i}__r${j}`, from: `d${i}`, to: later[pick % later.length]! })
          return { when, transition: `d${i}__r${j}` }
        }),
        otherwise: `d${i}__otherwise`,
      })
    })
    for (const task of tasks) {
      stages.push({ key: task, name: task.toUpperCase(), type: 'task' })
      transitions.push({ key: `start__${task}`, from: 'start', to: task })
      transitions.push({ key: `${task}__end`, from: task, to: 'end' })
    }
    stages.push({ key: 'end', name: 'End', type: 'end', outcome: 'completed' })
    return { key: 'random', name: 'Random', stages, transitions }
  })

const holds = (definition: WorkflowDefinition, when: string, b: GuardBindings) => {
  const compiled = compiledFor(definition, when)
  return compiled.ok && evaluateGuard(compiled, b)
}

test.group('Decisions | properties', () => {
  test('random data and decision definitions always pick exactly one route: the first that holds', () => {
    fc.assert(
      fc.property(
        decisionWorkflow,
        data,
        fc.constantFrom('manager', 'member'),
        (definition, values, role) => {
          if (!verifyDefinition(definition).valid) {
            throw new Error(JSON.stringify(verifyDefinition(definition).problems))
          }
          const b: GuardBindings = { ...context(role), data: values }
          for (const stage of definition.stages.filter((s) => s.type === 'decision')) {
            const choice = chooseRoute(definition, stage, b)
            const holding = stage.routes!.map((r) => holds(definition, r.when, b))
            const first = holding.indexOf(true)
            if (first === -1) {
              if (choice.index !== null || choice.when !== null) return false
              if (choice.transition !== stage.otherwise) return false
            } else {
              if (choice.index !== first) return false
              if (choice.when !== stage.routes![first]!.when) return false
              if (choice.transition !== stage.routes![first]!.transition) return false
            }
            const leaving = definition.transitions.find((t) => t.key === choice.transition)
            if (leaving?.from !== stage.key) return false
          }
          return true
        }
      ),
      { numRuns: 300 }
    )
  })

  test('the events routing produces replay to exactly the state it produced', () => {
    fc.assert(
      fc.property(
        decisionWorkflow,
        data,
        fc.constantFrom('manager', 'member'),
        (definition, values, role) => {
          const { events, state, resolve } = submitted(values, definition)
          const routed = routeThroughDecisions(state, events[1]!, resolve, context(role))
          const all = [...events, ...routed.events]
          const rested = definition.stages.find((s) => s.key === routed.state.stage)!
          return (
            routed.events.length >= 1 &&
            rested.type !== 'decision' &&
            all.every((e, i) => e.sequence === i + 1) &&
            routed.events.every(
              (e) => e.actorId === null && routeOf(e)?.stage === e.fromStage && e.occurredAt === AT
            ) &&
            JSON.stringify(replay(all, resolve)) === JSON.stringify(routed.state)
          )
        }
      ),
      { numRuns: 300 }
    )
  })
})
