import { readFile } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import Workflow from '#models/workflow'
import Process from '#models/process'
import WorkflowPolicy from '#policies/workflow_policy'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import PublishWorkflow from '#actions/workflows/publish_workflow'
import { findWorkflow } from '#actions/workflows/find_workflow'
import { accessOf } from '#actions/workflows/save_workflow_access'
import { designerChoices } from '#actions/workflows/designer_choices'
import { InvalidInput } from '#exceptions/domain_error'
import { DefinitionSyntaxError, parseDefinitionDocument } from '#engine/definition'
import WorkflowTransformer from '#transformers/workflow_transformer'
import WorkflowVersionTransformer from '#transformers/workflow_version_transformer'
import { flashedProblems } from '#support/flashed_problems'
import { designerDocumentValidator, importDefinitionValidator } from '#validators/workflow_page'

/**
 * The designer (managers and admins): a new workflow, its draft, publishing,
 * and importing a definition file. Every save goes through the engine's
 * verifier; refused documents come back to the page with each problem
 * under its JSON path, and the page keeps what the user typed.
 */
export default class WorkflowDesignerController {
  async create({ inertia, bouncer, session, auth }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('design')
    return inertia.render('workflows/designer', {
      workflow: null,
      version: null,
      serverProblems: flashedProblems(session),
      justPublished: null,
      access: null,
      publishedVersion: null,
      ...(await designerChoices(auth.getUserOrFail())),
    })
  }

  async store({ request, response, auth, bouncer, session, i18n }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('design')
    const { definition, layout } = await request.validateUsing(designerDocumentValidator)
    const { workflow, version } = await new SaveWorkflowDraft().handle({
      document: definition,
      layout,
      actor: auth.getUserOrFail(),
    })
    session.flash('success', i18n.t('designer.flash.saved', { version: version.number }))
    return response.redirect().toRoute('workflows.edit', { key: workflow.key })
  }

  /**
   * The draft when there is one, else the published version as the start
   * of the next draft.
   */
  async edit({ params, inertia, bouncer, session, auth }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('design')
    const workflow = await findWorkflow(params.key)
    const versions = [...workflow.versions].sort((a, b) => b.number - a.number)
    const base =
      versions.find((version) => version.status === 'draft') ??
      versions.find((version) => version.status === 'published') ??
      versions[0]!
    const published = session.flashMessages.get('published') as number | undefined
    const live = versions.find((version) => version.status === 'published')

    return inertia.render('workflows/designer', {
      workflow: WorkflowTransformer.transform(workflow),
      version: WorkflowVersionTransformer.transform(base).useVariant('forDefinition'),
      serverProblems: flashedProblems(session),
      justPublished: published ?? null,
      access: {
        ...accessOf(workflow),
        canManage: await bouncer.with(WorkflowPolicy).allows('manageAccess', workflow),
      },
      // Deleting a stage on the canvas says how many processes sit in it.
      publishedVersion: live
        ? { number: live.number, activeByStage: await Process.activeByStage(live.id) }
        : null,
      // Teams, calendars and child workflows for the pickers.
      ...(await designerChoices(auth.getUserOrFail())),
    })
  }

  async update({ params, request, response, auth, bouncer, session, i18n }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('design')
    const workflow = await findWorkflow(params.key)
    const { definition, layout } = await request.validateUsing(designerDocumentValidator)
    const { version } = await new SaveWorkflowDraft().handle({
      workflow,
      document: definition,
      layout,
      actor: auth.getUserOrFail(),
    })
    session.flash('success', i18n.t('designer.flash.saved', { version: version.number }))
    return response.redirect().toRoute('workflows.edit', { key: workflow.key })
  }

  async publish({ params, response, auth, bouncer, session, i18n }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('design')
    const workflow = await findWorkflow(params.key)
    const version = await new PublishWorkflow().handle({ workflow, actor: auth.getUserOrFail() })
    session.flash('success', i18n.t('designer.flash.published', { version: version.number }))
    session.flash('published', version.number)
    return response.redirect().toRoute('workflows.edit', { key: workflow.key })
  }

  /**
   * A JSON or YAML definition file becomes a draft: of a new workflow, or
   * of the workflow with the same key when there is one.
   */
  async import({ request, response, auth, bouncer, session, i18n }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('design')
    const { file } = await request.validateUsing(importDefinitionValidator)
    const format = file.extname === 'json' ? 'json' : 'yaml'
    const text = await readFile(file.tmpPath!, 'utf8')

    let document: unknown
    try {
      document = parseDefinitionDocument(text, format)
    } catch (error) {
      if (!(error instanceof DefinitionSyntaxError)) throw error
      const where =
        error.line === null
          ? ''
          : i18n.t('workflows.import.position', { line: error.line, column: error.column ?? 1 })
      throw new InvalidInput(i18n.t(`workflows.import.syntax.${format}`, { where }), [
        { field: 'file', message: error.message },
      ])
    }

    const key =
      document && typeof document === 'object' && 'key' in document ? document.key : undefined
    const existing = typeof key === 'string' ? await Workflow.findBy('key', key) : null
    const { workflow, version } = await new SaveWorkflowDraft().handle({
      document,
      actor: auth.getUserOrFail(),
      workflow: existing ?? undefined,
    })
    session.flash(
      'success',
      i18n.t('workflows.flash.imported', { name: workflow.name, version: version.number })
    )
    return response.redirect().toRoute('workflows.edit', { key: workflow.key })
  }
}
