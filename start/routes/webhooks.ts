/*
|--------------------------------------------------------------------------
| Webhooks: outbound subscriptions (API and Admin → Webhooks) and inbound
| hooks
|--------------------------------------------------------------------------
|
| `webhooksApi()` is registered inside the token-authenticated /api/v1
| group, `webhookPages()` inside the signed-in group (admins only: the
| controller authorizes `viewAdmin`). `inboundHooks()` stands alone: no
| session, no token, no CSRF — a Standard Webhooks signature per hook.
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

export function webhooksApi() {
  router
    .group(() => {
      router.get('/', [controllers.api.Webhooks, 'index']).as('index')
      router.post('/', [controllers.api.Webhooks, 'store']).as('store')
      router.get('/:id', [controllers.api.Webhooks, 'show']).as('show')
      router.patch('/:id', [controllers.api.Webhooks, 'update']).as('update')
      router.delete('/:id', [controllers.api.Webhooks, 'destroy']).as('destroy')
      router.post('/:id/rotate', [controllers.api.Webhooks, 'rotate']).as('rotate')
      router.get('/:id/deliveries', [controllers.api.Webhooks, 'deliveries']).as('deliveries')
      router
        .post('/:id/deliveries/:delivery/redeliver', [controllers.api.Webhooks, 'redeliver'])
        .as('redeliver')
    })
    .prefix('/webhooks')
    .as('webhooks')
    .where('id', router.matchers.number())

  router
    .group(() => {
      router.get('/', [controllers.api.WorkflowHooks, 'index']).as('index')
      router.post('/', [controllers.api.WorkflowHooks, 'store']).as('store')
      router.patch('/:hook', [controllers.api.WorkflowHooks, 'update']).as('update')
      router.delete('/:hook', [controllers.api.WorkflowHooks, 'destroy']).as('destroy')
    })
    .prefix('/workflows/:key/hooks')
    .as('workflows.hooks')
}

export function webhookPages() {
  router
    .group(() => {
      router.get('/', [controllers.admin.Webhooks, 'index']).as('index')
      router.post('/', [controllers.admin.Webhooks, 'store']).as('store')
      router.put('/:id', [controllers.admin.Webhooks, 'update']).as('update')
      router.post('/:id/rotate', [controllers.admin.Webhooks, 'rotate']).as('rotate')
      router.delete('/:id', [controllers.admin.Webhooks, 'destroy']).as('destroy')
      router
        .post('/:id/deliveries/:delivery/redeliver', [controllers.admin.Webhooks, 'redeliver'])
        .as('redeliver')
        .where('delivery', router.matchers.number())
    })
    .prefix('/admin/webhooks')
    .as('admin.webhooks')
    .where('id', router.matchers.number())
}

export function inboundHooks() {
  router
    .post('/hooks/:workflowKey/:hookKey', [controllers.Hooks, 'receive'])
    .as('hooks.receive')
    .use(middleware.json())
}
