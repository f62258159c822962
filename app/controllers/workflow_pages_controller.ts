import type { HttpContext } from '@adonisjs/core/http'
import Workflow from '#models/workflow'
import User from '#models/user'
import type WorkflowVersion from '#models/workflow_version'
import WorkflowPolicy from '#policies/workflow_policy'
import { findVersion, findVisibleWorkflow } from '#actions/workflows/find_workflow'
import { hiddenWorkflowIds } from '#support/access/workflow_access'
import { NotFound } from '#exceptions/domain_error'
import { serializeDefinition } from '#engine/definition'
import WorkflowTransformer from '#transformers/workflow_transformer'
import WorkflowVersionTransformer from '#transformers/workflow_version_transformer'
import WorkflowDiffTransformer from '#transformers/workflow_diff_transformer'
import { asDownload } from '#support/download'
import { flashedProblems } from '#support/flashed_problems'
import { compareVersionsValidator, exportDefinitionValidator } from '#validators/workflow_page'
import LoadFlowOverlay, { type FlowPeriod } from '#actions/workflows/load_flow_overlay'
import ManageWorkflowHooks from '#actions/hooks/manage_workflow_hooks'
import WorkflowHookTransformer from '#transformers/workflow_hook_transformer'

/** Columns of a version the list needs (not the definition document). */
const VERSION_SUMMARY_COLUMNS = [
  'id',
  'workflow_id',
  'number',
  'status',
  'published_at',
  'created_at',
  'updated_at',
]

/**
 * The browser pages that read workflows: the list, the workflow page
 * (diagram, history, comparison of versions) and definition downloads.
 * Everyone signed in may read; designing is in WorkflowDesignerController.
 */
export default class WorkflowPagesController {
  async index({ inertia, auth, bouncer, session }: HttpContext) {
    const hidden = await hiddenWorkflowIds(auth.getUserOrFail())
    const workflows = await Workflow.query()
      .withScopes((s) => s.visibleTo(hidden))
      .preload('versions', (query) => query.select(VERSION_SUMMARY_COLUMNS))
      .withCount('processes', (query) => query.as('processes_count'))
      .withCount('processes', (query) => query.where('status', 'active').as('active_count'))
      .orderBy('name')

    return inertia.render('workflows/index', {
      workflows: WorkflowTransformer.transform(workflows),
      canDesign: await bouncer.with(WorkflowPolicy).allows('design'),
      importProblems: flashedProblems(session),
    })
  }

  async show({ params, request, inertia, bouncer, auth }: HttpContext) {
    const workflow = await Workflow.query()
      .where('key', params.key)
      .preload('versions', (query) => query.orderBy('number', 'desc'))
      .withCount('processes', (query) => query.as('processes_count'))
      .withCount('processes', (query) => query.where('status', 'active').as('active_count'))
      .first()
    if (!workflow || !(await bouncer.with(WorkflowPolicy).allows('view', workflow)))
      throw new NotFound(`Workflow "${params.key}"`)

    const versions = workflow.versions
    const published = versions.find((version) => version.status === 'published') ?? null
    const draft = versions.find((version) => version.status === 'draft') ?? null
    const people = await this.peopleOf(versions)

    const query = await request.validateUsing(compareVersionsValidator, { data: request.qs() })
    const byNumber = (number: number | undefined) =>
      number === undefined ? undefined : versions.find((version) => version.number === number)
    // By default: the newest version against the one before it.
    const to = byNumber(query.to) ?? versions[0]
    const from = to
      ? (byNumber(query.from) ?? versions.find((version) => version.number < to.number))
      : undefined

    const preview = published ?? draft
    const days = (query.days ?? 30) as FlowPeriod
    return inertia.render('workflows/show', {
      workflow: WorkflowTransformer.transform(workflow),
      versions: WorkflowVersionTransformer.transform(versions, people),
      preview: preview
        ? WorkflowVersionTransformer.transform(preview, people).useVariant('forDefinition')
        : null,
      comparison: from && to ? WorkflowDiffTransformer.transform({ from, to }) : null,
      canDesign: await bouncer.with(WorkflowPolicy).allows('design'),
      flow: published
        ? await new LoadFlowOverlay().handle({
            workflowKey: workflow.key,
            version: published,
            days,
          })
        : null,
      flowDays: days,
      // Inbound webhooks: only for admins and the workflow's owner (null for others).
      hooks: await ManageWorkflowHooks.forPage(auth.getUserOrFail(), workflow).then(
        (hooks) =>
          hooks?.map((hook) => new WorkflowHookTransformer(hook, workflow.key).toObject()) ?? null
      ),
    })
  }

  /**
   * One version's definition as a JSON or YAML file, like the API's
   * `?format=` download but behind the session.
   */
  async export({ params, request, response, auth }: HttpContext) {
    const { format } = await request.validateUsing(exportDefinitionValidator, {
      data: request.qs(),
    })
    const workflow = await findVisibleWorkflow(params.key, auth.getUserOrFail())
    const version = await findVersion(workflow, Number(params.number))
    asDownload(
      response,
      `${workflow.key}-v${version.number}.${format}`,
      format === 'yaml' ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8'
    )
    return serializeDefinition(version.definition, format)
  }

  /** The people the versions name, in one query. */
  protected async peopleOf(versions: WorkflowVersion[]) {
    const ids = [
      ...new Set(
        versions
          .flatMap((version) => [version.createdBy, version.publishedBy])
          .filter((id): id is number => id !== null)
      ),
    ]
    const users = ids.length ? await User.query().whereIn('id', ids) : []
    return new Map(users.map((user) => [user.id, user]))
  }
}
