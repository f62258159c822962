import type { HttpContext } from '@adonisjs/core/http'
import Workflow from '#models/workflow'
import WorkflowPolicy from '#policies/workflow_policy'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import PublishWorkflow from '#actions/workflows/publish_workflow'
import { findVersion, findVisibleWorkflow, findWorkflow } from '#actions/workflows/find_workflow'
import { hiddenWorkflowIds } from '#support/access/workflow_access'
import WorkflowTransformer, { versionSummary } from '#transformers/workflow_transformer'
import { serializeDefinition } from '#engine/definition'
import { serialize } from '#support/api_serializer'
import { asDownload } from '#support/download'

/**
 * Workflow definitions over the JSON API: drafts from definition
 * documents, publishing, versions.
 */
export default class WorkflowsController {
  async index({ auth }: HttpContext) {
    const hidden = await hiddenWorkflowIds(auth.getUserOrFail())
    const workflows = await Workflow.query()
      .withScopes((s) => s.visibleTo(hidden))
      .preload('versions')
      .withCount('processes', (q) => q.as('processes_count'))
      .withCount('processes', (q) => q.where('status', 'active').as('active_count'))
      .orderBy('name')
    return serialize(WorkflowTransformer.transform(workflows))
  }

  async store({ request, response, auth, bouncer }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('design')
    const { workflow, version, outcomes } = await new SaveWorkflowDraft().handle({
      document: request.body(),
      actor: auth.getUserOrFail(),
    })
    await workflow.load('versions')
    const body = await serialize(WorkflowTransformer.transform(workflow).useVariant('forDetail'))
    return response.created({ ...body, meta: { draftVersion: version.number, outcomes } })
  }

  async show({ params, auth }: HttpContext) {
    const workflow = await findVisibleWorkflow(params.key, auth.getUserOrFail())
    const latest = await findVersion(workflow, 'latest')
    const body = await serialize(WorkflowTransformer.transform(workflow).useVariant('forDetail'))
    return {
      ...body,
      meta: { latest: { ...versionSummary(latest), definition: latest.definition } },
    }
  }

  async updateDraft({ params, request, auth, bouncer }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('design')
    const workflow = await findWorkflow(params.key)
    const { version, outcomes } = await new SaveWorkflowDraft().handle({
      workflow,
      document: request.body(),
      actor: auth.getUserOrFail(),
    })
    return {
      data: { ...versionSummary(version), definition: version.definition },
      meta: { outcomes },
    }
  }

  async publish({ params, auth, bouncer }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('design')
    const workflow = await findWorkflow(params.key)
    const version = await new PublishWorkflow().handle({ workflow, actor: auth.getUserOrFail() })
    return { data: { ...versionSummary(version), definition: version.definition } }
  }

  /**
   * One version's definition, as JSON data or as a file (?format=json|yaml).
   */
  async showVersion({ params, request, response, auth }: HttpContext) {
    const workflow = await findVisibleWorkflow(params.key, auth.getUserOrFail())
    const version = await findVersion(workflow, Number(params.number))
    const format = request.input('format')
    if (format === 'yaml' || format === 'json') {
      const filename = `${workflow.key}-v${version.number}.${format === 'yaml' ? 'yaml' : 'json'}`
      asDownload(
        response,
        filename,
        format === 'yaml' ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8'
      )
      return serializeDefinition(version.definition, format)
    }
    return { data: { ...versionSummary(version), definition: version.definition } }
  }
}
