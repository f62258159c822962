/*
|--------------------------------------------------------------------------
| Teams and workflow access
|--------------------------------------------------------------------------
|
| `teamApi()` is registered inside the token-authenticated /api/v1 group of
| start/routes.ts, `teamPages()` inside the signed-in group. Teams are for
| admins (the controllers authorize `manage`); /teams lists the teams a
| manager leads. A workflow's access settings are for admins and its owner;
| the designer's Access panel uses the same controller (JSON) behind the
| session.
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

function accessRoutes() {
  router
    .get('/workflows/:key/access', [controllers.api.WorkflowAccess, 'show'])
    .as('workflows.access.show')
  router
    .put('/workflows/:key/access', [controllers.api.WorkflowAccess, 'update'])
    .as('workflows.access.update')
}

export function teamApi() {
  router
    .group(() => {
      router.get('/', [controllers.api.Teams, 'index']).as('index')
      router.post('/', [controllers.api.Teams, 'store']).as('store')
      router.get('/:key', [controllers.api.Teams, 'show']).as('show')
      router.patch('/:key', [controllers.api.Teams, 'update']).as('update')
      router.put('/:key/members', [controllers.api.Teams, 'members']).as('members')
      router.delete('/:key', [controllers.api.Teams, 'destroy']).as('destroy')
    })
    .prefix('/teams')
    .as('teams')
  accessRoutes()
}

export function teamPages() {
  router
    .group(() => {
      router.get('/', [controllers.admin.Teams, 'index']).as('index')
      router.post('/', [controllers.admin.Teams, 'store']).as('store')
      router.patch('/:key', [controllers.admin.Teams, 'update']).as('update')
      router.put('/:key/members', [controllers.admin.Teams, 'members']).as('members')
      router.delete('/:key', [controllers.admin.Teams, 'destroy']).as('destroy')
    })
    .prefix('/admin/teams')
    .as('admin.teams')
  router.get('/teams', [controllers.admin.Teams, 'led']).as('teams.led')
  router.group(accessRoutes).use(middleware.json())
}
