import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import { mayAccess } from '#support/access/workflow_access'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Workflow from '#models/workflow'
import DraftCheck from '#models/draft_check'
import WorkflowPolicy from '#policies/workflow_policy'
import CheckDraft from '#actions/workflows/check_draft'
import DraftCheckTransformer from '#transformers/draft_check_transformer'
import { NotFound } from '#exceptions/domain_error'
import { serialize } from '#support/api_serializer'
import { draftCheckValidator } from '#validators/draft_check'

/**
 * Testing a workflow's draft against the history of its processes (those
 * who design workflows): a few processes answer at once, more run in the
 * background and are polled. Serves the JSON API and, behind the session,
 * the designer's panel; each answers with its own poll address.
 */
export default class DraftChecksController {
  async store({ params, request, response, auth, bouncer, route }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('design')
    const input = await request.validateUsing(draftCheckValidator)
    const workflow = await workflowByKey(params.key, auth.getUserOrFail())
    const outcome = await new CheckDraft().handle({
      workflow,
      actor: auth.getUserOrFail(),
      limit: input.limit,
      background: input.background,
    })
    if (outcome.status === 'completed') return { data: outcome.result }

    const statusUrl = pollUrl(route?.name, workflow.key, outcome.run.id)
    response.header('Location', statusUrl)
    return response.accepted(
      await serialize(DraftCheckTransformer.transform(outcome.run, { statusUrl }))
    )
  }

  async show({ params, auth, bouncer, route }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('design')
    const workflow = await workflowByKey(params.key, auth.getUserOrFail())
    const check = await DraftCheck.query()
      .where('id', Number(params.id) || 0)
      .where('workflow_id', workflow.id)
      .first()
    if (!check) throw new NotFound('Draft check')
    const statusUrl = pollUrl(route?.name, workflow.key, check.id)
    return serialize(DraftCheckTransformer.transform(check, { statusUrl }))
  }
}

/** The workflow, when the designer may see its processes (a check replays them). */
async function workflowByKey(key: string, viewer: User) {
  const workflow = await Workflow.findBy('key', key)
  if (!workflow || !(await mayAccess(viewer, workflow.id, 'see')))
    throw new NotFound(`Workflow "${key}"`)
  return workflow
}

/** The poll address on the same side (API or session) as the request. */
function pollUrl(routeName: string | undefined, key: string, id: number) {
  const name = routeName?.startsWith('api.')
    ? 'api.workflows.draft.checks.show'
    : 'workflows.draft.checks.show'
  return urlFor(name, { key, id })
}
