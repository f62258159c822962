/*
|--------------------------------------------------------------------------
| Workflow pages (list, designer, versions)
|--------------------------------------------------------------------------
|
| Registered inside the signed-in group of start/routes.ts.
|
*/
import router from '@adonisjs/core/services/router'

export function workflowPages() {
  router.on('/workflows').renderInertia('workflows/index', {}).as('workflows.index')
}
