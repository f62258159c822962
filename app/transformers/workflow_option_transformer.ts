import { BaseTransformer } from '@adonisjs/core/transformers'
import type { WorkflowDefinition } from '#engine/definition'
import type Workflow from '#models/workflow'

/**
 * A published workflow as pickers show it: key, name and its stages in
 * definition order (from the latest published version). `forStart` adds
 * the fields of the start stage, which the start form offers, and the
 * definition its field conditions (`visibleWhen`) are evaluated against.
 */
export default class WorkflowOptionTransformer extends BaseTransformer<Workflow> {
  constructor(
    resource: Workflow,
    /** Latest published definition, by workflow id. */
    protected definitions: Map<number, WorkflowDefinition>
  ) {
    super(resource)
  }

  toObject() {
    const w = this.resource
    const definition = this.definitions.get(w.id)
    return {
      key: w.key,
      name: w.name,
      stages: (definition?.stages ?? []).map((s) => ({
        key: s.key,
        name: s.name,
        type: s.type,
        outcome: s.outcome ?? null,
      })),
    }
  }

  forStart() {
    const definition = this.definitions.get(this.resource.id)
    const start = definition?.stages.find((s) => s.type === 'start')
    return {
      ...this.toObject(),
      description: this.resource.description ?? definition?.description ?? null,
      startFields: start?.fields ?? [],
      definition: definition ?? null,
    }
  }
}
