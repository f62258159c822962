/*
|--------------------------------------------------------------------------
| Reports (managers and admins)
|--------------------------------------------------------------------------
|
| Registered inside the signed-in group of start/routes.ts. The controller
| authorizes `viewReports`; figures are computed by workers.
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

export function reportPages() {
  router
    .group(() => {
      router.get('/', [controllers.Reports, 'index']).as('index')
      router.post('/runs', [controllers.Reports, 'store']).as('runs.store')
      router
        .get('/runs/:id', [controllers.Reports, 'show'])
        .as('runs.show')
        .where('id', router.matchers.number())
      router
        .get('/runs/:id/export/:format', [controllers.Reports, 'export'])
        .as('runs.export')
        .where('id', router.matchers.number())
        .where('format', { match: /^(csv|xlsx)$/ })
      router.post('/schedules', [controllers.Reports, 'schedule']).as('schedules.store')
      router
        .delete('/schedules/:id', [controllers.Reports, 'unschedule'])
        .as('schedules.destroy')
        .where('id', router.matchers.number())
    })
    .prefix('/reports')
    .as('reports')
}
