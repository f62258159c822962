/*
|--------------------------------------------------------------------------
| Routes
|--------------------------------------------------------------------------
|
| Every route is named; pages and redirects build URLs from the names.
| Browser routes use the session guard and CSRF; /api/v1 uses bearer
| tokens and answers JSON only.
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { processPages } from '#start/routes/process_pages'
import { workflowPages } from '#start/routes/workflow_pages'
import { adminPages } from '#start/routes/admin_pages'
import { migrationPages } from '#start/routes/migration_pages'
import { automationApi, automationPages } from '#start/routes/automation'
import { reportPages } from '#start/routes/report_pages'
import { draftCheckApi, draftCheckPages } from '#start/routes/draft_check'
import { teamApi, teamPages } from '#start/routes/teams'
import { collaborationApi, collaborationPages } from '#start/routes/collaboration'
import { inboundHooks, webhookPages, webhooksApi } from '#start/routes/webhooks'
import { parityApi } from '#start/routes/api_parity'
import { viewPages, viewsApi } from '#start/routes/views'
import { pageParityApi } from '#start/routes/api_parity_pages'

/*
|--------------------------------------------------------------------------
| Guests
|--------------------------------------------------------------------------
*/
router
  .group(() => {
    router.get('/login', [controllers.Session, 'create']).as('session.create')
    router.post('/login', [controllers.Session, 'store']).as('session.store')
    // Single sign-on (OpenID Connect); 404 unless SSO_ISSUER is set.
    router.get('/auth/sso', [controllers.Sso, 'redirect']).as('sso.redirect')
    router.get('/auth/sso/callback', [controllers.Sso, 'callback']).as('sso.callback')
  })
  .use(middleware.guest())

// Liveness and readiness for load balancers and orchestrators.
router.get('/health/live', [controllers.Health, 'live']).as('health.live')
router.get('/health/ready', [controllers.Health, 'ready']).as('health.ready')

// Prometheus metrics of this instance: loopback only, or with METRICS_TOKEN.
router.get('/metrics', [controllers.Metrics, 'show']).as('metrics')

router
  .post('/locale', [controllers.Locale, 'update'])
  .as('locale.update')
  .use(middleware.silentAuth())

// Inbound webhooks: signed per hook (Standard Webhooks), no session or token.
inboundHooks()

/*
|--------------------------------------------------------------------------
| Signed-in users
|--------------------------------------------------------------------------
*/
router
  .group(() => {
    router.get('/', [controllers.Dashboard, 'index']).as('dashboard')
    router.post('/logout', [controllers.Session, 'destroy']).as('session.destroy')

    processPages()
    workflowPages()
    adminPages()
    migrationPages()
    automationPages()
    reportPages()
    draftCheckPages()
    teamPages()
    viewPages()
    collaborationPages()
    webhookPages()

    router.get('/profile', [controllers.Profile, 'show']).as('profile.show')
    router.put('/profile', [controllers.Profile, 'update']).as('profile.update')
    router.put('/profile/password', [controllers.Profile, 'updatePassword']).as('profile.password')
    router.post('/profile/tokens', [controllers.AccessTokens, 'store']).as('profile.tokens.store')
    router
      .delete('/profile/tokens/:id', [controllers.AccessTokens, 'destroy'])
      .as('profile.tokens.destroy')

    router
      .group(() => {
        router.get('/users', [controllers.Users, 'index']).as('users.index')
        router.get('/users/create', [controllers.Users, 'create']).as('users.create')
        router.post('/users', [controllers.Users, 'store']).as('users.store')
        router
          .patch('/users/:id', [controllers.Users, 'update'])
          .as('users.update')
          .where('id', router.matchers.number())
      })
      .prefix('/admin')
  })
  .use(middleware.auth({ guards: ['web'] }))

/*
|--------------------------------------------------------------------------
| JSON API v1
|--------------------------------------------------------------------------
*/
router
  .group(() => {
    router.post('/auth/tokens', [controllers.api.AuthTokens, 'store']).as('auth.tokens.store')
    router.get('/openapi.json', [controllers.api.Openapi, 'show']).as('openapi')
    router
      .get('/definition.schema.json', [controllers.api.DefinitionSchema, 'show'])
      .as('definition.schema')

    router
      .group(() => {
        router.get('/me', [controllers.api.Me, 'show']).as('me.show')
        router.get('/audit', [controllers.api.Audit, 'index']).as('audit.index')
        automationApi()
        draftCheckApi()
        teamApi()
        viewsApi()
        collaborationApi()

        router.get('/calendars', [controllers.api.Calendars, 'index']).as('calendars.index')
        router.post('/calendars', [controllers.api.Calendars, 'store']).as('calendars.store')
        router.put('/calendars/:key', [controllers.api.Calendars, 'update']).as('calendars.update')
        webhooksApi()
        parityApi()
        pageParityApi()

        router.get('/workflows', [controllers.api.Workflows, 'index']).as('workflows.index')
        router.post('/workflows', [controllers.api.Workflows, 'store']).as('workflows.store')
        router.get('/workflows/:key', [controllers.api.Workflows, 'show']).as('workflows.show')
        router
          .put('/workflows/:key/draft', [controllers.api.Workflows, 'updateDraft'])
          .as('workflows.draft')
        router
          .post('/workflows/:key/publish', [controllers.api.Workflows, 'publish'])
          .as('workflows.publish')
        router
          .get('/workflows/:key/versions/:number', [controllers.api.Workflows, 'showVersion'])
          .as('workflows.versions.show')
          .where('number', router.matchers.number())

        router
          .group(() => {
            router.get('/', [controllers.api.Processes, 'index']).as('index')
            router.post('/', [controllers.api.Processes, 'store']).as('store')
            router.get('/:id', [controllers.api.Processes, 'show']).as('show')
            router.patch('/:id', [controllers.api.Processes, 'update']).as('update')
            router
              .post('/:id/transitions', [controllers.api.ProcessCommands, 'transition'])
              .as('transitions.store')
            router.post('/:id/assign', [controllers.api.ProcessCommands, 'assign']).as('assign')
            router
              .post('/:id/comments', [controllers.api.ProcessCommands, 'comment'])
              .as('comments.store')
            router.post('/:id/cancel', [controllers.api.ProcessCommands, 'cancel']).as('cancel')
            router.get('/:id/events', [controllers.api.ProcessEvents, 'index']).as('events.index')
            router
              .get('/:id/children', [controllers.api.ProcessChildren, 'index'])
              .as('children.index')
          })
          .prefix('/processes')
          .as('processes')
          .where('id', router.matchers.number())
      })
      .use(middleware.auth({ guards: ['api'] }))
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.json())
