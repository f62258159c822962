import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import ProcessPolicy from '#policies/process_policy'
import BulkOperation from '#models/bulk_operation'
import User from '#models/user'
import { NotFound } from '#exceptions/domain_error'
import { hiddenWorkflowIds } from '#support/access/workflow_access'
import { planFrom, selectionOf } from '#actions/processes/bulk/plan'
import PreviewBulkAction from '#actions/processes/bulk/preview_bulk_action'
import StartBulkAction from '#actions/processes/bulk/start_bulk_action'
import BulkTransitions from '#actions/processes/bulk/bulk_transitions'
import {
  bulkActionValidator,
  bulkResultsValidator,
  bulkSelectionValidator,
} from '#validators/bulk_action'

/** Results per page on the operation page. */
const ITEMS_PER_PAGE = 100

/**
 * Bulk actions on the process list (leads only): which transitions the
 * selection offers and the preview answer JSON to the list's dialog; the
 * confirmation records the operation and goes to its page, which follows
 * the background job and then shows the result per process.
 */
export default class BulkOperationsController {
  async transitions({ request, response, auth, bouncer }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('bulk')
    const input = await request.validateUsing(bulkSelectionValidator)
    const transitions = await new BulkTransitions().handle(selectionOf(input), auth.getUserOrFail())
    return response.json({ transitions })
  }

  async preview({ request, response, auth, bouncer }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('bulk')
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(bulkActionValidator)
    const { plan, selection } = await planFrom(input, user)
    const preview = await new PreviewBulkAction().handle({ plan, selection, viewer: user })
    return response.json({ preview })
  }

  async store({ request, response, auth, bouncer, session, i18n }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('bulk')
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(bulkActionValidator)
    const { plan, selection } = await planFrom(input, user)
    const operation = await new StartBulkAction().handle({ plan, selection, actor: user })
    session.flash(
      'success',
      i18n.t('processes.bulk.flash.started', { id: operation.id, count: operation.total })
    )
    return response.redirect().toRoute('processes.bulk.show', { id: operation.id })
  }

  async show({ params, request, inertia, auth, bouncer }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('bulk')
    const filter = await request.validateUsing(bulkResultsValidator, { data: request.qs() })
    const operation = await BulkOperation.query()
      .where('id', Number(params.id) || 0)
      .preload('requester')
      .first()
    if (!operation) throw new NotFound('Bulk operation')

    // Another lead's operation may name processes this viewer may not see: they are left out.
    const hidden = await hiddenWorkflowIds(auth.getUserOrFail())
    const items = await db
      .from('bulk_operation_items as i')
      .join('processes as p', 'p.id', 'i.process_id')
      .where('i.bulk_operation_id', operation.id)
      .if(hidden.length > 0, (q) => q.whereNotIn('p.workflow_id', hidden))
      .if(filter.outcome, (q) => q.where('i.outcome', filter.outcome!))
      .orderBy('i.id')
      .select('i.process_id', 'p.reference', 'p.title', 'i.outcome', 'i.code', 'i.message')
      .paginate(filter.page ?? 1, ITEMS_PER_PAGE)
    items.baseUrl(request.url())
    items.queryString(filter.outcome ? { outcome: filter.outcome } : {})
    const assigneeId = operation.parameters.assigneeId
    const assignee = assigneeId ? await User.find(assigneeId) : null

    return inertia.render('processes/bulk/show', {
      operation: {
        id: operation.id,
        action: operation.action,
        transition: operation.parameters.transition ?? null,
        assignee: assigneeId ? (assignee?.name ?? String(assigneeId)) : null,
        reason: operation.parameters.reason ?? null,
        byFilter: 'filter' in operation.selection,
        status: operation.status,
        total: operation.total,
        processed: operation.processed,
        succeeded: operation.succeeded,
        refused: operation.refused,
        failed: operation.failed,
        progress: operation.progress,
        error: operation.error,
        requestedBy: operation.requester?.name ?? null,
        createdAt: operation.createdAt.toISO()!,
        finishedAt: operation.finishedAt?.toISO() ?? null,
      },
      items: {
        data: items.all().map((i) => ({
          processId: Number(i.process_id),
          reference: i.reference as string,
          title: i.title as string,
          outcome: i.outcome as 'pending' | 'succeeded' | 'refused' | 'failed',
          code: (i.code as string | null) ?? null,
          message: (i.message as string | null) ?? null,
        })),
        metadata: items.getMeta() as {
          total: number
          perPage: number
          currentPage: number
          lastPage: number
          firstPage: number
          firstPageUrl: string
          lastPageUrl: string
          nextPageUrl: string | null
          previousPageUrl: string | null
        },
      },
      outcome: filter.outcome ?? null,
    })
  }
}
