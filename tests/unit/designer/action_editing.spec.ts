import { test } from '@japa/runner'
import type { ActionDefinition, WorkflowDefinition } from '#engine/definition'
import { verifyDefinition } from '#engine/verifier'
import {
  fromDefinition,
  toDocument,
  updateStage,
  updateTransition,
} from '../../../resources/js/components/workflows/designer_state.ts'
import { indexProblems } from '../../../resources/js/components/workflows/problem_index.ts'
import {
  changeType,
  moveItem,
  newAction,
  parseJsonText,
  patchObject,
  templateVariables,
} from '../../../resources/js/components/workflows/actions/action_model.ts'

const automated = (): WorkflowDefinition => ({
  key: 'refunds',
  name: 'Refunds',
  stages: [
    {
      key: 'request',
      name: 'Request',
      type: 'start',
      fields: [{ key: 'amount', label: 'Amount', type: 'number' }],
      actions: [
        {
          key: 'reserve',
          type: 'http',
          method: 'POST',
          url: 'https://pay.example.com/reserve/{{process.reference}}',
          headers: { Authorization: 'Bearer {{secret.PAY_TOKEN}}' },
          body: { amount: '{{data.amount}}', key: '{{idempotencyKey}}' },
          attempts: 3,
          backoff: '1s',
          timeout: '10s',
          deadline: '5m',
          compensation: {
            method: 'DELETE',
            url: 'https://pay.example.com/reserve/{{steps.reserve.id}}',
          },
          onFailure: 'reject',
        },
        { key: 'copy', type: 'set_data', data: { amount: '{{steps.reserve.amount}}' } },
      ],
    },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
    { key: 'rejected', name: 'Rejected', type: 'end', outcome: 'cancelled' },
  ],
  transitions: [
    {
      key: 'approve',
      from: 'request',
      to: 'done',
      actions: [
        {
          key: 'tell',
          type: 'notify',
          notify: { role: 'admin', message: 'Refund {{process.reference}}' },
        },
      ],
    },
    { key: 'reject', from: 'request', to: 'rejected' },
  ],
})

const stageActions = (definition: unknown) =>
  ((definition as WorkflowDefinition).stages[0]!.actions ?? []) as ActionDefinition[]

test.group('Designer | editing actions', () => {
  test('actions survive opening and saving unchanged, byte for byte', ({ assert }) => {
    const definition = automated()
    const saved = toDocument(fromDefinition(definition))
    assert.deepEqual(saved, definition as never)
    assert.equal(JSON.stringify(stageActions(saved)), JSON.stringify(stageActions(definition)))
    assert.equal(
      JSON.stringify((saved.transitions as object[])[0]),
      JSON.stringify(definition.transitions[0])
    )
  })

  test('an edit changes only what it touches; emptied inputs remove their property', ({
    assert,
  }) => {
    const definition = automated()
    const [reserve, copy] = stageActions(definition)
    const edited = patchObject(reserve!, { url: 'https://other.example.com', deadline: '' })
    let doc = fromDefinition(definition)
    doc = updateStage(doc, 0, { actions: [edited, copy!] })
    const saved = stageActions(toDocument(doc))
    assert.equal((saved[0] as { url: string }).url, 'https://other.example.com')
    assert.notProperty(saved[0]!, 'deadline')
    assert.deepEqual(Object.keys(saved[0]!).slice(0, 4), ['key', 'type', 'method', 'url'])
    assert.deepEqual(saved[1], copy)
    doc = updateTransition(doc, 0, { actions: undefined })
    assert.notProperty((toDocument(doc).transitions as object[])[0]!, 'actions')
  })

  test('new actions verify once filled in; a type change keeps the common properties', ({
    assert,
  }) => {
    const http = newAction('http', ['http_1'])
    assert.equal(http.key, 'http_2')
    const notify = changeType({ ...http, deadline: '1m', onSuccess: 'approve' }, 'notify')
    assert.deepEqual(notify, {
      key: 'http_2',
      deadline: '1m',
      onSuccess: 'approve',
      type: 'notify',
      notify: { message: '' },
    } as never)
    const definition = automated()
    definition.stages[0]!.actions!.push({
      ...newAction('transition', []),
      transition: 'approve',
    } as ActionDefinition)
    assert.deepEqual(verifyDefinition(definition).problems, [])
    assert.deepEqual(moveItem(['a', 'b', 'c'], 0, 1), ['b', 'a', 'c'])
    assert.deepEqual(moveItem(['a', 'b'], 1, 1), ['a', 'b'])
  })

  test('bodies are checked as JSON; secrets are offered only for headers', ({ assert }) => {
    assert.deepEqual(parseJsonText(' {"a": 1} '), { ok: true, value: { a: 1 } })
    assert.deepEqual(parseJsonText('  '), { ok: true, value: undefined })
    assert.isFalse(parseJsonText('{"a":').ok)
    const body = templateVariables({ fields: ['amount'], steps: ['reserve'], secrets: false })
    assert.include(body, '{{data.amount}}')
    assert.include(body, '{{steps.reserve.<path>}}')
    assert.include(body, '{{idempotencyKey}}')
    assert.notInclude(body, '{{secret.NAME}}')
    assert.include(templateVariables({ fields: [], steps: [], secrets: true }), '{{secret.NAME}}')
  })

  test('problems about actions go to the action inputs of stages and transitions', ({ assert }) => {
    const index = indexProblems([
      { path: '$.stages[0].actions[1].url', message: 'a' },
      { path: '$.stages[0].actions[0].compensation.url', message: 'b' },
      { path: '$.stages[0].actions', message: 'c' },
      { path: '$.transitions[2].actions[0].notify.message', message: 'd' },
      { path: '$.transitions[2].actions[1]', message: 'e' },
    ])
    assert.deepEqual(
      [...index.stage.get(0)!.keys()],
      ['actions.1.url', 'actions.0.compensation.url', 'actions']
    )
    assert.deepEqual(
      [...index.transition.get(2)!.keys()],
      ['actions.0.notify.message', 'actions.1']
    )
  })
})
