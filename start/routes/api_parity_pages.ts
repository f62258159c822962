/*
|--------------------------------------------------------------------------
| API parity, part two: one's own account, the dashboard, the list export,
| report schedules, notification preferences and the admin operations pages
|--------------------------------------------------------------------------
|
| Registered inside the token-authenticated /api/v1 group of
| start/routes.ts. The controllers call the same actions as the pages
| (the list export is the page's own action) and authorize as they do:
| tokens, profile and preferences for their owner, report schedules for
| managers and admins, /admin/* for admins. Lists are cursor-paginated.
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import queueConfig from '#config/queue'

/** Only configured queue names match (as on the admin pages); others are 404. */
const queueName = new RegExp(`^(${Object.keys(queueConfig.queues).join('|')})$`)

export function pageParityApi() {
  router.get('/auth/tokens', [controllers.api.AuthTokens, 'index']).as('auth.tokens.index')
  router
    .delete('/auth/tokens/:id', [controllers.api.AuthTokens, 'destroy'])
    .as('auth.tokens.destroy')
    .where('id', router.matchers.number())
  router.patch('/me', [controllers.api.Me, 'update']).as('me.update')
  router.put('/me/password', [controllers.api.Me, 'updatePassword']).as('me.password')

  router.get('/dashboard', [controllers.api.Dashboard, 'show']).as('dashboard')
  router.get('/processes/export', [controllers.ProcessPages, 'export']).as('processes.export')

  router
    .group(() => {
      router.get('/', [controllers.api.ReportSchedules, 'index']).as('index')
      router.post('/', [controllers.api.ReportSchedules, 'store']).as('store')
      router.get('/:id', [controllers.api.ReportSchedules, 'show']).as('show')
      router.delete('/:id', [controllers.api.ReportSchedules, 'destroy']).as('destroy')
    })
    .prefix('/report-schedules')
    .as('report_schedules')
    .where('id', router.matchers.number())

  router
    .get('/notifications/preferences', [controllers.api.NotificationPreferences, 'show'])
    .as('notifications.preferences.show')
  router
    .put('/notifications/preferences', [controllers.api.NotificationPreferences, 'update'])
    .as('notifications.preferences.update')

  router
    .group(() => {
      router.get('/queues', [controllers.api.AdminOperations, 'queues']).as('queues.index')
      router
        .group(() => {
          router.get('/', [controllers.api.AdminOperations, 'queue']).as('show')
          router
            .get('/failed-jobs', [controllers.api.AdminOperations, 'failedJobs'])
            .as('failed_jobs')
          router.post('/retry', [controllers.api.AdminOperations, 'retryAll']).as('retry_all')
          router.post('/pause', [controllers.api.AdminOperations, 'pause']).as('pause')
          router.post('/resume', [controllers.api.AdminOperations, 'resume']).as('resume')
          router
            .post('/jobs/:job/retry', [controllers.api.AdminOperations, 'retryJob'])
            .as('jobs.retry')
          router
            .delete('/jobs/:job', [controllers.api.AdminOperations, 'removeJob'])
            .as('jobs.destroy')
        })
        .prefix('/queues/:queue')
        .as('queues')
        .where('queue', { match: queueName })
      router.get('/engine', [controllers.api.AdminOperations, 'engine']).as('engine.show')
      router
        .get('/automation/attention', [controllers.api.AdminOperations, 'attention'])
        .as('automation.attention.index')
      router
        .group(() => {
          router.post('/retry', [controllers.api.AdminOperations, 'retry']).as('retry')
          router.post('/resolve', [controllers.api.AdminOperations, 'resolve']).as('resolve')
        })
        .prefix('/automation/attention/:process')
        .as('automation.attention')
        .where('process', router.matchers.number())

      router
        .group(() => {
          router.get('/', [controllers.api.AlertRules, 'index']).as('index')
          router.post('/', [controllers.api.AlertRules, 'store']).as('store')
          router.get('/:id', [controllers.api.AlertRules, 'show']).as('show')
          router.put('/:id', [controllers.api.AlertRules, 'update']).as('update')
          router.put('/:id/enabled', [controllers.api.AlertRules, 'toggle']).as('toggle')
          router.delete('/:id', [controllers.api.AlertRules, 'destroy']).as('destroy')
        })
        .prefix('/alert-rules')
        .as('alert_rules')
        .where('id', router.matchers.number())
      router.get('/alert-events', [controllers.api.AlertRules, 'events']).as('alert_events.index')
    })
    .prefix('/admin')
    .as('admin')
}
