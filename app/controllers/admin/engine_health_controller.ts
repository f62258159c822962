import type { HttpContext } from '@adonisjs/core/http'
import CheckEngineHealth from '#actions/admin/check_engine_health'
import { engineHealthView, STALLED_AFTER_DAYS } from '#transformers/engine_health_view'
import { engineHealthValidator } from '#validators/admin'

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
    return inertia.render('admin/engine/show', engineHealthView(health))
  }
}
