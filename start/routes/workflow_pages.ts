/*
|--------------------------------------------------------------------------
| Workflow pages (list, workflow page, designer, versions)
|--------------------------------------------------------------------------
|
| Registered inside the signed-in group of start/routes.ts. Reading is for
| everyone; the designer routes authorize `design` (managers and admins).
| "/new" and "/import" are declared before "/:key" so they win.
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

export function workflowPages() {
  router
    .group(() => {
      router.get('/', [controllers.WorkflowPages, 'index']).as('index')
      router.get('/new', [controllers.WorkflowDesigner, 'create']).as('create')
      router.post('/', [controllers.WorkflowDesigner, 'store']).as('store')
      router.post('/import', [controllers.WorkflowDesigner, 'import']).as('import')

      router.get('/:key', [controllers.WorkflowPages, 'show']).as('show')
      router.get('/:key/edit', [controllers.WorkflowDesigner, 'edit']).as('edit')
      router.put('/:key/draft', [controllers.WorkflowDesigner, 'update']).as('draft')
      router.post('/:key/publish', [controllers.WorkflowDesigner, 'publish']).as('publish')
      router
        .get('/:key/versions/:number/export', [controllers.WorkflowPages, 'export'])
        .as('export')
        .where('number', router.matchers.number())
      router.post('/:key/processes', [controllers.WorkflowProcesses, 'store']).as('processes.store')
    })
    .prefix('/workflows')
    .as('workflows')
}
