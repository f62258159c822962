import type { HttpContext } from '@adonisjs/core/http'
import ProcessPolicy from '#policies/process_policy'
import StartProcess from '#actions/processes/start_process'
import ListProcesses from '#actions/processes/list_processes'
import { dataFiltersOfUrl } from '#actions/search/data_filters'
import { loadVisibleProcess } from '#actions/processes/load_process'
import UpdateProcessData from '#actions/processes/update_process_data'
import ProcessTransformer from '#transformers/process_transformer'
import { serializeProcessDetail } from '#transformers/process_detail'
import { serialize } from '#support/api_serializer'
import { hiddenWorkflowIds } from '#support/access/workflow_access'
import { InvalidInput } from '#exceptions/domain_error'
import {
  listProcessesValidator,
  startProcessValidator,
  updateProcessDataValidator,
} from '#validators/process'

/**
 * Processes over the JSON API.
 */
export default class ProcessesController {
  async index({ request, auth }: HttpContext) {
    const input = await request.validateUsing(listProcessesValidator, { data: request.qs() })
    const user = auth.getUserOrFail()
    const hidden = await hiddenWorkflowIds(user)
    const { data } = await dataFiltersOfUrl(request.url(true), { key: input.workflow, hidden })
    if (input.cursor !== undefined || input.limit !== undefined) {
      if (input.page || input.perPage || input.sort || input.direction) {
        throw new InvalidInput('Use either cursor/limit or page/perPage/sort, not both.', [
          { field: 'cursor', message: 'Cursor pages are always newest first' },
        ])
      }
      const { processes, metadata, definitions } = await new ListProcesses().keysetPage(
        { ...ListProcesses.filtersFrom(input), hiddenWorkflows: hidden, data },
        user.id
      )
      const body = await serialize(ProcessTransformer.transform(processes, { definitions }))
      return { ...body, metadata }
    }
    const { page, definitions } = await new ListProcesses().handle(
      { ...ListProcesses.filtersFrom(input), hiddenWorkflows: hidden, data },
      user.id
    )
    return serialize(ProcessTransformer.paginate(page.all(), page.getMeta(), { definitions }))
  }

  async store({ request, response, auth, bouncer }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('start')
    const input = await request.validateUsing(startProcessValidator)
    const { process, replayed } = await new StartProcess().handle({
      workflowKey: input.workflow,
      title: input.title,
      data: input.data,
      assigneeId: input.assignee,
      priority: input.priority,
      idempotencyKey: input.idempotencyKey ?? request.header('idempotency-key'),
      actor: auth.getUserOrFail(),
    })
    const body = await serializeProcessDetail(process, auth.getUserOrFail())
    return replayed ? response.ok(body) : response.created(body)
  }

  async show({ params, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('view', process)
    return serializeProcessDetail(process, auth.getUserOrFail())
  }

  async update({ params, request, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('updateData', process)
    const input = await request.validateUsing(updateProcessDataValidator)
    const result = await new UpdateProcessData().handle({
      process,
      data: input.data,
      expectedVersion: input.expectedVersion,
      idempotencyKey: input.idempotencyKey ?? request.header('idempotency-key'),
      actorId: auth.user!.id,
    })
    return serializeProcessDetail(result.process, auth.getUserOrFail(), result.replayed)
  }
}
