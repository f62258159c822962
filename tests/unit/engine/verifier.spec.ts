import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import fc from 'fast-check'
import {
  assertValidDefinition,
  DefinitionInvalid,
  verifyDefinition,
  type Problem,
  type ProblemCode,
} from '#engine/verifier'
import { MINIMAL, mutable, ORDER_FULFILMENT, PURCHASE_REQUEST } from '#tests/unit/engine/fixtures'

/** Asserts `input` has a problem with exactly `code` at `path` and returns it. */
function expectProblem(assert: Assert, input: unknown, path: string, code: ProblemCode): Problem {
  const result = verifyDefinition(input)
  assert.isFalse(result.valid)
  assert.isUndefined(result.definition)
  assert.deepInclude(
    result.problems.map((problem) => ({ path: problem.path, code: problem.code })),
    { path, code }
  )
  return result.problems.find((problem) => problem.path === path && problem.code === code)!
}

function codesOf(input: unknown): ProblemCode[] {
  return verifyDefinition(input).problems.map((problem) => problem.code)
}

test.group('Verifier | valid definitions', () => {
  test('accepts the order fulfilment workflow and returns it normalised', ({ assert }) => {
    const result = verifyDefinition(structuredClone(ORDER_FULFILMENT))
    assert.deepEqual(result.problems, [])
    assert.isTrue(result.valid)
    assert.deepEqual(result.definition, ORDER_FULFILMENT)
  })

  test('accepts the purchase request and minimal workflows', ({ assert }) => {
    assert.deepEqual(verifyDefinition(PURCHASE_REQUEST).problems, [])
    assert.deepEqual(verifyDefinition(MINIMAL).problems, [])
  })

  test('reports the outcomes reachable from each stage, sorted', ({ assert }) => {
    assert.deepEqual(verifyDefinition(ORDER_FULFILMENT).outcomes, {
      INITIATED: ['cancelled', 'completed'],
      INVENTORY_RESERVING: ['cancelled', 'completed'],
      INVENTORY_RESERVED: ['cancelled', 'completed'],
      PAYMENT_PROCESSING: ['cancelled', 'completed'],
      PAYMENT_APPROVED: ['completed'],
      REVERTING_RESERVATION: ['cancelled'],
      PREPARING_SHIPMENT: ['completed'],
      SHIPPED: ['completed'],
      DELIVERED: ['completed'],
      CANCELED: ['cancelled'],
    })
    const purchase = verifyDefinition(PURCHASE_REQUEST).outcomes
    assert.deepEqual(purchase.draft, ['cancelled', 'completed', 'failed'])
    assert.deepEqual(purchase.manager_review, ['cancelled', 'completed', 'failed'])
    assert.deepEqual(purchase.finance_review, ['cancelled', 'completed'])
    assert.deepEqual(purchase.ordering, ['completed'])
  })

  test('reports outcomes even for an invalid definition', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.name = ''
    const result = verifyDefinition(document)
    assert.isFalse(result.valid)
    assert.deepEqual(result.outcomes.PAYMENT_APPROVED, ['completed'])
  })

  test('allows transitions back into the start stage', ({ assert }) => {
    const document = mutable(MINIMAL)
    document.stages.push({ key: 'review', name: 'Review', type: 'task' })
    document.transitions = [
      { key: 'send', from: 'open', to: 'review' },
      { key: 'back', from: 'review', to: 'open' },
      { key: 'finish', from: 'review', to: 'done' },
    ]
    assert.deepEqual(verifyDefinition(document).problems, [])
  })

  test('allows requiring a field collected by another stage', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.transitions[8].requires = ['payment_reference']
    assert.deepEqual(verifyDefinition(document).problems, [])
  })

  test('allows the same field key in several stages when the type agrees', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[7].fields = [{ key: 'tracking_number', label: 'Tracking', type: 'text' }]
    assert.deepEqual(verifyDefinition(document).problems, [])
  })

  test('drops optional properties given as null', ({ assert }) => {
    const document = mutable(MINIMAL)
    document.description = null
    document.stages[0].sla = null
    const result = verifyDefinition(document)
    assert.deepEqual(result.problems, [])
    assert.deepEqual(result.definition, MINIMAL)
    assert.notProperty(result.definition!.stages[0], 'sla')
  })

  test('assertValidDefinition returns the definition', ({ assert }) => {
    assert.deepEqual(assertValidDefinition(structuredClone(MINIMAL)), MINIMAL)
  })

  test('assertValidDefinition throws DefinitionInvalid carrying every problem', ({ assert }) => {
    const document = mutable(MINIMAL)
    delete document.key
    document.stages[1].outcome = 'won'
    try {
      assertValidDefinition(document)
      assert.fail('expected DefinitionInvalid')
    } catch (error) {
      assert.instanceOf(error, DefinitionInvalid)
      const problems = (error as DefinitionInvalid).problems
      assert.deepEqual(
        problems.map((problem) => [problem.path, problem.code]),
        [
          ['$.key', 'missing_property'],
          ['$.stages[1].outcome', 'invalid_outcome'],
        ]
      )
      assert.include((error as Error).message, '2 problems')
    }
  })
})

test.group('Verifier | document shape', () => {
  test('rejects a document that is not an object', ({ assert }) => {
    for (const input of [null, [], 'order', 42, undefined]) {
      assert.deepEqual(
        verifyDefinition(input).problems.map((problem) => [problem.path, problem.code]),
        [['$', 'invalid_document']]
      )
    }
  })

  test('requires a key and a name', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    delete document.key
    delete document.name
    expectProblem(assert, document, '$.key', 'missing_property')
    expectProblem(assert, document, '$.name', 'missing_property')
  })

  test('requires the workflow key to be a slug', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.key = 'Order Flow'
    const problem = expectProblem(assert, document, '$.key', 'invalid_key')
    assert.include(problem.message, '"Order Flow"')
  })

  test('rejects a malformed stage key without also calling references unknown', ({ assert }) => {
    const document = mutable(MINIMAL)
    document.stages[1].key = 'all done'
    document.transitions[0].to = 'all done'
    expectProblem(assert, document, '$.stages[1].key', 'invalid_key')
    assert.notInclude(codesOf(document), 'unknown_stage')
  })

  test('rejects a blank name', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.name = '   '
    expectProblem(assert, document, '$.name', 'blank_value')
  })

  test('rejects an over-long name', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[2].name = 'x'.repeat(201)
    expectProblem(assert, document, '$.stages[2].name', 'too_long')
  })

  test('rejects a property of the wrong type', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.name = 7
    document.stages[6].fields![0].required = 'yes'
    expectProblem(assert, document, '$.name', 'invalid_type')
    expectProblem(assert, document, '$.stages[6].fields[0].required', 'invalid_type')
  })

  test('requires stages and transitions to be lists', ({ assert }) => {
    const document: Record<string, unknown> = mutable(ORDER_FULFILMENT)
    document.stages = 'INITIATED'
    expectProblem(assert, document, '$.stages', 'invalid_type')
    // Without usable stages every transition would otherwise "name an
    // unknown stage"; that noise must not bury the real problem.
    assert.notInclude(codesOf(document), 'unknown_stage')
    delete document.transitions
    expectProblem(assert, document, '$.transitions', 'missing_property')
  })

  test('rejects a stage that is not an object', ({ assert }) => {
    const document: Record<string, unknown> = mutable(MINIMAL)
    document.stages = ['open', ...mutable(MINIMAL).stages]
    const problem = expectProblem(assert, document, '$.stages[0]', 'invalid_type')
    assert.include(problem.message, 'Stage #1')
  })

  test('rejects unknown properties, naming them', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[7].slaa = '1d'
    document.transitions[0]['required fields'] = []
    const problem = expectProblem(assert, document, '$.stages[7].slaa', 'unknown_property')
    assert.include(problem.message, 'SHIPPED')
    assert.include(problem.message, '"slaa"')
    expectProblem(assert, document, '$.transitions[0]["required fields"]', 'unknown_property')
  })

  test('requires a stage type and rejects unknown ones', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[1].type = 'milestone'
    delete document.stages[2].type
    const problem = expectProblem(assert, document, '$.stages[1].type', 'invalid_stage_type')
    assert.include(problem.message, 'INVENTORY_RESERVING')
    expectProblem(assert, document, '$.stages[2].type', 'missing_property')
  })
})

test.group('Verifier | stages', () => {
  test('rejects duplicate stage keys', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[7].key = 'PAYMENT_APPROVED'
    const problem = expectProblem(assert, document, '$.stages[7].key', 'duplicate_stage_key')
    assert.include(problem.message, '#5')
    assert.include(problem.message, '#8')
    assert.include(problem.message, 'PAYMENT_APPROVED')
    // Only the second occurrence is the problem.
    assert.notInclude(
      verifyDefinition(document).problems.map((p) => p.path),
      '$.stages[4].key'
    )
  })

  test('requires a start stage', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[0].type = 'task'
    expectProblem(assert, document, '$.stages', 'missing_start_stage')
    // Reachability cannot be judged without a start; do not flag every stage.
    assert.notInclude(codesOf(document), 'unreachable_stage')
  })

  test('rejects a second start stage', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[2].type = 'start'
    const problem = expectProblem(assert, document, '$.stages[2].type', 'multiple_start_stages')
    assert.include(problem.message, 'INVENTORY_RESERVED')
    assert.include(problem.message, 'INITIATED')
  })

  test('requires an end stage', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    for (const index of [8, 9]) {
      document.stages[index].type = 'task'
      delete document.stages[index].outcome
    }
    expectProblem(assert, document, '$.stages', 'missing_end_stage')
    assert.notInclude(codesOf(document), 'dead_end_stage')
    assert.notInclude(codesOf(document), 'no_path_to_end')
  })

  test('requires an outcome on end stages', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    delete document.stages[8].outcome
    const problem = expectProblem(assert, document, '$.stages[8].outcome', 'missing_outcome')
    assert.include(problem.message, 'DELIVERED')
  })

  test('rejects unknown outcomes', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[8].outcome = 'success'
    expectProblem(assert, document, '$.stages[8].outcome', 'invalid_outcome')
  })

  test('allows an outcome only on end stages', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[7].outcome = 'completed'
    const problem = expectProblem(assert, document, '$.stages[7].outcome', 'outcome_not_allowed')
    assert.include(problem.message, 'SHIPPED')
  })

  test('rejects SLAs, automatic transitions and escalations on end stages', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[8].sla = '1d'
    document.stages[9].escalation = { reassignRole: 'admin' }
    expectProblem(assert, document, '$.stages[8].sla', 'not_allowed_on_end_stage')
    expectProblem(assert, document, '$.stages[9].escalation', 'not_allowed_on_end_stage')
  })

  test('rejects invalid SLA durations', ({ assert }) => {
    for (const sla of ['2 hours', '0h', '1.5h', '10s', 90, '']) {
      const document = mutable(ORDER_FULFILMENT)
      document.stages[1].sla = sla
      expectProblem(assert, document, '$.stages[1].sla', 'invalid_duration')
    }
  })

  test('rejects an unknown assignee role', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[3].assignee = { role: 'boss' }
    const problem = expectProblem(assert, document, '$.stages[3].assignee.role', 'invalid_role')
    assert.include(problem.message, 'PAYMENT_PROCESSING')
  })

  test('rejects an assignee user that is not an e-mail address', ({ assert }) => {
    const document = mutable(PURCHASE_REQUEST)
    document.stages[2].assignee = { user: 'finance' }
    expectProblem(assert, document, '$.stages[2].assignee.user', 'invalid_email')
  })
})

test.group('Verifier | fields', () => {
  test('rejects unknown field types', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[6].fields![0].type = 'string'
    const problem = expectProblem(
      assert,
      document,
      '$.stages[6].fields[0].type',
      'invalid_field_type'
    )
    assert.include(problem.message, 'tracking_number')
    assert.include(problem.message, 'PREPARING_SHIPMENT')
  })

  test('rejects duplicate field keys within a stage', ({ assert }) => {
    const document = mutable(PURCHASE_REQUEST)
    document.stages[0].fields![3].key = 'amount'
    expectProblem(assert, document, '$.stages[0].fields[3].key', 'duplicate_field_key')
  })

  test('rejects one field key with two types across stages', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[7].fields = [{ key: 'tracking_number', label: 'Tracking', type: 'number' }]
    const problem = expectProblem(
      assert,
      document,
      '$.stages[7].fields[0].type',
      'conflicting_field_type'
    )
    assert.include(problem.message, '"text"')
  })

  test('requires options on select fields', ({ assert }) => {
    const missing = mutable(ORDER_FULFILMENT)
    delete missing.stages[6].fields![1].options
    expectProblem(assert, missing, '$.stages[6].fields[1].options', 'missing_options')
    const empty = mutable(ORDER_FULFILMENT)
    empty.stages[6].fields![1].options = []
    expectProblem(assert, empty, '$.stages[6].fields[1].options', 'missing_options')
  })

  test('allows options only on select fields', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[6].fields![0].options = ['a']
    expectProblem(assert, document, '$.stages[6].fields[0].options', 'options_not_allowed')
  })

  test('rejects blank and repeated options', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[6].fields![1].options = ['dhl', '', 'dhl']
    expectProblem(assert, document, '$.stages[6].fields[1].options[1]', 'invalid_option')
    expectProblem(assert, document, '$.stages[6].fields[1].options[2]', 'duplicate_option')
  })

  test('requires a label on fields', ({ assert }) => {
    const document = mutable(PURCHASE_REQUEST)
    delete document.stages[3].fields![1].label
    expectProblem(assert, document, '$.stages[3].fields[1].label', 'missing_property')
  })
})

test.group('Verifier | transitions', () => {
  test('rejects duplicate transition keys', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.transitions[9].key = 'deliver'
    const problem = expectProblem(
      assert,
      document,
      '$.transitions[9].key',
      'duplicate_transition_key'
    )
    assert.include(problem.message, '#9 and #10')
  })

  test('requires from and to to name existing stages', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.transitions[8].to = 'LOST'
    document.transitions[0].from = 'NOWHERE'
    const problem = expectProblem(assert, document, '$.transitions[8].to', 'unknown_stage')
    assert.include(problem.message, '"deliver"')
    assert.include(problem.message, '"LOST"')
    expectProblem(assert, document, '$.transitions[0].from', 'unknown_stage')
  })

  test('requires from and to', ({ assert }) => {
    const document = mutable(MINIMAL)
    delete document.transitions[0].to
    expectProblem(assert, document, '$.transitions[0].to', 'missing_property')
  })

  test('rejects transitions leaving an end stage', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.transitions.push({ key: 'reopen', from: 'DELIVERED', to: 'SHIPPED' })
    const problem = expectProblem(
      assert,
      document,
      '$.transitions[10].from',
      'transition_from_end_stage'
    )
    assert.include(problem.message, 'DELIVERED')
  })

  test('rejects unknown roles', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.transitions[4].roles = ['manager', 'owner']
    const problem = expectProblem(assert, document, '$.transitions[4].roles[1]', 'invalid_role')
    assert.include(problem.message, '"owner"')
  })

  test('requires `requires` to name declared fields', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.transitions[7].requires = ['tracking_number', 'weight']
    const problem = expectProblem(assert, document, '$.transitions[7].requires[1]', 'unknown_field')
    assert.include(problem.message, '"weight"')
  })
})

test.group('Verifier | automatic transitions and escalation', () => {
  test('requires a valid delay for automatic transitions', ({ assert }) => {
    const document = mutable(PURCHASE_REQUEST)
    document.stages[2].automatic = { after: 'a week', transition: 'expire' }
    expectProblem(assert, document, '$.stages[2].automatic.after', 'invalid_duration')
    document.stages[2].automatic = { transition: 'expire' }
    expectProblem(assert, document, '$.stages[2].automatic.after', 'missing_property')
  })

  test('requires the automatic transition to exist', ({ assert }) => {
    const document = mutable(PURCHASE_REQUEST)
    document.stages[2].automatic = { after: '1w', transition: 'timeout' }
    const problem = expectProblem(
      assert,
      document,
      '$.stages[2].automatic.transition',
      'unknown_transition'
    )
    assert.include(problem.message, '"timeout"')
  })

  test('requires the automatic transition to leave its stage', ({ assert }) => {
    const document = mutable(PURCHASE_REQUEST)
    document.stages[2].automatic = { after: '1w', transition: 'approve' }
    const problem = expectProblem(
      assert,
      document,
      '$.stages[2].automatic.transition',
      'transition_not_from_stage'
    )
    assert.include(problem.message, 'finance_review')
  })

  test('requires the escalation transition to leave its stage', ({ assert }) => {
    const document = mutable(PURCHASE_REQUEST)
    document.stages[2].escalation = { transition: 'submit' }
    expectProblem(
      assert,
      document,
      '$.stages[2].escalation.transition',
      'transition_not_from_stage'
    )
  })

  test('rejects an escalation that does nothing', ({ assert }) => {
    const document = mutable(PURCHASE_REQUEST)
    document.stages[1].escalation = {}
    expectProblem(assert, document, '$.stages[1].escalation', 'empty_escalation')
  })

  test('rejects an escalation without SLA', ({ assert }) => {
    const document = mutable(PURCHASE_REQUEST)
    delete document.stages[1].sla
    const problem = expectProblem(
      assert,
      document,
      '$.stages[1].escalation',
      'escalation_without_sla'
    )
    assert.include(problem.message, 'manager_review')
  })

  test('validates escalation roles and users', ({ assert }) => {
    const document = mutable(PURCHASE_REQUEST)
    document.stages[1].escalation = { reassignRole: 'chief', reassignUser: 'cfo' }
    expectProblem(assert, document, '$.stages[1].escalation.reassignRole', 'invalid_role')
    expectProblem(assert, document, '$.stages[1].escalation.reassignUser', 'invalid_email')
  })
})

test.group('Verifier | graph', () => {
  test('rejects stages unreachable from the start', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages.push({ key: 'ON_HOLD', name: 'On hold', type: 'task' })
    document.transitions.push({ key: 'abandon', from: 'ON_HOLD', to: 'CANCELED' })
    const problem = expectProblem(assert, document, '$.stages[10]', 'unreachable_stage')
    assert.include(problem.message, 'ON_HOLD')
    assert.deepEqual(codesOf(document), ['unreachable_stage'])
  })

  test('rejects non-end stages that nothing leaves', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.transitions.splice(8, 1) // deliver: SHIPPED → DELIVERED
    const problem = expectProblem(assert, document, '$.stages[7]', 'dead_end_stage')
    assert.include(problem.message, 'SHIPPED')
    expectProblem(assert, document, '$.stages[8]', 'unreachable_stage')
  })

  test('rejects cycles with no way out', ({ assert }) => {
    const document = mutable(MINIMAL)
    document.stages.push(
      { key: 'ping', name: 'Ping', type: 'task' },
      { key: 'pong', name: 'Pong', type: 'task' }
    )
    document.transitions.push(
      { key: 'start_rally', from: 'open', to: 'ping' },
      { key: 'to_pong', from: 'ping', to: 'pong' },
      { key: 'to_ping', from: 'pong', to: 'ping' }
    )
    const result = verifyDefinition(document)
    assert.deepEqual(
      result.problems.map((problem) => [problem.path, problem.code]),
      [
        ['$.stages[2]', 'no_path_to_end'],
        ['$.stages[3]', 'no_path_to_end'],
      ]
    )
    assert.deepEqual(result.outcomes.ping, [])
    assert.deepEqual(result.outcomes.open, ['completed'])
  })
})

test.group('Verifier | reporting', () => {
  test('reports every problem at once', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.key = 'Bad Key'
    document.stages[5].key = 'SHIPPED' // stage #8 becomes the duplicate
    document.stages[1].sla = 'soon'
    document.stages[6].fields![1].type = 'dropdown'
    document.transitions[3].roles = ['guest']
    document.transitions[8].to = 'LOST'
    const pairs = verifyDefinition(document).problems.map((problem) => [problem.path, problem.code])
    for (const expected of [
      ['$.key', 'invalid_key'],
      ['$.stages[7].key', 'duplicate_stage_key'],
      ['$.stages[1].sla', 'invalid_duration'],
      ['$.stages[6].fields[1].type', 'invalid_field_type'],
      ['$.transitions[3].roles[0]', 'invalid_role'],
      ['$.transitions[8].to', 'unknown_stage'],
    ]) {
      assert.deepInclude(pairs, expected)
    }
  })

  test('every message is a sentence', ({ assert }) => {
    const document = mutable(ORDER_FULFILMENT)
    document.stages[3].assignee = { role: 'boss', user: 'x' }
    document.transitions[2].requires = ['nothing']
    const problems = verifyDefinition(document).problems
    assert.isAbove(problems.length, 2)
    for (const problem of problems) assert.match(problem.message, /^[A-Z].*\.$/)
  })

  test('never throws and keeps its promises on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (input) => {
        const result = verifyDefinition(input)
        if (result.valid !== (result.problems.length === 0)) return false
        if (result.valid !== (result.definition !== undefined)) return false
        return result.problems.every((problem) => problem.path.startsWith('$'))
      })
    )
  })

  test('never throws on damaged versions of a valid definition', () => {
    // Replace one node somewhere in the document with an arbitrary value.
    const paths = collectPaths(ORDER_FULFILMENT)
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const document = structuredClone(ORDER_FULFILMENT) as unknown
        setAt(document, path, value)
        const result = verifyDefinition(document)
        return result.valid === (result.problems.length === 0)
      })
    )
  })
})

test.group('Verifier | random graphs', () => {
  test('flags exactly the unreachable and stuck stages', ({ assert }) => {
    const graph = fc.integer({ min: 2, max: 7 }).chain((size) =>
      fc.record({
        size: fc.constant(size),
        // Stage 0 is the start; at least one other stage is an end.
        ends: fc.uniqueArray(fc.integer({ min: 1, max: size - 1 }), { minLength: 1 }),
        edges: fc.uniqueArray(
          fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: size - 1 })),
          { maxLength: size * 2, selector: ([from, to]) => `${from}>${to}` }
        ),
      })
    )

    fc.assert(
      fc.property(graph, ({ size, ends, edges }) => {
        const isEnd = (index: number) => ends.includes(index)
        const usable = edges.filter(([from]) => !isEnd(from))
        const document = {
          key: 'random',
          name: 'Random',
          stages: Array.from({ length: size }, (_, index) => ({
            key: `s${index}`,
            name: `Stage ${index}`,
            type: index === 0 ? 'start' : isEnd(index) ? 'end' : 'task',
            ...(isEnd(index) ? { outcome: index % 2 === 0 ? 'completed' : 'failed' } : {}),
          })),
          transitions: usable.map(([from, to], index) => ({
            key: `t${index}`,
            from: `s${from}`,
            to: `s${to}`,
          })),
        }

        // Oracle: transitive closure by Warshall's algorithm.
        const reach = Array.from({ length: size }, (_row, row) =>
          Array.from({ length: size }, (_column, column) => row === column)
        )
        for (const [from, to] of usable) reach[from][to] = true
        for (let k = 0; k < size; k++)
          for (let i = 0; i < size; i++)
            for (let j = 0; j < size; j++) if (reach[i][k] && reach[k][j]) reach[i][j] = true

        const result = verifyDefinition(document)
        const flagged = (code: ProblemCode) =>
          result.problems
            .filter((problem) => problem.code === code)
            .map((problem) => problem.path)
            .sort()
        const indices = Array.from({ length: size }, (_, index) => index)
        const expectedUnreachable = indices.filter((index) => !reach[0][index])
        const stuck = indices.filter((index) => !ends.some((end) => reach[index][end]))
        const hasExit = (index: number) => usable.some(([from]) => from === index)

        assert.deepEqual(
          flagged('unreachable_stage'),
          expectedUnreachable.map((i) => `$.stages[${i}]`).sort()
        )
        assert.deepEqual(
          flagged('dead_end_stage'),
          stuck
            .filter((i) => !hasExit(i))
            .map((i) => `$.stages[${i}]`)
            .sort()
        )
        assert.deepEqual(
          flagged('no_path_to_end'),
          stuck
            .filter(hasExit)
            .map((i) => `$.stages[${i}]`)
            .sort()
        )
        assert.equal(result.valid, expectedUnreachable.length === 0 && stuck.length === 0)
        for (const index of indices) {
          const expected = [
            ...new Set(
              ends
                .filter((end) => reach[index][end])
                .map((end) => (end % 2 === 0 ? 'completed' : 'failed'))
            ),
          ].sort()
          assert.deepEqual(result.outcomes[`s${index}`], expected)
        }
      })
    )
  })
})

type PathStep = string | number

function collectPaths(value: unknown, prefix: PathStep[] = []): PathStep[][] {
  const paths: PathStep[][] = prefix.length > 0 ? [prefix] : []
  if (Array.isArray(value)) {
    value.forEach((item, index) => paths.push(...collectPaths(item, [...prefix, index])))
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      paths.push(...collectPaths(item, [...prefix, key]))
    }
  }
  return paths
}

function setAt(root: unknown, path: PathStep[], value: unknown): void {
  let current = root as Record<PathStep, unknown>
  for (const step of path.slice(0, -1)) current = current[step] as Record<PathStep, unknown>
  current[path[path.length - 1]] = value
}
