/**
 * Workflow definitions shared by the engine tests. All of them are valid;
 * tests that need a broken definition clone one and damage it.
 */
import type { WorkflowDefinition } from '#engine/definition'

/**
 * The order fulfilment state machine:
 * INITIATED → INVENTORY_RESERVING → (INVENTORY_RESERVED | CANCELED);
 * INVENTORY_RESERVED → PAYMENT_PROCESSING → (PAYMENT_APPROVED | REVERTING_RESERVATION);
 * PAYMENT_APPROVED → PREPARING_SHIPMENT → SHIPPED → DELIVERED;
 * REVERTING_RESERVATION → CANCELED.
 */
export const ORDER_FULFILMENT: WorkflowDefinition = {
  key: 'order-fulfilment',
  name: 'Order fulfilment',
  description: 'From a placed order to a delivered parcel.',
  stages: [
    { key: 'INITIATED', name: 'Initiated', type: 'start' },
    { key: 'INVENTORY_RESERVING', name: 'Reserving inventory', type: 'task', sla: '2h' },
    { key: 'INVENTORY_RESERVED', name: 'Inventory reserved', type: 'task' },
    {
      key: 'PAYMENT_PROCESSING',
      name: 'Processing payment',
      type: 'task',
      sla: '30m',
      assignee: { role: 'manager' },
      fields: [{ key: 'payment_reference', label: 'Payment reference', type: 'text' }],
    },
    { key: 'PAYMENT_APPROVED', name: 'Payment approved', type: 'task' },
    { key: 'REVERTING_RESERVATION', name: 'Reverting reservation', type: 'task', sla: '1d' },
    {
      key: 'PREPARING_SHIPMENT',
      name: 'Preparing shipment',
      type: 'task',
      sla: '2d',
      fields: [
        { key: 'tracking_number', label: 'Tracking number', type: 'text', required: true },
        { key: 'carrier', label: 'Carrier', type: 'select', options: ['dhl', 'ups', 'fedex'] },
      ],
    },
    { key: 'SHIPPED', name: 'Shipped', type: 'task', sla: '1w' },
    { key: 'DELIVERED', name: 'Delivered', type: 'end', outcome: 'completed' },
    { key: 'CANCELED', name: 'Canceled', type: 'end', outcome: 'cancelled' },
  ],
  transitions: [
    { key: 'reserve_inventory', from: 'INITIATED', to: 'INVENTORY_RESERVING' },
    { key: 'inventory_reserved', from: 'INVENTORY_RESERVING', to: 'INVENTORY_RESERVED' },
    { key: 'inventory_unavailable', from: 'INVENTORY_RESERVING', to: 'CANCELED' },
    { key: 'process_payment', from: 'INVENTORY_RESERVED', to: 'PAYMENT_PROCESSING' },
    {
      key: 'approve_payment',
      from: 'PAYMENT_PROCESSING',
      to: 'PAYMENT_APPROVED',
      label: 'Approve payment',
      roles: ['manager'],
      requires: ['payment_reference'],
    },
    {
      key: 'decline_payment',
      from: 'PAYMENT_PROCESSING',
      to: 'REVERTING_RESERVATION',
      roles: ['manager'],
    },
    { key: 'prepare_shipment', from: 'PAYMENT_APPROVED', to: 'PREPARING_SHIPMENT' },
    {
      key: 'ship',
      from: 'PREPARING_SHIPMENT',
      to: 'SHIPPED',
      requires: ['tracking_number', 'carrier'],
    },
    { key: 'deliver', from: 'SHIPPED', to: 'DELIVERED' },
    { key: 'release_reservation', from: 'REVERTING_RESERVATION', to: 'CANCELED' },
  ],
}

/**
 * A purchase approval flow exercising the rest of the model: a loop back
 * into the start stage, three outcomes, every field type, admin-only and
 * automatic transitions, assignees and escalation.
 */
export const PURCHASE_REQUEST: WorkflowDefinition = {
  key: 'purchase-request',
  name: 'Purchase request',
  stages: [
    {
      key: 'draft',
      name: 'Draft',
      type: 'start',
      fields: [
        { key: 'amount', label: 'Amount', type: 'number', required: true },
        { key: 'justification', label: 'Justification', type: 'text', required: true },
        {
          key: 'category',
          label: 'Category',
          type: 'select',
          options: ['hardware', 'software', 'services'],
        },
        { key: 'needed_by', label: 'Needed by', type: 'date' },
      ],
    },
    {
      key: 'manager_review',
      name: 'Manager review',
      type: 'task',
      sla: '2d',
      assignee: { role: 'manager' },
      escalation: { reassignRole: 'admin' },
    },
    {
      key: 'finance_review',
      name: 'Finance review',
      type: 'task',
      sla: '3d',
      assignee: { user: 'finance@example.com' },
      fields: [{ key: 'budget_code', label: 'Budget code', type: 'text' }],
      automatic: { after: '1w', transition: 'expire' },
      escalation: { reassignUser: 'cfo@example.com', transition: 'expire' },
    },
    {
      key: 'ordering',
      name: 'Ordering',
      type: 'task',
      fields: [
        { key: 'supplier_contact', label: 'Supplier contact', type: 'user' },
        { key: 'delivered', label: 'Delivered', type: 'boolean' },
      ],
    },
    { key: 'received', name: 'Received', type: 'end', outcome: 'completed' },
    { key: 'rejected', name: 'Rejected', type: 'end', outcome: 'failed' },
    { key: 'expired', name: 'Expired', type: 'end', outcome: 'cancelled' },
    { key: 'withdrawn', name: 'Withdrawn', type: 'end', outcome: 'cancelled' },
  ],
  transitions: [
    {
      key: 'submit',
      from: 'draft',
      to: 'manager_review',
      requires: ['amount', 'justification'],
    },
    { key: 'withdraw', from: 'draft', to: 'withdrawn' },
    { key: 'approve', from: 'manager_review', to: 'finance_review', roles: ['manager'] },
    { key: 'request_changes', from: 'manager_review', to: 'draft', roles: ['manager'] },
    { key: 'reject', from: 'manager_review', to: 'rejected', roles: ['manager'] },
    {
      key: 'fund',
      from: 'finance_review',
      to: 'ordering',
      roles: ['manager'],
      requires: ['budget_code'],
    },
    // Admins (and the system, for the automatic transition) only.
    { key: 'expire', from: 'finance_review', to: 'expired', roles: [] },
    { key: 'receive', from: 'ordering', to: 'received', requires: ['delivered'] },
  ],
}

/** The smallest valid workflow. */
export const MINIMAL: WorkflowDefinition = {
  key: 'minimal',
  name: 'Minimal',
  stages: [
    { key: 'open', name: 'Open', type: 'start' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [{ key: 'finish', from: 'open', to: 'done' }],
}

/**
 * A deep copy of a fixture, typed loosely enough for tests to damage it
 * (the verifier takes `unknown` anyway).
 */
export function mutable(definition: WorkflowDefinition): MutableDocument {
  return structuredClone(definition) as unknown as MutableDocument
}

export type MutableDocument = {
  [key: string]: unknown
  stages: MutableObject[]
  transitions: MutableObject[]
}

export type MutableObject = {
  [key: string]: unknown
  fields?: MutableObject[]
}
