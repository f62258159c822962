import type { ChildWait, WorkflowDefinition } from '#engine/definition'
import type User from '#models/user'
import Process from '#models/process'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'

/** A child workflow: one shipment, delivered (completed) or lost (failed). */
export function shipmentDefinition(key = 'shipment'): WorkflowDefinition {
  return {
    key,
    name: 'Shipment',
    stages: [
      {
        key: 'preparing',
        name: 'Preparing',
        type: 'start',
        fields: [
          { key: 'sku', label: 'SKU', type: 'text' },
          { key: 'qty', label: 'Quantity', type: 'number' },
          { key: 'tracking', label: 'Tracking', type: 'text' },
        ],
      },
      { key: 'delivered', name: 'Delivered', type: 'end', outcome: 'completed' },
      { key: 'lost', name: 'Lost', type: 'end', outcome: 'failed' },
    ],
    transitions: [
      { key: 'deliver', from: 'preparing', to: 'delivered', label: 'Deliver' },
      { key: 'lose', from: 'preparing', to: 'lost', label: 'Lose' },
    ],
  }
}

/** A parent: its items fan out to one shipment each; waits, then completes or needs a look. */
export function orderDefinition(
  options: { wait?: ChildWait; onChildFailure?: string; child?: string; key?: string } = {}
): WorkflowDefinition {
  return {
    key: options.key ?? 'order-items',
    name: 'Order with line items',
    stages: [
      {
        key: 'draft',
        name: 'Draft',
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
        key: 'shipping',
        name: 'Shipping',
        type: 'task',
        fields: [
          {
            key: 'deliveries',
            label: 'Deliveries',
            type: 'list',
            fields: [
              { key: 'sku', label: 'SKU', type: 'text' },
              { key: 'tracking', label: 'Tracking', type: 'text' },
            ],
          },
        ],
        children: {
          workflow: options.child ?? 'shipment',
          forEach: 'data.items',
          title: '"Ship " + item.sku',
          data: { sku: 'item.sku', qty: 'item.qty' },
          wait: options.wait ?? 'all',
          onComplete: 'shipped',
          ...(options.onChildFailure ? { onChildFailure: options.onChildFailure } : {}),
          collect: 'deliveries',
        },
      },
      { key: 'problem', name: 'Problem', type: 'task' },
      { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
      { key: 'dropped', name: 'Dropped', type: 'end', outcome: 'cancelled' },
    ],
    transitions: [
      { key: 'ship', from: 'draft', to: 'shipping', label: 'Ship' },
      { key: 'shipped', from: 'shipping', to: 'done', label: 'Shipped' },
      { key: 'trouble', from: 'shipping', to: 'problem', label: 'Trouble' },
      { key: 'drop', from: 'problem', to: 'dropped', label: 'Drop' },
    ],
  }
}

export const items = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ sku: `SKU-${i + 1}`, qty: i + 1 }))

/** Starts an order with `count` items and sends it to shipping. */
export async function shipOrder(actor: User, count: number, workflowKey = 'order-items') {
  const { process } = await new StartProcess().handle({
    workflowKey,
    title: `Order of ${count}`,
    data: { items: items(count) },
    actor,
  })
  const { process: moved } = await new TransitionProcess().handle({
    process,
    transition: 'ship',
    expectedVersion: process.version,
    actor: { id: actor.id, role: actor.role as 'admin' },
  })
  return moved
}

export function childrenOf(parentId: number) {
  return Process.query().where('parent_id', parentId).orderBy('parent_index')
}

/** Takes `transition` on a child as `actor`, with optional data. */
export async function finishChild(
  child: Process,
  actor: User,
  transition: 'deliver' | 'lose',
  data?: Record<string, unknown>
) {
  const fresh = await Process.findOrFail(child.id)
  await new TransitionProcess().handle({
    process: fresh,
    transition,
    expectedVersion: fresh.version,
    data,
    actor: { id: actor.id, role: actor.role as 'admin' },
  })
}
