import { test } from '@japa/runner'
import type { WorkflowDefinition } from '#engine/definition'
import { verifyDefinition } from '#engine/verifier'
import {
  approvalToDocument,
  blankApproval,
  blankChildren,
  fromDefinition,
  newColumn,
  toDocument,
  updateColumn,
  updateStage,
  updateTransition,
} from '../../../resources/js/components/workflows/designer_state.ts'
import { indexProblems } from '../../../resources/js/components/workflows/problem_index.ts'

const purchase = (): WorkflowDefinition => ({
  key: 'purchase',
  name: 'Purchase',
  stages: [
    {
      key: 'request',
      name: 'Request',
      type: 'start',
      fields: [
        {
          key: 'items',
          label: 'Items',
          type: 'list',
          fields: [
            { key: 'sku', label: 'SKU', type: 'text', required: true },
            { key: 'qty', label: 'Quantity', type: 'number', rules: { min: 1 } },
          ],
        },
      ],
    },
    {
      key: 'approve',
      name: 'Approve',
      type: 'task',
      sla: '2 working days',
      assignee: { team: 'finance', strategy: 'round_robin' },
      approval: {
        from: { team: 'finance' },
        policy: { quorum: 2 },
        approve: 'ok',
        reject: 'no',
        rejectPolicy: 'majority',
        fourEyes: false,
      },
    },
    { key: 'waiting', name: 'Waiting on customer', type: 'task', slaClock: 'paused' },
    {
      key: 'ship',
      name: 'Ship',
      type: 'task',
      children: {
        workflow: 'shipment',
        forEach: 'data.items',
        title: 'item.sku',
        data: { sku: 'item.sku' },
        wait: { quorum: 1 },
        onComplete: 'shipped',
        onChildFailure: 'ignore',
        collect: 'items',
      },
    },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
    { key: 'refused', name: 'Refused', type: 'end', outcome: 'cancelled' },
  ],
  transitions: [
    { key: 'submit', from: 'request', to: 'approve' },
    { key: 'ok', from: 'approve', to: 'waiting', teams: ['finance'] },
    { key: 'no', from: 'approve', to: 'refused' },
    { key: 'answered', from: 'waiting', to: 'ship' },
    { key: 'shipped', from: 'ship', to: 'done' },
  ],
})

test.group('Designer | teams, approvals, children and list columns', () => {
  test('a definition with them survives the editor unchanged', ({ assert }) => {
    const definition = purchase()
    const document = toDocument(fromDefinition(definition))
    assert.deepEqual(document, JSON.parse(JSON.stringify(definition)))
    assert.isTrue(verifyDefinition(document).valid)
  })

  test('renaming a transition follows into approve/reject and onComplete', ({ assert }) => {
    let doc = fromDefinition(purchase())
    doc = updateTransition(doc, 1, { key: 'approved' })
    doc = updateTransition(doc, 4, { key: 'all_shipped' })
    const stages = toDocument(doc).stages as any[]
    assert.equal(stages[1].approval.approve, 'approved')
    assert.equal(stages[3].children.onComplete, 'all_shipped')
  })

  test('a new approval picks the team assignee and the leaving transitions', ({ assert }) => {
    const doc = fromDefinition(purchase())
    const approval = blankApproval(doc.stages[1]!, doc.transitions)
    assert.deepEqual(approvalToDocument(approval), {
      from: { team: 'finance' },
      policy: 'any',
      approve: 'ok',
      reject: 'no',
    })
    const children = blankChildren(doc.stages[3]!, doc.transitions)
    assert.equal(children.onComplete, 'shipped')
  })

  test('an empty team drops the strategy; a typed quorum reaches the verifier', ({ assert }) => {
    let doc = fromDefinition(purchase())
    doc = updateStage(doc, 1, { assigneeTeam: '', assigneeStrategy: '' })
    doc = updateStage(doc, 1, { approval: { ...doc.stages[1]!.approval!, quorum: 'two' } })
    const document = toDocument(doc)
    const stage = (document.stages as any[])[1]
    assert.notProperty(stage, 'assignee')
    const problems = verifyDefinition(document).problems
    assert.includeMembers(
      problems.map((p) => p.path),
      ['$.stages[1].approval.policy']
    )
  })

  test('list columns: a new column gets a unique key that follows its label', ({ assert }) => {
    const columns = fromDefinition(purchase()).stages[0]!.fields[0]!.columns!
    const added = [...columns, newColumn(columns)]
    const renamed = updateColumn(added, 2, { label: 'Unit price' })
    assert.equal(renamed[2]!.key, 'unit_price')
    assert.equal(newColumn([...columns, { ...columns[0]!, key: 'column' }]).key, 'column_2')
  })

  test('problems land next to the new controls', ({ assert }) => {
    const index = indexProblems([
      { path: '$.stages[1].approval.from.team', message: 'x' },
      { path: '$.stages[1].assignee.strategy', message: 'x' },
      { path: '$.stages[1].escalation.reassignTeam', message: 'x' },
      { path: '$.stages[3].children.data.sku', message: 'x' },
      { path: '$.stages[0].fields[0].fields[1].key', message: 'x' },
      { path: '$.stages[0].fields[0].fields', message: 'x' },
    ])
    assert.deepEqual(
      [...index.stage.get(1)!.keys()],
      ['approval.from', 'assignee.strategy', 'escalation.reassignTeam']
    )
    assert.deepEqual([...index.stage.get(3)!.keys()], ['children.data'])
    assert.deepEqual([...index.field.get('0.0')!.keys()], ['fields.1.key', 'fields'])
  })
})
