import type { HttpContext } from '@adonisjs/core/http'
import { healthChecks } from '#start/health'
import { mayReadHealthDetails } from '#support/health_access'

export default class HealthController {
  async live({ response }: HttpContext) {
    return response.ok({ status: 'ok' })
  }

  /**
   * The verdict (and 200/503) for anyone; the checks and the process's
   * details (pid, versions, memory) only with the health token or for an
   * admin: they help whoever maps the deployment.
   */
  async ready(ctx: HttpContext) {
    const report = await healthChecks.run()
    const body = (await mayReadHealthDetails(ctx))
      ? report
      : { isHealthy: report.isHealthy, status: report.status }
    return report.isHealthy ? ctx.response.ok(body) : ctx.response.serviceUnavailable(body)
  }
}
