import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import CheckEngineHealth, { HEARTBEAT_ALIVE_SECONDS } from '#actions/admin/check_engine_health'
import OutboxProblemTransformer from '#transformers/outbox_problem_transformer'
import WorkerHeartbeatTransformer from '#transformers/worker_heartbeat_transformer'
import StalledProcessTransformer from '#transformers/stalled_process_transformer'
import { engineHealthValidator } from '#validators/admin'

/** Default for "no event for N days" when the page does not say. */
const STALLED_AFTER_DAYS = 7

/**
 * Admin → Engine health: the outbox backlog, queue workers' heartbeats and
 * the processes that will not move unless someone acts.
 */
export default class EngineHealthController {
  async show({ request, inertia, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const { days } = await request.validateUsing(engineHealthValidator, { data: request.qs() })
    const health = await new CheckEngineHealth().handle({
      stalledDays: days ?? STALLED_AFTER_DAYS,
    })
    const { outbox, stalled } = health

    return inertia.render('admin/engine/show', {
      driver: health.driver,
      checkedAt: health.checkedAt.toISO()!,
      aliveWithinSeconds: HEARTBEAT_ALIVE_SECONDS,
      outbox: {
        due: outbox.due,
        scheduled: outbox.scheduled,
        oldestDueSeconds: outbox.oldestDueSeconds,
        failed: outbox.failed,
      },
      outboxProblems: OutboxProblemTransformer.transform(outbox.problems),
      workers: WorkerHeartbeatTransformer.transform(health.workers),
      stalled: { days: stalled.days, total: stalled.total },
      stalledProcesses: StalledProcessTransformer.transform(stalled.processes, {
        definitions: stalled.definitions,
        now: DateTime.now(),
      }),
    })
  }
}
