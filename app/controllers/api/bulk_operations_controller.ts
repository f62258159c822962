import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import ProcessPolicy from '#policies/process_policy'
import BulkOperation from '#models/bulk_operation'
import { NotFound } from '#exceptions/domain_error'
import { planFrom, selectionOf } from '#actions/processes/bulk/plan'
import PreviewBulkAction from '#actions/processes/bulk/preview_bulk_action'
import StartBulkAction from '#actions/processes/bulk/start_bulk_action'
import BulkTransitions from '#actions/processes/bulk/bulk_transitions'
import BulkOperationTransformer from '#transformers/bulk_operation_transformer'
import { serialize } from '#support/api_serializer'
import { keyset, pageOf } from '#support/cursor'
import { bulkActionValidator, bulkSelectionValidator } from '#validators/bulk_action'
import { bulkItemsListValidator } from '#validators/api_list'

/**
 * Bulk actions on processes over the JSON API (leads only), the same
 * actions as the list's bulk dialog: the transitions a selection offers,
 * the preview, the start (a background run), its progress and results.
 */
export default class BulkOperationsController {
  async transitions({ request, auth, bouncer }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('bulk')
    const input = await request.validateUsing(bulkSelectionValidator)
    const transitions = await new BulkTransitions().handle(selectionOf(input), auth.getUserOrFail())
    return { data: transitions }
  }

  async preview({ request, auth, bouncer }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('bulk')
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(bulkActionValidator)
    const { plan, selection } = await planFrom(input, user)
    return { data: await new PreviewBulkAction().handle({ plan, selection, viewer: user }) }
  }

  async store({ request, response, auth, bouncer }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('bulk')
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(bulkActionValidator)
    const { plan, selection } = await planFrom(input, user)
    const operation = await new StartBulkAction().handle({ plan, selection, actor: user })
    response.status(202)
    return serialize(BulkOperationTransformer.transform(operation))
  }

  async show({ params, bouncer }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('bulk')
    return serialize(BulkOperationTransformer.transform(await this.find(params.id)))
  }

  async items({ params, request, bouncer }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('bulk')
    const input = await request.validateUsing(bulkItemsListValidator, { data: request.qs() })
    const operation = await this.find(params.id)
    const rows = await keyset(
      db
        .from('bulk_operation_items as i')
        .join('processes as p', 'p.id', 'i.process_id')
        .where('i.bulk_operation_id', operation.id)
        .if(input.outcome, (q) => q.where('i.outcome', input.outcome!))
        .select(
          'i.id',
          'i.process_id',
          'p.reference',
          'p.title',
          'i.outcome',
          'i.code',
          'i.message'
        ),
      input,
      { column: 'i.id', direction: 'asc' }
    )
    const { rows: page, metadata } = pageOf(rows, input, (row) => Number(row.id))
    return {
      data: page.map((i) => ({
        processId: Number(i.process_id),
        reference: i.reference as string,
        title: i.title as string,
        outcome: i.outcome as string,
        code: (i.code as string | null) ?? null,
        message: (i.message as string | null) ?? null,
      })),
      metadata,
    }
  }

  protected async find(id: unknown) {
    const operation = await BulkOperation.find(Number(id) || 0)
    if (!operation) throw new NotFound('Bulk operation')
    return operation
  }
}
