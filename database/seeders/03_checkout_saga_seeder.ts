import { readFileSync } from 'node:fs'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import app from '@adonisjs/core/services/app'
import type { WorkflowDefinition } from '#engine/definition'
import User from '#models/user'
import Workflow from '#models/workflow'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import PublishWorkflow from '#actions/workflows/publish_workflow'
import { DefinitionRejected } from '#exceptions/process_errors'

/**
 * The checkout saga (database/definitions/checkout_saga.json): reserve
 * stock → charge payment → ship, with compensations. Published without
 * processes: each one calls the stock, payment and shipping services at
 * http://127.0.0.1:4010 (edit the URLs in the designer to point at real
 * ones; the secret PAYMENT_API_KEY comes from STAGEFLOW_SECRET_PAYMENT_API_KEY).
 * The egress guard refuses loopback unless AUTOMATION_ALLOWED_HOSTS lists
 * 127.0.0.1:4010 (as .env.example does); without it the demo is skipped.
 */
export default class CheckoutSagaSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    const admin = await User.findBy('email', 'admin@stageflow.test')
    if (!admin) return
    const document = JSON.parse(
      readFileSync(app.makePath('database/definitions/checkout_saga.json'), 'utf8')
    ) as WorkflowDefinition
    if (await Workflow.findBy('key', document.key)) return
    try {
      const { workflow } = await new SaveWorkflowDraft().handle({ document, actor: admin })
      await new PublishWorkflow().handle({ workflow, actor: admin })
    } catch (error) {
      if (!(error instanceof DefinitionRejected)) throw error
      const why = error.fieldErrors?.map((f) => f.message).join(' ')
      console.log(`  skipped ${document.name}: ${why}`)
      return
    }
    if (!app.inTest) console.log(`  seeded ${document.name} (no processes: it calls out)`)
  }
}
