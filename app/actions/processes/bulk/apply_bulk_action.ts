import type { WorkflowDefinition } from '#engine/definition'
import Process from '#models/process'
import type User from '#models/user'
import type BulkOperation from '#models/bulk_operation'
import type { BulkOutcome } from '#models/bulk_operation'
import { DomainError } from '#exceptions/domain_error'
import { VersionConflict } from '#exceptions/process_errors'
import { definitionOf } from '#support/definitions'
import TransitionProcess from '#actions/processes/transition_process'
import AssignProcess from '#actions/processes/assign_process'
import CancelProcess from '#actions/processes/cancel_process'
import { judge, type BulkPlan } from '#actions/processes/bulk/judge'
import { hiddenWorkflowIds } from '#support/access/workflow_access'

export type ItemResult = {
  outcome: Exclude<BulkOutcome, 'pending'>
  code: string | null
  message: string | null
}

/** The idempotency key of one process's change in one bulk operation. */
export const bulkKey = (operationId: number, processId: number) =>
  `bulk:${operationId}:${processId}`

/**
 * Applies a bulk operation to one process through the engine's normal
 * commands (their own transaction, optimistic locking, event + outbox),
 * as the person who asked and with the key `bulk:<op>:<process>`, so a
 * retried job never applies it twice. A version conflict is judged again
 * on a fresh read and retried once; a second one is reported as failed.
 */
export default class ApplyBulkAction {
  async handle(params: {
    operation: BulkOperation
    process: Process
    actor: User
    definition: WorkflowDefinition
  }): Promise<ItemResult> {
    const { operation, actor } = params
    const plan: BulkPlan = {
      action: operation.action,
      parameters: operation.parameters,
      actor,
      unworkable: await hiddenWorkflowIds(actor, 'work'),
    }
    const key = bulkKey(operation.id, params.process.id)
    let process = params.process
    let definition = params.definition

    for (let attempt = 1; ; attempt++) {
      const verdict = judge(process, plan, definition)
      if (!verdict.ok) return { outcome: 'refused', code: verdict.code, message: verdict.detail }
      try {
        await this.run(plan, process, key, operation.id)
        return { outcome: 'succeeded', code: null, message: null }
      } catch (error) {
        if (error instanceof VersionConflict && attempt === 1) {
          process = await Process.findOrFail(process.id)
          definition = await definitionOf(process.workflowVersionId)
          continue
        }
        if (error instanceof VersionConflict) {
          return { outcome: 'failed', code: 'version_conflict', message: error.message }
        }
        if (error instanceof DomainError && error.status === 422) {
          return { outcome: 'refused', code: error.code ?? 'invalid', message: error.message }
        }
        return {
          outcome: 'failed',
          code: 'error',
          message: ((error as Error).message ?? String(error)).slice(0, 1000),
        }
      }
    }
  }

  protected run(plan: BulkPlan, process: Process, idempotencyKey: string, operationId: number) {
    const base = {
      process,
      expectedVersion: process.version,
      idempotencyKey,
      origin: { bulkOperationId: operationId },
    }
    switch (plan.action) {
      case 'transition':
        return new TransitionProcess().handle({
          ...base,
          transition: plan.parameters.transition!,
          actor: { id: plan.actor.id, role: plan.actor.role },
        })
      case 'assign':
        return new AssignProcess().handle({
          ...base,
          assigneeId: plan.parameters.assigneeId ?? null,
          actorId: plan.actor.id,
        })
      case 'cancel':
        return new CancelProcess().handle({
          ...base,
          reason: plan.parameters.reason ?? null,
          actorId: plan.actor.id,
        })
    }
  }
}
