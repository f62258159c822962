import { BaseTransformer } from '@adonisjs/core/transformers'
import type WorkflowHook from '#models/workflow_hook'

/** An inbound hook of a workflow, never its secret; `path` is where senders post. */
export default class WorkflowHookTransformer extends BaseTransformer<WorkflowHook> {
  constructor(
    resource: WorkflowHook,
    protected workflowKey: string
  ) {
    super(resource)
  }

  toObject() {
    const h = this.resource
    return {
      key: h.key,
      action: h.action,
      transition: h.transition ?? null,
      reference: h.reference ?? null,
      title: h.title ?? null,
      mapping: h.mapping,
      enabled: h.enabled,
      path: `/hooks/${this.workflowKey}/${h.key}`,
      createdAt: h.createdAt.toISO()!,
      updatedAt: h.updatedAt.toISO()!,
    }
  }
}
