import type { HttpContext } from '@adonisjs/core/http'
import ProcessEvent from '#models/process_event'
import ProcessPolicy from '#policies/process_policy'
import { loadVisibleProcess } from '#actions/processes/load_process'
import ProcessEventTransformer from '#transformers/process_event_transformer'
import { serialize } from '#support/api_serializer'
import { toCsv } from '#support/csv'
import { asDownload } from '#support/download'

/**
 * A process's timeline, ordered by sequence (gapless): JSON, or a file
 * with ?format=csv|json.
 */
export default class ProcessEventsController {
  async index({ params, request, response, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('view', process)
    const events = await ProcessEvent.query()
      .where('process_id', process.id)
      .preload('actor')
      .orderBy('sequence')
    const body = await serialize(ProcessEventTransformer.transform(events))

    const format = request.input('format')
    if (format === 'csv') {
      asDownload(response, `${process.reference}-timeline.csv`, 'text/csv; charset=utf-8')
      return toCsv(
        ['sequence', 'occurred_at', 'type', 'from_stage', 'to_stage', 'actor', 'payload'],
        body.data.map((e) => [
          e.sequence,
          e.occurredAt,
          e.type,
          e.fromStage,
          e.toStage,
          e.actor?.name ?? '',
          JSON.stringify(e.payload),
        ])
      )
    }
    if (format === 'json')
      asDownload(response, `${process.reference}-timeline.json`, 'application/json; charset=utf-8')
    return body
  }
}
