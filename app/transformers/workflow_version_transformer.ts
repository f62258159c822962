import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'
import type WorkflowVersion from '#models/workflow_version'

const person = (user: User | undefined) => (user ? { id: user.id, name: user.name } : null)

/**
 * Versions of a workflow for the workflow pages: `toObject` is a row of
 * the version history (who published it and when); `forDefinition` adds
 * the definition document.
 */
export default class WorkflowVersionTransformer extends BaseTransformer<WorkflowVersion> {
  constructor(
    resource: WorkflowVersion,
    /** The people the versions name (creators, publishers), by id. */
    protected people: Map<number, User> = new Map()
  ) {
    super(resource)
  }

  toObject() {
    const v = this.resource
    return {
      id: v.id,
      number: v.number,
      status: v.status,
      publishedAt: v.publishedAt?.toISO() ?? null,
      publishedBy: v.publishedBy === null ? null : person(this.people.get(v.publishedBy)),
      createdBy: v.createdBy === null ? null : person(this.people.get(v.createdBy)),
      createdAt: v.createdAt.toISO()!,
      updatedAt: v.updatedAt.toISO()!,
    }
  }

  forDefinition() {
    return {
      ...this.toObject(),
      definition: this.resource.definition,
      layout: this.resource.layout ?? null,
    }
  }
}
