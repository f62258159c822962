/*
|--------------------------------------------------------------------------
| Saved views
|--------------------------------------------------------------------------
|
| `viewsApi()` is registered inside the token-authenticated /api/v1 group of
| start/routes.ts, `viewPages()` inside the signed-in group (the list page
| saves and deletes views; it shows them beside the list).
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

export function viewsApi() {
  router
    .group(() => {
      router.get('/', [controllers.api.Views, 'index']).as('index')
      router.post('/', [controllers.api.Views, 'store']).as('store')
      router.get('/:id', [controllers.api.Views, 'show']).as('show')
      router.patch('/:id', [controllers.api.Views, 'update']).as('update')
      router.delete('/:id', [controllers.api.Views, 'destroy']).as('destroy')
      router.put('/:id/watch', [controllers.api.Views, 'watch']).as('watch')
      router.delete('/:id/watch', [controllers.api.Views, 'unwatch']).as('unwatch')
    })
    .prefix('/views')
    .as('views')
}

export function viewPages() {
  router.post('/views', [controllers.SavedViews, 'store']).as('views.store')
  router.patch('/views/:id', [controllers.SavedViews, 'update']).as('views.update')
  router.delete('/views/:id', [controllers.SavedViews, 'destroy']).as('views.destroy')
  router.post('/views/:id/watch', [controllers.SavedViews, 'watch']).as('views.watch')
  router.delete('/views/:id/watch', [controllers.SavedViews, 'unwatch']).as('views.unwatch')
}
