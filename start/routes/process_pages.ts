/*
|--------------------------------------------------------------------------
| Process pages (dashboard data, list, process page, board)
|--------------------------------------------------------------------------
|
| Registered inside the signed-in group of start/routes.ts.
|
*/
import router from '@adonisjs/core/services/router'

export function processPages() {
  router.on('/processes').renderInertia('processes/index', {}).as('processes.index')
}
