import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import type { WorkflowDefinition } from '#engine/definition'
import { applyEvent, replay, type ProcessEvent, type ProcessState } from '#engine/replay'
import { ReplayError, type ReplayErrorCode } from '#engine/replay_error'
import { ORDER_FULFILMENT } from '#tests/unit/engine/fixtures'

const MINUTE = 60_000
const T0 = Date.parse('2025-01-06T09:00:00.000Z')

function at(minutes: number): Date {
  return new Date(T0 + minutes * MINUTE)
}

/** Version 2 renames SHIPPED to IN_TRANSIT and gives PAYMENT_APPROVED an SLA. */
const ORDER_V2: WorkflowDefinition = {
  ...ORDER_FULFILMENT,
  stages: ORDER_FULFILMENT.stages.map((stage) => {
    if (stage.key === 'SHIPPED') return { ...stage, key: 'IN_TRANSIT' }
    if (stage.key === 'PAYMENT_APPROVED') return { ...stage, sla: '1h' }
    return stage
  }),
  transitions: ORDER_FULFILMENT.transitions.map((transition) => ({
    ...transition,
    from: transition.from === 'SHIPPED' ? 'IN_TRANSIT' : transition.from,
    to: transition.to === 'SHIPPED' ? 'IN_TRANSIT' : transition.to,
  })),
}

const VERSIONS: Record<number, WorkflowDefinition> = { 1: ORDER_FULFILMENT, 2: ORDER_V2 }
const resolve = (id: number) => VERSIONS[id]

/** Builds a consistent history one event at a time. */
class History {
  readonly events: ProcessEvent[] = []

  add(
    type: string,
    payload: Record<string, unknown>,
    options: {
      from?: string | null
      to?: string | null
      minutes?: number
      actorId?: number | null
    } = {}
  ): this {
    this.events.push({
      sequence: this.events.length + 1,
      type,
      fromStage: options.from ?? null,
      toStage: options.to ?? null,
      actorId: options.actorId ?? 7,
      payload,
      occurredAt: at(options.minutes ?? this.events.length),
    })
    return this
  }

  start(data: Record<string, unknown> = { sku: 'A-1' }): this {
    return this.add(
      'started',
      { workflowVersionId: 1, title: 'Order #1', priority: 'high', data, assigneeId: null },
      { to: 'INITIATED', minutes: 0 }
    )
  }

  move(
    from: string,
    to: string,
    transition: string,
    minutes?: number,
    data?: Record<string, unknown>
  ): this {
    return this.add(
      'transitioned',
      { transition, ...(data ? { data } : {}) },
      { from, to, minutes }
    )
  }

  /** INITIATED → … → PAYMENT_PROCESSING. */
  toPayment(): this {
    return this.start()
      .move('INITIATED', 'INVENTORY_RESERVING', 'reserve_inventory', 10)
      .move('INVENTORY_RESERVING', 'INVENTORY_RESERVED', 'inventory_reserved', 20)
      .move('INVENTORY_RESERVED', 'PAYMENT_PROCESSING', 'process_payment', 30)
  }

  state(): ProcessState {
    return replay(this.events, resolve)
  }
}

/** Asserts that replaying `events` fails with `code` at event `sequence`. */
function expectReplayError(
  assert: Assert,
  events: ProcessEvent[],
  code: ReplayErrorCode,
  sequence: number | null
) {
  try {
    replay(events, resolve)
    assert.fail(`expected ReplayError ${code}`)
  } catch (error) {
    assert.instanceOf(error, ReplayError)
    assert.equal((error as ReplayError).code, code)
    assert.equal((error as ReplayError).sequence, sequence)
  }
}

test.group('Replay | state', () => {
  test('a started event creates the process in the start stage', ({ assert }) => {
    assert.deepEqual(new History().start().state(), {
      workflowVersionId: 1,
      title: 'Order #1',
      priority: 'high',
      stage: 'INITIATED',
      status: 'active',
      data: { sku: 'A-1' },
      assigneeId: null,
      version: 1,
      closedAt: null,
      dueAt: null,
      slaBreached: false,
    })
  })

  test('entering a stage sets the due date from its SLA', ({ assert }) => {
    const state = new History()
      .start()
      .move('INITIATED', 'INVENTORY_RESERVING', 'reserve_inventory', 10)
      .state()
    assert.equal(state.stage, 'INVENTORY_RESERVING')
    assert.equal(state.version, 2)
    assert.deepEqual(state.dueAt, at(10 + 120))
  })

  test('entering a stage without SLA clears the due date', ({ assert }) => {
    const state = new History()
      .start()
      .move('INITIATED', 'INVENTORY_RESERVING', 'reserve_inventory', 10)
      .move('INVENTORY_RESERVING', 'INVENTORY_RESERVED', 'inventory_reserved', 20)
      .state()
    assert.isNull(state.dueAt)
  })

  test('transitions merge their data patch', ({ assert }) => {
    const state = new History()
      .toPayment()
      .move('PAYMENT_PROCESSING', 'PAYMENT_APPROVED', 'approve_payment', 40, {
        payment_reference: 'P-9',
        sku: 'A-2',
      })
      .state()
    assert.deepEqual(state.data, { sku: 'A-2', payment_reference: 'P-9' })
  })

  test('data updates merge their patch, keeping explicit nulls', ({ assert }) => {
    const state = new History()
      .start({ sku: 'A-1', note: 'x' })
      .add('data_updated', { patch: { note: null, qty: 3 } })
      .state()
    assert.deepEqual(state.data, { sku: 'A-1', note: null, qty: 3 })
    assert.equal(state.version, 2)
  })

  test('assignment sets and releases the assignee', ({ assert }) => {
    const history = new History().start().add('assigned', { assigneeId: 12 })
    assert.equal(history.state().assigneeId, 12)
    history.add('assigned', { assigneeId: null })
    assert.isNull(history.state().assigneeId)
  })

  test('comments and unknown event types only bump the version', ({ assert }) => {
    const base = new History().start().state()
    const state = new History()
      .start()
      .add('commented', { commentId: 3, body: 'Looks good' })
      .add('priority_changed_in_some_future_version', { priority: 'low' })
      .state()
    assert.deepEqual(state, { ...base, version: 3 })
  })

  test('entering an end stage closes the process with its outcome', ({ assert }) => {
    const state = new History()
      .toPayment()
      .move('PAYMENT_PROCESSING', 'PAYMENT_APPROVED', 'approve_payment', 40)
      .move('PAYMENT_APPROVED', 'PREPARING_SHIPMENT', 'prepare_shipment', 50)
      .move('PREPARING_SHIPMENT', 'SHIPPED', 'ship', 60)
      .move('SHIPPED', 'DELIVERED', 'deliver', 70)
      .state()
    assert.deepInclude(state, { stage: 'DELIVERED', status: 'completed', dueAt: null, version: 8 })
    assert.deepEqual(state.closedAt, at(70))
  })

  test('an end stage with a cancelled outcome cancels the process', ({ assert }) => {
    const state = new History()
      .start()
      .move('INITIATED', 'INVENTORY_RESERVING', 'reserve_inventory', 10)
      .move('INVENTORY_RESERVING', 'CANCELED', 'inventory_unavailable', 15)
      .state()
    assert.deepInclude(state, { stage: 'CANCELED', status: 'cancelled' })
    assert.deepEqual(state.closedAt, at(15))
  })

  test('a cancelled event closes the process where it stands', ({ assert }) => {
    const state = new History()
      .start()
      .move('INITIATED', 'INVENTORY_RESERVING', 'reserve_inventory', 10)
      .add('cancelled', { reason: 'Customer changed their mind' }, { minutes: 12 })
      .state()
    assert.deepInclude(state, { stage: 'INVENTORY_RESERVING', status: 'cancelled', dueAt: null })
    assert.deepEqual(state.closedAt, at(12))
  })

  test('a cancelled event may move the process to a stage', ({ assert }) => {
    const state = new History()
      .start()
      .add('cancelled', {}, { from: 'INITIATED', to: 'CANCELED', minutes: 3 })
      .state()
    assert.deepInclude(state, { stage: 'CANCELED', status: 'cancelled' })
  })

  test('an SLA breach flags the current stage until the process moves on', ({ assert }) => {
    const history = new History()
      .start()
      .move('INITIATED', 'INVENTORY_RESERVING', 'reserve_inventory', 10)
      .add('sla_breached', { stage: 'INVENTORY_RESERVING' }, { minutes: 131 })
    assert.isTrue(history.state().slaBreached)
    history.move('INVENTORY_RESERVING', 'INVENTORY_RESERVED', 'inventory_reserved', 140)
    assert.isFalse(history.state().slaBreached)
  })

  test('a late breach for a stage already left is ignored', ({ assert }) => {
    const state = new History()
      .start()
      .move('INITIATED', 'INVENTORY_RESERVING', 'reserve_inventory', 10)
      .move('INVENTORY_RESERVING', 'INVENTORY_RESERVED', 'inventory_reserved', 20)
      .add('sla_breached', { stage: 'INVENTORY_RESERVING' }, { minutes: 131 })
      .state()
    assert.isFalse(state.slaBreached)
    assert.equal(state.version, 4)
  })

  test('re-entering a stage restarts its SLA', ({ assert }) => {
    const state = new History()
      .toPayment()
      .add('sla_breached', { stage: 'PAYMENT_PROCESSING' }, { minutes: 61 })
      .add(
        'transitioned',
        { transition: 'retry' },
        { from: 'PAYMENT_PROCESSING', to: 'PAYMENT_PROCESSING', minutes: 70 }
      )
      .state()
    assert.isFalse(state.slaBreached)
    assert.deepEqual(state.dueAt, at(100))
  })
})

test.group('Replay | migration', () => {
  test('restarts the SLA of the stage in the new version, even when the key stays', ({
    assert,
  }) => {
    const before = new History()
      .start()
      .move('INITIATED', 'INVENTORY_RESERVING', 'reserve_inventory', 10)
    before.add('sla_breached', { stage: 'INVENTORY_RESERVING' }, { minutes: 200 })
    before.add(
      'migrated',
      { fromVersionId: 1, toVersionId: 2 },
      { from: 'INVENTORY_RESERVING', to: 'INVENTORY_RESERVING', minutes: 300 }
    )
    const state = before.state()
    assert.deepInclude(state, {
      workflowVersionId: 2,
      stage: 'INVENTORY_RESERVING',
      slaBreached: false,
      version: 4,
    })
    // The stage's 2h SLA counts from the migration (minute 300).
    assert.deepEqual(state.dueAt, at(420))
  })

  test('enters the mapped stage when it differs', ({ assert }) => {
    const state = new History()
      .toPayment()
      .move('PAYMENT_PROCESSING', 'PAYMENT_APPROVED', 'approve_payment', 40)
      .move('PAYMENT_APPROVED', 'PREPARING_SHIPMENT', 'prepare_shipment', 50)
      .move('PREPARING_SHIPMENT', 'SHIPPED', 'ship', 60)
      .add(
        'migrated',
        { fromVersionId: 1, toVersionId: 2 },
        { from: 'SHIPPED', to: 'IN_TRANSIT', minutes: 90 }
      )
      .state()
    assert.deepInclude(state, { workflowVersionId: 2, stage: 'IN_TRANSIT', status: 'active' })
    assert.deepEqual(state.dueAt, at(90 + 7 * 24 * 60))
  })

  test('later transitions use the new version', ({ assert }) => {
    const state = new History()
      .toPayment()
      .add(
        'migrated',
        { fromVersionId: 1, toVersionId: 2 },
        { from: 'PAYMENT_PROCESSING', to: 'PAYMENT_PROCESSING', minutes: 35 }
      )
      .move('PAYMENT_PROCESSING', 'PAYMENT_APPROVED', 'approve_payment', 40)
      .state()
    // PAYMENT_APPROVED has a 1h SLA only in version 2.
    assert.deepEqual(state.dueAt, at(100))
  })

  test('only relabels a closed process', ({ assert }) => {
    const state = new History()
      .start()
      .add('cancelled', {}, { minutes: 5 })
      .add(
        'migrated',
        { fromVersionId: 1, toVersionId: 2 },
        { from: 'INITIATED', to: 'INITIATED', minutes: 9 }
      )
      .state()
    assert.deepInclude(state, { workflowVersionId: 2, status: 'cancelled', dueAt: null })
    assert.deepEqual(state.closedAt, at(5))
  })

  test('rejects a migration from another version', ({ assert }) => {
    const events = new History()
      .start()
      .add(
        'migrated',
        { fromVersionId: 2, toVersionId: 1 },
        { from: 'INITIATED', to: 'INITIATED' }
      ).events
    expectReplayError(assert, events, 'version_mismatch', 2)
  })

  test('rejects a migration to a stage the new version lacks', ({ assert }) => {
    const events = new History()
      .toPayment()
      .move('PAYMENT_PROCESSING', 'PAYMENT_APPROVED', 'approve_payment', 40)
      .move('PAYMENT_APPROVED', 'PREPARING_SHIPMENT', 'prepare_shipment', 50)
      .move('PREPARING_SHIPMENT', 'SHIPPED', 'ship', 60)
      .add('migrated', { fromVersionId: 1, toVersionId: 2 }, { from: 'SHIPPED', to: null }).events
    expectReplayError(assert, events, 'unknown_stage', 8)
  })
})

test.group('Replay | inconsistent histories', () => {
  test('rejects an empty history', ({ assert }) => {
    expectReplayError(assert, [], 'no_events', null)
  })

  test('rejects a gap in the sequence', ({ assert }) => {
    const events = new History().toPayment().events
    expectReplayError(assert, [events[0], events[1], events[3]], 'sequence_gap', 4)
  })

  test('rejects out-of-order and repeated events', ({ assert }) => {
    const events = new History().toPayment().events
    expectReplayError(assert, [events[0], events[2], events[1]], 'sequence_gap', 3)
    expectReplayError(assert, [events[0], events[1], events[1]], 'out_of_order', 2)
    const shifted = events.map((event) => ({ ...event, sequence: event.sequence + 1 }))
    expectReplayError(assert, shifted, 'sequence_gap', 2)
  })

  test('requires the history to begin with started', ({ assert }) => {
    const events = new History().start().events
    const first = { ...events[0], type: 'commented' }
    expectReplayError(assert, [first], 'not_started', 1)
  })

  test('rejects a second started event', ({ assert }) => {
    const history = new History().start()
    history.add('started', history.events[0].payload, { to: 'INITIATED' })
    expectReplayError(assert, history.events, 'already_started', 2)
  })

  test('rejects moving a closed process', ({ assert }) => {
    const closed = new History().start().add('cancelled', {})
    const moved = new History().start().add('cancelled', {})
    moved.move('INITIATED', 'INVENTORY_RESERVING', 'reserve_inventory')
    expectReplayError(assert, moved.events, 'process_closed', 3)
    closed.add('cancelled', {})
    expectReplayError(assert, closed.events, 'process_closed', 3)
  })

  test('rejects a transition from a stage the process is not in', ({ assert }) => {
    const events = new History()
      .start()
      .move('INVENTORY_RESERVED', 'PAYMENT_PROCESSING', 'process_payment').events
    expectReplayError(assert, events, 'stage_mismatch', 2)
  })

  test('rejects stages the definition does not have', ({ assert }) => {
    const events = new History().start().move('INITIATED', 'LIMBO', 'reserve_inventory').events
    expectReplayError(assert, events, 'unknown_stage', 2)
    const start = new History().start().events[0]
    expectReplayError(assert, [{ ...start, toStage: null }], 'unknown_stage', 1)
  })

  test('rejects an unknown workflow version', ({ assert }) => {
    const start = new History().start().events[0]
    expectReplayError(
      assert,
      [{ ...start, payload: { ...start.payload, workflowVersionId: 99 } }],
      'unknown_version',
      1
    )
  })

  test('rejects malformed payloads', ({ assert }) => {
    const start = new History().start().events[0]
    for (const payload of [
      { ...start.payload, priority: 'whenever' },
      { ...start.payload, title: 5 },
      { ...start.payload, assigneeId: 'ana' },
      { ...start.payload, data: [1, 2] },
      { ...start.payload, workflowVersionId: '1' },
    ]) {
      expectReplayError(assert, [{ ...start, payload }], 'invalid_event', 1)
    }
    for (const [type, payload] of [
      ['data_updated', { patch: 'x' }],
      ['assigned', { assigneeId: 1.5 }],
      ['transitioned', {}],
      ['migrated', { fromVersionId: 1 }],
    ] as const) {
      const events = new History()
        .start()
        .add(type, payload, { from: 'INITIATED', to: 'INITIATED' }).events
      expectReplayError(assert, events, 'invalid_event', 2)
    }
    expectReplayError(assert, [{ ...start, occurredAt: new Date('nope') }], 'invalid_event', 1)
  })
})

test.group('Replay | purity', () => {
  test('replay equals applying the events one at a time', ({ assert }) => {
    const history = new History()
      .toPayment()
      .add('assigned', { assigneeId: 3 })
      .add('data_updated', { patch: { payment_reference: 'P' } })
    let state: ProcessState | null = null
    for (const event of history.events) state = applyEvent(state, event, resolve)
    assert.deepEqual(state, history.state())
  })

  test('does not mutate the previous state', ({ assert }) => {
    const history = new History().start()
    const before = history.state()
    const snapshot = structuredClone(before)
    history.add('data_updated', { patch: { sku: 'B' } })
    applyEvent(before, history.events[1], resolve)
    assert.deepEqual(before, snapshot)
  })

  test('state data does not alias event payloads', ({ assert }) => {
    const history = new History().start({ nested: { count: 1 } })
    const state = history.state()
    ;(state.data.nested as { count: number }).count = 2
    assert.deepEqual(history.events[0].payload.data, { nested: { count: 1 } })
  })

  test('resolves each workflow version once per replay', ({ assert }) => {
    const calls: number[] = []
    const history = new History().toPayment()
    replay(history.events, (id) => {
      calls.push(id)
      return resolve(id)
    })
    assert.deepEqual(calls, [1])
  })
})
