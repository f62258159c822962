/*
|--------------------------------------------------------------------------
| Team queues, approvals and delegation (issue 19)
|--------------------------------------------------------------------------
|
| `collaborationApi()` is registered inside the token-authenticated
| /api/v1 group of start/routes.ts; `collaborationPages()` inside the
| signed-in group (Inertia posts; errors come back as flash messages).
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

export function collaborationApi() {
  router
    .post('/processes/:id/claim', [controllers.api.ProcessCollaboration, 'claim'])
    .as('processes.claim')
    .where('id', router.matchers.number())
  router
    .post('/processes/:id/votes', [controllers.api.ProcessCollaboration, 'vote'])
    .as('processes.votes.store')
    .where('id', router.matchers.number())
  router.put('/me/absence', [controllers.api.Absence, 'update']).as('me.absence.update')
  router.delete('/me/absence', [controllers.api.Absence, 'destroy']).as('me.absence.destroy')
}

export function collaborationPages() {
  router.get('/queues', [controllers.TeamQueues, 'index']).as('queues.index')
  router
    .post('/processes/:id/claim', [controllers.TeamQueues, 'claim'])
    .as('processes.claim')
    .where('id', router.matchers.number())
  router
    .post('/processes/:id/votes', [controllers.TeamQueues, 'vote'])
    .as('processes.votes.store')
    .where('id', router.matchers.number())
  router
    .put('/profile/absence', [controllers.TeamQueues, 'setAbsence'])
    .as('profile.absence.update')
  router
    .delete('/profile/absence', [controllers.TeamQueues, 'clearAbsence'])
    .as('profile.absence.destroy')
}
