import type { HttpContext } from '@adonisjs/core/http'
import type { QueueName } from '#config/queue'
import queue, { QUEUE_NAMES } from '#queue/queue_manager'
import InspectQueue from '#actions/admin/inspect_queue'
import QueueReportTransformer from '#transformers/queue_report_transformer'
import FailedJobTransformer from '#transformers/failed_job_transformer'

/**
 * Admin → Queues: every queue's numbers, and per queue its failed jobs
 * with retry / remove and pause / resume. Everything goes through the
 * queue driver interface, so it works the same on BullMQ and in-process.
 * (The route only matches configured queue names.)
 */
export default class QueuesController {
  async index({ inertia, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const inspect = new InspectQueue()
    const reports = await Promise.all(QUEUE_NAMES.map((name) => inspect.handle(name)))
    return inertia.render('admin/queues/index', {
      queues: QueueReportTransformer.transform(reports),
    })
  }

  async show({ params, inertia, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const name = params.queue as QueueName
    const inspect = new InspectQueue()
    const report = await inspect.handle(name)
    const failed = report.error ? [] : await inspect.failed(name)
    return inertia.render('admin/queues/show', {
      queue: QueueReportTransformer.transform(report),
      failed: FailedJobTransformer.transform(failed),
      queueNames: QUEUE_NAMES,
    })
  }

  async retry({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const retried = await queue.driver().retry(params.queue, String(params.job))
    session.flash(
      retried ? 'success' : 'error',
      i18n.t(retried ? 'admin.queues.flash.retried' : 'admin.queues.flash.jobGone', {
        id: params.job,
      })
    )
    return response.redirect().toRoute('admin.queues.show', { queue: params.queue })
  }

  async retryAll({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const count = await queue.driver().retry(params.queue)
    session.flash('success', i18n.t('admin.queues.flash.retriedAll', { count }))
    return response.redirect().toRoute('admin.queues.show', { queue: params.queue })
  }

  async destroy({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    await queue.driver().remove(params.queue, String(params.job))
    session.flash('success', i18n.t('admin.queues.flash.removed', { id: params.job }))
    return response.redirect().toRoute('admin.queues.show', { queue: params.queue })
  }

  async pause({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    await queue.driver().pause(params.queue)
    session.flash('success', i18n.t('admin.queues.flash.paused', { queue: params.queue }))
    return response.redirect().toRoute('admin.queues.show', { queue: params.queue })
  }

  async resume({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    await queue.driver().resume(params.queue)
    session.flash('success', i18n.t('admin.queues.flash.resumed', { queue: params.queue }))
    return response.redirect().toRoute('admin.queues.show', { queue: params.queue })
  }
}
