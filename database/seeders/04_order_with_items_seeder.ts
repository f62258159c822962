import { readFileSync } from 'node:fs'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import app from '@adonisjs/core/services/app'
import type { WorkflowDefinition } from '#engine/definition'
import User from '#models/user'
import Workflow from '#models/workflow'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import PublishWorkflow from '#actions/workflows/publish_workflow'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'

const load = (name: string) =>
  JSON.parse(
    readFileSync(app.makePath(`database/definitions/${name}.json`), 'utf8')
  ) as WorkflowDefinition

/**
 * Sub-processes: "Order with line items" starts one "Shipment" child per
 * item when it enters Shipping and completes when all are delivered
 * (database/definitions/order_with_items.json, shipment.json). The child
 * workflow is published first (the parent's publish checks it). Two orders
 * are sent to Shipping; the workers start their shipments.
 */
export default class OrderWithItemsSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    const admin = await User.findBy('email', 'admin@stageflow.test')
    if (!admin) return
    const order = load('order_with_items')
    if (await Workflow.findBy('key', order.key)) return
    for (const document of [load('shipment'), order]) {
      const { workflow } = await new SaveWorkflowDraft().handle({ document, actor: admin })
      await new PublishWorkflow().handle({ workflow, actor: admin })
    }
    const orders = [
      {
        customer: 'Acme GmbH',
        items: [
          { sku: 'CHAIR-01', qty: 4 },
          { sku: 'DESK-02', qty: 2 },
          { sku: 'LAMP-07', qty: 4 },
        ],
      },
      {
        customer: 'Globex',
        items: [
          { sku: 'SCREEN-27', qty: 10 },
          { sku: 'DOCK-USB', qty: 10 },
        ],
      },
    ]
    for (const data of orders) {
      const { process } = await new StartProcess().handle({
        workflowKey: order.key,
        title: `Order for ${data.customer}`,
        data,
        actor: admin,
      })
      await new TransitionProcess().handle({
        process,
        transition: 'ship',
        expectedVersion: process.version,
        actor: admin,
      })
    }
    if (!app.inTest)
      console.log(`  seeded ${order.name} (2 orders; shipments start on the workers)`)
  }
}
