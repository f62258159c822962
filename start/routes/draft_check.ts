/*
|--------------------------------------------------------------------------
| Testing a draft against history
|--------------------------------------------------------------------------
|
| `draftCheckApi()` is registered inside the token-authenticated /api/v1
| group of start/routes.ts; `draftCheckPages()` inside the signed-in group,
| for the designer's panel (same controller, JSON answers and errors).
| The controller authorizes `design` (managers and admins).
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

function draftCheckRoutes() {
  router
    .post('/workflows/:key/draft/check', [controllers.api.DraftChecks, 'store'])
    .as('workflows.draft.check')
  router
    .get('/workflows/:key/draft/checks/:id', [controllers.api.DraftChecks, 'show'])
    .as('workflows.draft.checks.show')
    .where('id', router.matchers.number())
}

export function draftCheckApi() {
  draftCheckRoutes()
}

export function draftCheckPages() {
  router.group(draftCheckRoutes).use(middleware.json())
}
