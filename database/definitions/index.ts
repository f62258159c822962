import { readFileSync } from 'node:fs'
import type { WorkflowDefinition } from '#engine/definition'

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')) as WorkflowDefinition

/**
 * The demo workflows of the quick start; tests use them too.
 */
export const DEMO_DEFINITIONS = {
  orderFulfilment: load('order_fulfilment'),
  purchaseApproval: load('purchase_approval'),
  // Before onboarding: its preparation stage starts one onboarding task per department.
  onboardingTask: load('onboarding_task'),
  employeeOnboarding: load('employee_onboarding'),
  supportTicket: load('support_ticket'),
}
