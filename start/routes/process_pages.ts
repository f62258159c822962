/*
|--------------------------------------------------------------------------
| Process pages (dashboard data, list, process page, board)
|--------------------------------------------------------------------------
|
| Registered inside the signed-in group of start/routes.ts. The commands
| post through Inertia with the version the page showed; the engine's
| errors come back as a flash message (and field errors) on the same page.
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

export function processPages() {
  router
    .group(() => {
      router.get('/', [controllers.ProcessPages, 'index']).as('index')
      router.get('/export', [controllers.ProcessPages, 'export']).as('export')
      router.get('/create', [controllers.ProcessPages, 'create']).as('create')
      router.post('/', [controllers.ProcessPages, 'store']).as('store')

      // Bulk actions from the list (leads): options and preview answer JSON, then a background run.
      router
        .post('/bulk/transitions', [controllers.BulkOperations, 'transitions'])
        .as('bulk.transitions')
        .use(middleware.json())
      router
        .post('/bulk/preview', [controllers.BulkOperations, 'preview'])
        .as('bulk.preview')
        .use(middleware.json())
      router.post('/bulk', [controllers.BulkOperations, 'store']).as('bulk.store')
      router.get('/bulk/:id', [controllers.BulkOperations, 'show']).as('bulk.show')

      router.get('/:id', [controllers.ProcessPages, 'show']).as('show')
      // The timeline export of the JSON API (?format=csv|json), here behind the session.
      router.get('/:id/timeline', [controllers.api.ProcessEvents, 'index']).as('timeline')
      router.post('/:id/transitions', [controllers.ProcessPages, 'transition']).as('transition')
      router.put('/:id/data', [controllers.ProcessPages, 'updateData']).as('data')
      router.post('/:id/assign', [controllers.ProcessPages, 'assign']).as('assign')
      router.post('/:id/comments', [controllers.ProcessPages, 'comment']).as('comment')
      router.post('/:id/cancel', [controllers.ProcessPages, 'cancel']).as('cancel')
      router.get('/:id/attachments', [controllers.Attachments, 'index']).as('attachments.index')
      router.post('/:id/attachments', [controllers.Attachments, 'store']).as('attachments.store')
      router
        .get('/:id/attachments/:attachmentId', [controllers.Attachments, 'download'])
        .as('attachments.download')
        .where('attachmentId', router.matchers.number())
    })
    .prefix('/processes')
    .as('processes')
    .where('id', router.matchers.number())

  router.get('/workflows/:key/board', [controllers.Board, 'show']).as('board.show')
}
