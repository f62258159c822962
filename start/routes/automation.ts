/*
|--------------------------------------------------------------------------
| Automation: the state store API and the admin pages
|--------------------------------------------------------------------------
|
| `automationApi()` is registered inside the token-authenticated /api/v1
| group of start/routes.ts, `automationPages()` inside the signed-in group
| (admins only: the controller authorizes `viewAdmin`). State addresses
| are checked after authentication (422 for a bad scope or key).
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

export function automationApi() {
  router
    .group(() => {
      router.get('/', [controllers.api.State, 'show']).as('show')
      router.put('/', [controllers.api.State, 'update']).as('update')
      router.delete('/', [controllers.api.State, 'destroy']).as('destroy')
      router.post('/increment', [controllers.api.State, 'increment']).as('increment')
      router.post('/lock', [controllers.api.State, 'lock']).as('lock')
      router.delete('/lock', [controllers.api.State, 'unlock']).as('unlock')
    })
    .prefix('/state/:scope/:key')
    .as('state')
}

export function automationPages() {
  router
    .group(() => {
      router.get('/', [controllers.admin.Automation, 'index']).as('index')
      router
        .post('/attention/:process/retry', [controllers.admin.Automation, 'retry'])
        .as('attention.retry')
        .where('process', router.matchers.number())
      router
        .post('/attention/:process/resolve', [controllers.admin.Automation, 'resolve'])
        .as('attention.resolve')
        .where('process', router.matchers.number())
    })
    .prefix('/admin/automation')
    .as('admin.automation')
}
