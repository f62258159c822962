import { test } from '@japa/runner'
import type { WorkflowDefinition } from '#engine/definition'
import {
  availableTransitions,
  checkTransition,
  isEndStage,
  stageOf,
  startStageOf,
  statusForStage,
  transitionsFrom,
  type TransitionQuery,
} from '#engine/state_machine'
import { ORDER_FULFILMENT, PURCHASE_REQUEST } from '#tests/unit/engine/fixtures'

const PAYING: TransitionQuery = {
  stage: 'PAYMENT_PROCESSING',
  status: 'active',
  role: 'manager',
  data: { payment_reference: 'PAY-1' },
  transitionKey: 'approve_payment',
}

test.group('State machine | lookups', () => {
  test('finds stages by key', ({ assert }) => {
    assert.equal(stageOf(ORDER_FULFILMENT, 'SHIPPED')?.name, 'Shipped')
    assert.isUndefined(stageOf(ORDER_FULFILMENT, 'shipped'))
    assert.equal(startStageOf(ORDER_FULFILMENT).key, 'INITIATED')
  })

  test('startStageOf throws for a definition without start', ({ assert }) => {
    const broken: WorkflowDefinition = {
      ...ORDER_FULFILMENT,
      stages: ORDER_FULFILMENT.stages.slice(1),
    }
    assert.throws(() => startStageOf(broken), /no start stage/)
  })

  test('tells end stages apart', ({ assert }) => {
    assert.isTrue(isEndStage(ORDER_FULFILMENT, 'DELIVERED'))
    assert.isTrue(isEndStage(ORDER_FULFILMENT, 'CANCELED'))
    assert.isFalse(isEndStage(ORDER_FULFILMENT, 'SHIPPED'))
    assert.isFalse(isEndStage(ORDER_FULFILMENT, 'NOPE'))
  })

  test('lists the transitions leaving a stage in definition order', ({ assert }) => {
    assert.deepEqual(
      transitionsFrom(ORDER_FULFILMENT, 'INVENTORY_RESERVING').map((transition) => transition.key),
      ['inventory_reserved', 'inventory_unavailable']
    )
    assert.deepEqual(transitionsFrom(ORDER_FULFILMENT, 'DELIVERED'), [])
  })

  test('derives the status from the stage', ({ assert }) => {
    assert.equal(statusForStage(stageOf(ORDER_FULFILMENT, 'SHIPPED')!), 'active')
    assert.equal(statusForStage(stageOf(ORDER_FULFILMENT, 'DELIVERED')!), 'completed')
    assert.equal(statusForStage(stageOf(ORDER_FULFILMENT, 'CANCELED')!), 'cancelled')
    assert.equal(statusForStage(stageOf(PURCHASE_REQUEST, 'rejected')!), 'failed')
  })
})

test.group('State machine | available transitions', () => {
  test('explains why each transition is or is not allowed', ({ assert }) => {
    const options = availableTransitions(ORDER_FULFILMENT, {
      stage: 'PAYMENT_PROCESSING',
      role: 'member',
      data: {},
    })
    assert.deepEqual(
      options.map(({ transition, allowed, reasons, missingFields }) => ({
        key: transition.key,
        allowed,
        reasons,
        missingFields,
      })),
      [
        {
          key: 'approve_payment',
          allowed: false,
          reasons: ['role', 'missing_fields'],
          missingFields: ['payment_reference'],
        },
        { key: 'decline_payment', allowed: false, reasons: ['role'], missingFields: [] },
      ]
    )
  })

  test('allows a permitted role once the required fields are filled', ({ assert }) => {
    const options = availableTransitions(ORDER_FULFILMENT, {
      stage: 'PAYMENT_PROCESSING',
      role: 'manager',
      data: { payment_reference: 'PAY-1' },
    })
    assert.deepEqual(
      options.map((option) => [option.transition.key, option.allowed]),
      [
        ['approve_payment', true],
        ['decline_payment', true],
      ]
    )
  })

  test('lets admins and the system run admin-only transitions', ({ assert }) => {
    const query = { stage: 'finance_review', data: { budget_code: 'B-7' } }
    const allowedFor = (role: 'admin' | 'manager' | 'member' | 'system') =>
      availableTransitions(PURCHASE_REQUEST, { ...query, role })
        .filter((option) => option.allowed)
        .map((option) => option.transition.key)
    assert.deepEqual(allowedFor('member'), [])
    assert.deepEqual(allowedFor('manager'), ['fund'])
    assert.deepEqual(allowedFor('admin'), ['fund', 'expire'])
    assert.deepEqual(allowedFor('system'), ['fund', 'expire'])
  })
})

test.group('State machine | checkTransition', () => {
  test('accepts an allowed transition and describes the move', ({ assert }) => {
    const check = checkTransition(ORDER_FULFILMENT, PAYING)
    assert.isTrue(check.ok)
    if (!check.ok) return
    assert.equal(check.transition.key, 'approve_payment')
    assert.equal(check.to.key, 'PAYMENT_APPROVED')
    assert.isFalse(check.closes)
    assert.notProperty(check, 'outcome')
  })

  test('reports that a transition closes the process, with its outcome', ({ assert }) => {
    const delivered = checkTransition(ORDER_FULFILMENT, {
      ...PAYING,
      stage: 'SHIPPED',
      transitionKey: 'deliver',
    })
    assert.deepInclude(delivered, { ok: true, closes: true, outcome: 'completed' })
    const rejected = checkTransition(PURCHASE_REQUEST, {
      stage: 'manager_review',
      status: 'active',
      role: 'manager',
      data: {},
      transitionKey: 'reject',
    })
    assert.deepInclude(rejected, { ok: true, closes: true, outcome: 'failed' })
  })

  test('refuses unknown transitions', ({ assert }) => {
    const check = checkTransition(ORDER_FULFILMENT, { ...PAYING, transitionKey: 'teleport' })
    assert.deepInclude(check, { ok: false, code: 'unknown_transition' })
    if (!check.ok) {
      assert.include(check.message, '"teleport"')
      assert.deepEqual(check.allowed, ['approve_payment', 'decline_payment'])
    }
  })

  test('refuses transitions that leave another stage', ({ assert }) => {
    const check = checkTransition(ORDER_FULFILMENT, { ...PAYING, transitionKey: 'deliver' })
    assert.deepInclude(check, { ok: false, code: 'not_from_current_stage' })
    if (!check.ok) assert.include(check.message, 'SHIPPED')
  })

  test('refuses roles the transition does not allow', ({ assert }) => {
    const check = checkTransition(ORDER_FULFILMENT, { ...PAYING, role: 'member' })
    assert.deepInclude(check, { ok: false, code: 'role_not_allowed', allowed: [] })
  })

  test('lets admins run any transition regardless of roles', ({ assert }) => {
    assert.isTrue(checkTransition(ORDER_FULFILMENT, { ...PAYING, role: 'admin' }).ok)
    const expire = checkTransition(PURCHASE_REQUEST, {
      stage: 'finance_review',
      status: 'active',
      role: 'admin',
      data: {},
      transitionKey: 'expire',
    })
    assert.deepInclude(expire, { ok: true, outcome: 'cancelled' })
  })

  test('refuses while required fields are missing, listing them', ({ assert }) => {
    const check = checkTransition(ORDER_FULFILMENT, {
      ...PAYING,
      stage: 'PREPARING_SHIPMENT',
      transitionKey: 'ship',
      data: { tracking_number: '', carrier: null },
    })
    assert.deepInclude(check, {
      ok: false,
      code: 'missing_fields',
      missingFields: ['tracking_number', 'carrier'],
    })
    if (!check.ok) assert.include(check.message, 'Tracking number, Carrier')
  })

  test('admins still need the required fields', ({ assert }) => {
    const check = checkTransition(ORDER_FULFILMENT, { ...PAYING, role: 'admin', data: {} })
    assert.deepInclude(check, { ok: false, code: 'missing_fields' })
  })

  test('counts false and 0 as filled', ({ assert }) => {
    const check = checkTransition(PURCHASE_REQUEST, {
      stage: 'ordering',
      status: 'active',
      role: 'member',
      data: { delivered: false },
      transitionKey: 'receive',
    })
    assert.isTrue(check.ok)
    const submit = checkTransition(PURCHASE_REQUEST, {
      stage: 'draft',
      status: 'active',
      role: 'member',
      data: { amount: 0, justification: 'Needed' },
      transitionKey: 'submit',
    })
    assert.isTrue(submit.ok)
  })

  test('does not mistake inherited object members for filled fields', ({ assert }) => {
    const definition: WorkflowDefinition = {
      key: 'proto',
      name: 'Proto',
      stages: [
        {
          key: 'a',
          name: 'A',
          type: 'start',
          fields: [{ key: 'constructor', label: 'C', type: 'text' }],
        },
        { key: 'b', name: 'B', type: 'end', outcome: 'completed' },
      ],
      transitions: [{ key: 'go', from: 'a', to: 'b', requires: ['constructor'] }],
    }
    const check = checkTransition(definition, {
      stage: 'a',
      status: 'active',
      role: 'member',
      data: {},
      transitionKey: 'go',
    })
    assert.deepInclude(check, { ok: false, code: 'missing_fields' })
  })

  test('refuses any transition once the process is closed', ({ assert }) => {
    for (const status of ['completed', 'cancelled', 'failed'] as const) {
      const check = checkTransition(ORDER_FULFILMENT, { ...PAYING, status })
      assert.deepInclude(check, { ok: false, code: 'process_closed', allowed: [] })
      if (!check.ok) assert.include(check.message, status)
    }
  })

  test('checks closure before anything else', ({ assert }) => {
    const check = checkTransition(ORDER_FULFILMENT, {
      ...PAYING,
      status: 'cancelled',
      transitionKey: 'teleport',
    })
    assert.deepInclude(check, { ok: false, code: 'process_closed' })
  })

  test('fails loudly on a transition into a stage that does not exist', ({ assert }) => {
    const broken: WorkflowDefinition = {
      ...ORDER_FULFILMENT,
      transitions: [{ key: 'jump', from: 'INITIATED', to: 'MOON' }],
    }
    assert.throws(
      () =>
        checkTransition(broken, {
          stage: 'INITIATED',
          status: 'active',
          role: 'admin',
          data: {},
          transitionKey: 'jump',
        }),
      /MOON/
    )
  })
})
