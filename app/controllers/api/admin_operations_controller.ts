import type { HttpContext } from '@adonisjs/core/http'
import ActionSaga from '#models/action_saga'
import type { QueueName } from '#config/queue'
import queue, { QUEUE_NAMES } from '#queue/queue_manager'
import InspectQueue from '#actions/admin/inspect_queue'
import CheckEngineHealth from '#actions/admin/check_engine_health'
import { sagaDescriber } from '#automation/admin_report'
import { resolveByHand, retryCompensation } from '#automation/attention'
import QueueReportTransformer from '#transformers/queue_report_transformer'
import FailedJobTransformer from '#transformers/failed_job_transformer'
import { NotFound } from '#exceptions/domain_error'
import { engineHealthView, STALLED_AFTER_DAYS } from '#transformers/engine_health_view'
import { serialize } from '#support/api_serializer'
import { decodeCursor, keyset, pageOf } from '#support/cursor'
import { cursorListValidator } from '#validators/api_list'
import { engineHealthValidator } from '#validators/admin'
import { resolveAttentionValidator } from '#validators/automation'

/**
 * The admin operations pages over the JSON API (admins): queue numbers,
 * engine health, and the automation attention list with its retry and
 * resolve-by-hand. Same actions as Admin → Queues, Engine health and
 * Automation.
 */
export default class AdminOperationsController {
  /** Every configured queue in config order; the cursor is a position in that order. */
  async queues({ request, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const input = await request.validateUsing(cursorListValidator, { data: request.qs() })
    const after = decodeCursor(input.cursor) ?? 0
    const positions = QUEUE_NAMES.map((name, index) => ({ id: index + 1, name })).filter(
      (q) => q.id > after
    )
    const { rows, metadata } = pageOf(positions.slice(0, (input.limit ?? 25) + 1), input)
    const inspect = new InspectQueue()
    const reports = await Promise.all(rows.map((q) => inspect.handle(q.name)))
    const body = await serialize(QueueReportTransformer.transform(reports))
    return { ...body, metadata }
  }

  /** One queue's numbers and its most recent failed jobs (at most 50), as on its admin page. */
  async queue({ params, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const name = params.queue as QueueName
    const inspect = new InspectQueue()
    const report = await inspect.handle(name)
    const failed = report.error ? [] : await inspect.failed(name)
    const [queueBody, failedBody] = await Promise.all([
      serialize(QueueReportTransformer.transform(report)),
      serialize(FailedJobTransformer.transform(failed)),
    ])
    return { data: { ...queueBody.data, failedJobs: failedBody.data } }
  }

  /**
   * Every failed job the queue keeps, most recent first, page by page. The
   * cursor is a position in that order: a job failing meanwhile shifts the
   * next page by one (the failed set is a bounded, recent history).
   */
  async failedJobs({ params, request, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const input = await request.validateUsing(cursorListValidator, { data: request.qs() })
    const offset = decodeCursor(input.cursor) ?? 0
    const limit = input.limit ?? 25
    const jobs = await new InspectQueue().failed(params.queue as QueueName, limit + 1, offset)
    const positions = jobs.map((job, index) => ({ id: offset + index + 1, job }))
    const { rows, metadata } = pageOf(positions, input)
    const body = await serialize(FailedJobTransformer.transform(rows.map((row) => row.job)))
    return { ...body, metadata }
  }

  async retryAll({ params, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    return { data: { retried: await queue.driver().retry(params.queue) } }
  }

  /** A job no longer in the failed set (retried or removed meanwhile) is 404. */
  async retryJob({ params, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const retried = await queue.driver().retry(params.queue, String(params.job))
    if (!retried) throw new NotFound('Failed job')
    return { data: { retried } }
  }

  async removeJob({ params, response, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    await queue.driver().remove(params.queue, String(params.job))
    return response.noContent()
  }

  async pause({ params, response, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    await queue.driver().pause(params.queue)
    return response.noContent()
  }

  async resume({ params, response, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    await queue.driver().resume(params.queue)
    return response.noContent()
  }

  async engine({ request, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const { days } = await request.validateUsing(engineHealthValidator, { data: request.qs() })
    const view = engineHealthView(
      await new CheckEngineHealth().handle({ stalledDays: days ?? STALLED_AFTER_DAYS })
    )
    const [outboxProblems, workers, stalledProcesses] = await Promise.all([
      serialize(view.outboxProblems),
      serialize(view.workers),
      serialize(view.stalledProcesses),
    ])
    return {
      data: {
        ...view,
        outboxProblems: outboxProblems.data,
        workers: workers.data,
        stalledProcesses: stalledProcesses.data,
      },
    }
  }

  /** Sagas needing attention or compensating now, by process id (newest first). */
  async attention({ request, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const input = await request.validateUsing(cursorListValidator, { data: request.qs() })
    const sagas = await keyset(
      ActionSaga.query().whereIn('status', ['needs_attention', 'compensating']).preload('process'),
      input,
      { column: 'process_id' }
    )
    const { rows, metadata } = pageOf(sagas, input, (saga) => saga.processId)
    const describe = await sagaDescriber(rows)
    return { data: rows.map(describe), metadata }
  }

  async retry({ params, auth, response, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    await retryCompensation(Number(params.process), auth.getUserOrFail())
    return response.noContent()
  }

  async resolve({ params, request, auth, response, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const { comment } = await request.validateUsing(resolveAttentionValidator)
    await resolveByHand(Number(params.process), auth.getUserOrFail(), comment)
    return response.noContent()
  }
}
