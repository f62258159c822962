import router from '@adonisjs/core/services/router'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import type { World, Viewer } from '#tests/helpers/seed_world'

/**
 * Lists the app's routes and sends one request per route and viewer, with
 * ids of seeded objects, classifying the answer for the authorization
 * matrix (tests/functional/security/authorization_matrix.spec.ts).
 */

export type Route = { key: string; method: string; pattern: string; name?: string }

/** Every route of the router as "METHOD /pattern" (HEAD left out: it mirrors GET). */
export function listRoutes(): Route[] {
  const routes: Route[] = []
  for (const domainRoutes of Object.values(router.toJSON())) {
    for (const route of domainRoutes) {
      for (const method of route.methods) {
        if (method.toUpperCase() === 'HEAD') continue
        const upper = method.toUpperCase()
        routes.push({
          key: `${upper} ${route.pattern}`,
          method: upper,
          pattern: route.pattern,
          name: route.name,
        })
      }
    }
  }
  return routes
}

/**
 * What a viewer got: 'login' (sent to the sign-in page), 401, 403, 404, or
 * 'ok' for anything else below 500 (served, or refused for its input: the
 * empty body is a 422/302-back, which proves the door was open).
 */
export type Outcome = 'login' | 'ok' | 401 | 403 | 404 | 'error'

export function classify(response: ApiResponse): Outcome {
  const status = response.status()
  if (status >= 500) return 'error'
  if ([301, 302, 303].includes(status)) {
    const location = response.header('location') ?? ''
    return new URL(location, 'http://x').pathname === '/login' ? 'login' : 'ok'
  }
  if (status === 401 || status === 403 || status === 404) return status
  return 'ok'
}

/** The id a route parameter stands for, by parameter name and route prefix. */
export function fillParams(
  pattern: string,
  world: World & { attachmentId: number },
  missing = false
): string {
  const byPrefix: [RegExp, number][] = [
    [/^\/processes\/bulk\//, world.bulk.id],
    [/^\/notifications\//, world.notificationId],
    [/^(\/api\/v1)?\/views\/:id\/watch$/, world.views.watch],
    [/^\/views\//, world.views.page],
    [/^\/api\/v1\/views\//, world.views.api],
    [/^\/migrations\//, world.migration.id],
    [/^\/reports\/runs\//, world.run.id],
    [/^\/reports\/schedules\//, world.schedule.id],
    [/^\/profile\/tokens\//, world.tokenId],
    [/^\/admin\/users\//, world.users.member.id],
    [/^\/admin\/alerts\//, world.alertRule.id],
    [/^\/api\/v1\/bulk-operations\//, world.bulk.id],
    [/^\/api\/v1\/notifications\//, world.notificationId],
    [/^\/api\/v1\/migrations\//, world.migration.id],
    [/^\/api\/v1\/reports\//, world.run.id],
    [/^\/api\/v1\/users\//, world.users.member.id],
    [/^\/api\/v1\/auth\/tokens\//, world.apiTokenId],
    [/^\/api\/v1\/report-schedules\//, world.apiSchedule.id],
    [/^\/api\/v1\/admin\/alert-rules\//, world.apiAlertRule.id],
  ]
  const id = byPrefix.find(([prefix]) => prefix.test(pattern))?.[1] ?? world.process.id
  const values: Record<string, string | number> = {
    id,
    process: world.process.id,
    key: pattern.startsWith('/api/v1/state/')
      ? 'seeded-counter'
      : pattern.startsWith('/admin/teams/')
        ? world.teams.page.key
        : pattern.startsWith('/api/v1/teams/')
          ? world.teams.api.key
          : /^\/(api\/v1|admin)\/calendars\//.test(pattern)
            ? 'seeded-calendar'
            : world.workflow.key,
    scope: 'global',
    number: 1,
    attachmentId: world.attachmentId,
    queue: 'default',
    job: 'no-such-job',
    format: 'csv',
    workflowKey: world.workflow.key,
    hookKey: 'no-such-hook',
    hook: 'no-such-hook',
    delivery: 999_999,
  }
  const absent: Record<string, string | number> = {
    ...values,
    id: 999_999,
    process: 999_999,
    key: pattern.startsWith('/api/v1/state/') ? 'absent-key' : 'no-such-key',
    number: 999,
    attachmentId: 999_999,
  }
  return pattern.replace(/:([A-Za-z]+)\??/g, (_, name: string) => {
    const value = (missing ? absent : values)[name]
    if (value === undefined) throw new Error(`No seeded value for :${name} in ${pattern}`)
    return String(value)
  })
}

/** Sends the route's request as `viewer`: a session for pages, a bearer token for /api/v1. */
export async function probe(
  client: ApiClient,
  route: Route,
  url: string,
  viewer: Viewer,
  world: World & { attachmentId: number }
) {
  const isApi = route.pattern.startsWith('/api/v1')
  let request = (client as any).request(url, route.method).redirects(0)
  if (!['GET', 'DELETE'].includes(route.method)) request = request.json({})
  if (!isApi) request = request.withCsrfToken()
  if (viewer !== 'anonymous') {
    const user = world.users[viewer]
    request = isApi ? request.withGuard('api').loginAs(user) : request.loginAs(user)
  }
  return (await request) as ApiResponse
}
