import { BaseTransformer } from '@adonisjs/core/transformers'
import type Workflow from '#models/workflow'
import type WorkflowVersion from '#models/workflow_version'

export const versionSummary = (v: WorkflowVersion) => ({
  id: v.id,
  number: v.number,
  status: v.status,
  publishedAt: v.publishedAt?.toISO() ?? null,
  createdAt: v.createdAt.toISO()!,
})

/**
 * Workflows with their versions. The list shape carries counts; the
 * detail shape carries the definition of the version asked for.
 */
export default class WorkflowTransformer extends BaseTransformer<Workflow> {
  toObject() {
    const w = this.resource
    const versions = (w.$preloaded.versions as WorkflowVersion[] | undefined) ?? []
    const published = versions
      .filter((v) => v.status === 'published')
      .sort((a, b) => b.number - a.number)[0]
    const draft = versions.find((v) => v.status === 'draft')
    return {
      id: w.id,
      key: w.key,
      name: w.name,
      description: w.description,
      referencePrefix: w.referencePrefix,
      publishedVersion: published?.number ?? null,
      draftVersion: draft?.number ?? null,
      counts: {
        active: Number(w.$extras.active_count ?? 0),
        total: Number(w.$extras.processes_count ?? 0),
      },
      updatedAt: w.updatedAt.toISO()!,
    }
  }

  forDetail() {
    const versions = (
      (this.resource.$preloaded.versions as WorkflowVersion[] | undefined) ?? []
    ).sort((a, b) => b.number - a.number)
    return { ...this.toObject(), versions: versions.map(versionSummary) }
  }
}
