/*
|--------------------------------------------------------------------------
| API parity: what the pages do, over /api/v1
|--------------------------------------------------------------------------
|
| Registered inside the token-authenticated /api/v1 group of
| start/routes.ts. Each route reuses the actions (and, for downloads, the
| controller methods) of the pages; the controllers authorize like the
| pages do: bulk operations for leads, migrations and users for admins,
| reports for managers and admins, attachments by process, notifications
| for their owner. Every list is cursor-paginated (app/support/cursor.ts).
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

export function parityApi() {
  router
    .group(() => {
      router.post('/transitions', [controllers.api.BulkOperations, 'transitions']).as('transitions')
      router.post('/preview', [controllers.api.BulkOperations, 'preview']).as('preview')
      router.post('/', [controllers.api.BulkOperations, 'store']).as('store')
      router.get('/:id', [controllers.api.BulkOperations, 'show']).as('show')
      router.get('/:id/items', [controllers.api.BulkOperations, 'items']).as('items')
    })
    .prefix('/bulk-operations')
    .as('bulk')
    .where('id', router.matchers.number())

  router
    .post('/workflows/:key/migrations/dry-run', [controllers.api.Migrations, 'dryRun'])
    .as('migrations.dry_run')
  router
    .post('/workflows/:key/migrations', [controllers.api.Migrations, 'store'])
    .as('migrations.store')
  router
    .group(() => {
      router.get('/:id', [controllers.api.Migrations, 'show']).as('show')
      router.get('/:id/items', [controllers.api.Migrations, 'items']).as('items')
    })
    .prefix('/migrations')
    .as('migrations')
    .where('id', router.matchers.number())

  router
    .group(() => {
      router.get('/', [controllers.api.Reports, 'index']).as('index')
      router.post('/', [controllers.api.Reports, 'store']).as('store')
      router.get('/:id', [controllers.api.Reports, 'show']).as('show')
      router
        .get('/:id/export/:format', [controllers.Reports, 'export'])
        .as('export')
        .where('format', { match: /^(csv|xlsx)$/ })
    })
    .prefix('/reports')
    .as('reports')
    .where('id', router.matchers.number())

  router
    .group(() => {
      router.get('/', [controllers.api.Attachments, 'index']).as('index')
      router.post('/', [controllers.api.Attachments, 'store']).as('store')
      router
        .get('/:attachmentId', [controllers.Attachments, 'download'])
        .as('download')
        .where('attachmentId', router.matchers.number())
    })
    .prefix('/processes/:id/attachments')
    .as('processes.attachments')
    .where('id', router.matchers.number())

  router
    .group(() => {
      router.get('/', [controllers.api.Notifications, 'index']).as('index')
      router.post('/read', [controllers.api.Notifications, 'markAllRead']).as('read_all')
      router.post('/:id/read', [controllers.api.Notifications, 'markRead']).as('read')
    })
    .prefix('/notifications')
    .as('notifications')
    .where('id', router.matchers.number())

  router
    .group(() => {
      router.get('/', [controllers.api.Users, 'index']).as('index')
      router.post('/', [controllers.api.Users, 'store']).as('store')
      router.patch('/:id', [controllers.api.Users, 'update']).as('update')
    })
    .prefix('/users')
    .as('users')
    .where('id', router.matchers.number())
}
