import type { DateTime } from 'luxon'
import { BaseTransformer } from '@adonisjs/core/transformers'
import type { WorkflowDefinition } from '#engine/definition'
import { stageOf } from '#engine/state_machine'
import type Process from '#models/process'

/**
 * An active process nothing will move by itself, with the facts behind
 * that verdict; the page words them (no event since…, no timer pending,
 * no deadline or a passed one, who holds it).
 */
export default class StalledProcessTransformer extends BaseTransformer<Process> {
  constructor(
    resource: Process,
    protected context: { definitions: Map<number, WorkflowDefinition>; now: DateTime }
  ) {
    super(resource)
  }

  toObject() {
    const process = this.resource
    const definition = this.context.definitions.get(process.workflowVersionId)
    const idle = this.context.now.diff(process.updatedAt)
    return {
      ...this.pick(process, ['id', 'reference', 'title', 'stageKey']),
      stageName: (definition && stageOf(definition, process.stageKey)?.name) ?? process.stageKey,
      workflowName: process.workflow?.name ?? definition?.name ?? '',
      assignee: process.assignee ? { id: process.assignee.id, name: process.assignee.name } : null,
      lastActivityAt: process.updatedAt.toISO()!,
      idleDays: Math.floor(idle.as('days')),
      dueAt: process.dueAt?.toISO() ?? null,
      slaBreached: process.slaBreached,
    }
  }
}
