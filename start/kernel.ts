/*
|--------------------------------------------------------------------------
| HTTP kernel
|--------------------------------------------------------------------------
|
| Server middleware runs on every request, even unmatched ones; router
| middleware runs on matched routes; named middleware is attached per route.
|
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  // First, so it times everything below it (static files and errors included).
  () => import('#middleware/http_metrics_middleware'),
  () => import('#middleware/container_bindings_middleware'),
  () => import('#middleware/policy_headers_middleware'),
  // Static files (public/) only for URLs under its top-level entries (assets/).
  () => import('#middleware/public_files_middleware'),
  () => import('@adonisjs/vite/vite_middleware'),
  () => import('#middleware/inertia_middleware'),
])

// The session comes first (an error raised while parsing the body can
// then be flashed back to a form) and only for browser routes; the body
// parser checks JSON nesting before parsing; shield runs after the body
// is parsed (CSRF reads the _csrf field).
router.use([
  () => import('#middleware/trace_route_middleware'),
  () => import('#middleware/web_session_middleware'),
  () => import('#middleware/body_parser_middleware'),
  () => import('#middleware/sticky_reads_middleware'),
  () => import('#middleware/web_shield_middleware'),
  // After the session: a refused form goes back to the form with the field error.
  () => import('#middleware/well_formed_input_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/detect_user_locale_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
])

export const middleware = router.named({
  auth: () => import('#middleware/auth_middleware'),
  guest: () => import('#middleware/guest_middleware'),
  silentAuth: () => import('#middleware/silent_auth_middleware'),
  json: () => import('#middleware/force_json_middleware'),
})
