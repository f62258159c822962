/*
|--------------------------------------------------------------------------
| Admin pages, notifications and live updates
|--------------------------------------------------------------------------
|
| Registered inside the signed-in group of start/routes.ts, so every route
| here needs a session:
|
| - /admin/queues, /admin/engine, /admin/alerts, /admin/calendars, /admin/audit (and its
|   CSV export) and /admin/sso: admins only (the
|   controllers authorize `viewAdmin`); queue names outside config/queue.ts
|   are 404.
| - /notifications: each person's own notifications and preferences.
| - /__transmit/*: the server-sent events stream and its subscribe and
|   unsubscribe calls (@adonisjs/transmit). Being in the signed-in group is
|   what lets the channel rules (app/support/live_updates.ts) see the user.
|
*/
import router from '@adonisjs/core/services/router'
import transmit from '@adonisjs/transmit/services/main'
import { controllers } from '#generated/controllers'
import queueConfig from '#config/queue'
import { registerLiveUpdates } from '#support/live_updates'

const queueName = new RegExp(`^(${Object.keys(queueConfig.queues).join('|')})$`)

export function adminPages() {
  router
    .group(() => {
      router.get('/queues', [controllers.admin.Queues, 'index']).as('queues.index')
      router
        .group(() => {
          router.get('/', [controllers.admin.Queues, 'show']).as('show')
          router.post('/retry', [controllers.admin.Queues, 'retryAll']).as('retry_all')
          router.post('/pause', [controllers.admin.Queues, 'pause']).as('pause')
          router.post('/resume', [controllers.admin.Queues, 'resume']).as('resume')
          router.post('/jobs/:job/retry', [controllers.admin.Queues, 'retry']).as('jobs.retry')
          router.delete('/jobs/:job', [controllers.admin.Queues, 'destroy']).as('jobs.destroy')
        })
        .prefix('/queues/:queue')
        .as('queues')
        .where('queue', { match: queueName })

      router.get('/engine', [controllers.admin.EngineHealth, 'show']).as('engine.show')

      router
        .group(() => {
          router.get('/', [controllers.admin.Calendars, 'index']).as('index')
          router.get('/new', [controllers.admin.Calendars, 'create']).as('create')
          router.post('/', [controllers.admin.Calendars, 'store']).as('store')
          router.get('/:key/edit', [controllers.admin.Calendars, 'edit']).as('edit')
          router.put('/:key', [controllers.admin.Calendars, 'update']).as('update')
        })
        .prefix('/calendars')
        .as('calendars')

      router
        .group(() => {
          router.get('/', [controllers.admin.Alerts, 'index']).as('index')
          router.get('/new', [controllers.admin.Alerts, 'create']).as('create')
          router.post('/', [controllers.admin.Alerts, 'store']).as('store')
          router.get('/:id/edit', [controllers.admin.Alerts, 'edit']).as('edit')
          router.put('/:id', [controllers.admin.Alerts, 'update']).as('update')
          router.put('/:id/enabled', [controllers.admin.Alerts, 'toggle']).as('toggle')
          router.delete('/:id', [controllers.admin.Alerts, 'destroy']).as('destroy')
        })
        .prefix('/alerts')
        .as('alerts')
        .where('id', router.matchers.number())

      router.get('/audit', [controllers.admin.Audit, 'index']).as('audit.index')
      router.get('/audit.csv', [controllers.admin.Audit, 'export']).as('audit.export')
      router.get('/sso', [controllers.admin.SsoSettings, 'show']).as('sso.show')
      router.put('/sso', [controllers.admin.SsoSettings, 'update']).as('sso.update')
    })
    .prefix('/admin')
    .as('admin')

  notificationPages()
  registerLiveUpdates(transmit)
}

function notificationPages() {
  router
    .group(() => {
      router.get('/', [controllers.Notifications, 'index']).as('index')
      router.get('/unread', [controllers.Notifications, 'unread']).as('unread')
      router.post('/read', [controllers.Notifications, 'markAllRead']).as('read_all')
      router.post('/:id/read', [controllers.Notifications, 'markRead']).as('read')
      router.post('/:id/open', [controllers.Notifications, 'open']).as('open')
      router.get('/preferences', [controllers.Notifications, 'preferences']).as('preferences.show')
      router
        .put('/preferences', [controllers.Notifications, 'updatePreferences'])
        .as('preferences.update')
    })
    .prefix('/notifications')
    .as('notifications')
    .where('id', router.matchers.number())
}
