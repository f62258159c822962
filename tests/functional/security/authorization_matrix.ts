import type { Outcome } from '#tests/helpers/route_probe'

/**
 * The authorization matrix: for every route of the router, what an
 * anonymous visitor, a member, a manager and an admin get, and what an
 * admin gets for a missing id (`-` when the route has no parameter).
 * tests/functional/security/authorization_matrix.spec.ts sends each
 * request with ids of seeded objects owned by the manager; a route that
 * is not listed here fails that test, so a new route needs a row.
 *
 * 'login': sent to the sign-in page · 401/403/404 · 'ok': anything else
 * below 500 (served, or refused for its empty body: the door was open).
 * API rows are the same for a token holder: a token acts as its user.
 */
type Row = [
  anonymous: Outcome,
  member: Outcome,
  manager: Outcome,
  admin: Outcome,
  missing: Outcome | '-',
]

const PUBLIC: Row = ['ok', 'ok', 'ok', 'ok', '-']
const SIGNED_IN: Row = ['login', 'ok', 'ok', 'ok', '-']
const SIGNED_IN_ID: Row = ['login', 'ok', 'ok', 'ok', 404]
const LEADS: Row = ['login', 403, 'ok', 'ok', '-']
const LEADS_ID: Row = ['login', 403, 'ok', 'ok', 404]
const ADMINS: Row = ['login', 403, 403, 'ok', '-']
const ADMINS_ID: Row = ['login', 403, 403, 'ok', 404]
const API: Row = [401, 'ok', 'ok', 'ok', '-']
const API_ID: Row = [401, 'ok', 'ok', 'ok', 404]
const API_LEADS: Row = [401, 403, 'ok', 'ok', '-']
const API_LEADS_ID: Row = [401, 403, 'ok', 'ok', 404]
const API_ADMINS: Row = [401, 403, 403, 'ok', '-']
const API_ADMINS_ID: Row = [401, 403, 403, 'ok', 404]
/** A workflow's access settings: admins and its owner (the seeded workflow's is the manager). */
const OWNER_OR_ADMIN_ID: Row = ['login', 403, 'ok', 'ok', 404]
/** Only the owner's own object (the member's notification or token); others get 404. */
const OWNER_ONLY: Row = ['login', 'ok', 404, 404, 404]
/** A private saved view of the manager's: nobody else sees it, admins included. */
const VIEW_OWNER: Row = ['login', 404, 'ok', 404, 404]
const API_VIEW_OWNER: Row = [401, 404, 'ok', 404, 404]

export const MATRIX: Record<string, Row> = {
  'GET /login': PUBLIC,
  'POST /login': PUBLIC,
  // Single sign-on is not configured in this run: 404 (signed-in people are sent home first).
  'GET /auth/sso': [404, 'ok', 'ok', 'ok', '-'],
  'GET /auth/sso/callback': [404, 'ok', 'ok', 'ok', '-'],
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  // Served to loopback clients (the test client is one) when METRICS_TOKEN is unset;
  // refusals (remote client, token) are in tests/functional/metrics/metrics.spec.ts.
  'GET /metrics': PUBLIC,
  'POST /locale': PUBLIC,
  'GET /': SIGNED_IN,
  // Signing out always ends on the sign-in page.
  'POST /logout': ['login', 'login', 'login', 'login', '-'],

  'GET /processes': SIGNED_IN,
  'GET /processes/export': SIGNED_IN,
  'GET /processes/create': SIGNED_IN,
  'POST /processes': SIGNED_IN,
  'POST /processes/bulk/transitions': LEADS,
  'POST /processes/bulk/preview': LEADS,
  'POST /processes/bulk': LEADS,
  'GET /processes/bulk/:id': LEADS_ID,
  'GET /processes/:id': SIGNED_IN_ID,
  'GET /processes/:id/timeline': SIGNED_IN_ID,
  'POST /processes/:id/transitions': SIGNED_IN_ID,
  // The member is neither creator nor assignee of the seeded process.
  'PUT /processes/:id/data': LEADS_ID,
  'POST /processes/:id/assign': SIGNED_IN_ID,
  'POST /processes/:id/comments': SIGNED_IN_ID,
  'POST /processes/:id/cancel': LEADS_ID,
  'GET /processes/:id/attachments': SIGNED_IN_ID,
  'POST /processes/:id/attachments': SIGNED_IN_ID,
  'GET /processes/:id/attachments/:attachmentId': SIGNED_IN_ID,

  // Saved views: the seeded ones are the manager's private views (others: 404, as missing).
  'POST /views': SIGNED_IN,
  'PATCH /views/:id': VIEW_OWNER,
  'DELETE /views/:id': VIEW_OWNER,
  'POST /views/:id/watch': VIEW_OWNER,
  'DELETE /views/:id/watch': VIEW_OWNER,
  'GET /api/v1/views': API,
  'POST /api/v1/views': API,
  'GET /api/v1/views/:id': API_VIEW_OWNER,
  'PATCH /api/v1/views/:id': API_VIEW_OWNER,
  'DELETE /api/v1/views/:id': API_VIEW_OWNER,
  'PUT /api/v1/views/:id/watch': API_VIEW_OWNER,
  'DELETE /api/v1/views/:id/watch': API_VIEW_OWNER,

  'GET /workflows/:key/board': SIGNED_IN_ID,
  'GET /workflows': SIGNED_IN,
  'GET /workflows/new': LEADS,
  'POST /workflows': LEADS,
  'POST /workflows/import': LEADS,
  'GET /workflows/:key': SIGNED_IN_ID,
  'GET /workflows/:key/edit': LEADS_ID,
  'PUT /workflows/:key/draft': LEADS_ID,
  'POST /workflows/:key/publish': LEADS_ID,
  // The seeded workflow has no draft (409), and the seeded id names no draft check.
  'POST /workflows/:key/draft/check': LEADS_ID,
  'GET /workflows/:key/draft/checks/:id': ['login', 403, 404, 404, 404],
  // A missing workflow or version sends back to the list with a message.
  'GET /workflows/:key/versions/:number/export': ['login', 'ok', 'ok', 'ok', 'ok'],
  'POST /workflows/:key/processes': ['login', 'ok', 'ok', 'ok', 'ok'],
  'GET /workflows/:key/migrate': ADMINS_ID,
  'POST /workflows/:key/migrations': ADMINS_ID,
  'GET /migrations/:id': ADMINS_ID,

  // Queue names outside config/queue.ts do not match the route at all.
  'GET /admin/queues': ADMINS,
  'GET /admin/queues/:queue': ['login', 403, 403, 'ok', 'ok'],
  'POST /admin/queues/:queue/retry': ['login', 403, 403, 'ok', 'ok'],
  'POST /admin/queues/:queue/pause': ['login', 403, 403, 'ok', 'ok'],
  'POST /admin/queues/:queue/resume': ['login', 403, 403, 'ok', 'ok'],
  'POST /admin/queues/:queue/jobs/:job/retry': ['login', 403, 403, 'ok', 'ok'],
  'DELETE /admin/queues/:queue/jobs/:job': ['login', 403, 403, 'ok', 'ok'],
  'GET /admin/engine': ADMINS,
  'GET /admin/alerts': ADMINS,
  'GET /admin/alerts/new': ADMINS,
  'POST /admin/alerts': ADMINS,
  'GET /admin/alerts/:id/edit': ADMINS_ID,
  'PUT /admin/alerts/:id': ADMINS_ID,
  'PUT /admin/alerts/:id/enabled': ADMINS_ID,
  'DELETE /admin/alerts/:id': ADMINS_ID,
  'GET /admin/webhooks': ADMINS,
  'POST /admin/webhooks': ADMINS,
  // No subscription is seeded: admins get 404 for the id.
  'PUT /admin/webhooks/:id': ['login', 403, 403, 404, 404],
  'POST /admin/webhooks/:id/rotate': ['login', 403, 403, 404, 404],
  'DELETE /admin/webhooks/:id': ['login', 403, 403, 404, 404],
  'POST /admin/webhooks/:id/deliveries/:delivery/redeliver': ['login', 403, 403, 404, 404],
  // Inbound hooks are signed per hook, not signed in: an unknown hook is 404 for everyone.
  'POST /hooks/:workflowKey/:hookKey': [404, 404, 404, 404, 404],
  'GET /admin/audit': ADMINS,
  'GET /admin/audit.csv': ADMINS,
  'GET /admin/sso': ADMINS,
  'PUT /admin/sso': ADMINS,
  'GET /admin/automation': ADMINS,
  // The seeded process needs no attention: nothing to retry (404); resolving is idempotent.
  'POST /admin/automation/attention/:process/retry': ['login', 403, 403, 404, 404],
  'POST /admin/automation/attention/:process/resolve': ['login', 403, 403, 'ok', 'ok'],

  'GET /notifications': SIGNED_IN,
  'GET /notifications/unread': SIGNED_IN,
  'POST /notifications/read': SIGNED_IN,
  'POST /notifications/:id/read': OWNER_ONLY,
  'POST /notifications/:id/open': OWNER_ONLY,
  'GET /notifications/preferences': SIGNED_IN,
  'PUT /notifications/preferences': SIGNED_IN,
  // Without a stream id the live-update routes answer 422 (they threw a 500 before).
  'GET /__transmit/events': SIGNED_IN,
  'POST /__transmit/subscribe': SIGNED_IN,
  'POST /__transmit/unsubscribe': SIGNED_IN,

  'GET /reports': LEADS,
  'POST /reports/runs': LEADS,
  'GET /reports/runs/:id': LEADS_ID,
  // The seeded run is pending: nothing to export yet.
  'GET /reports/runs/:id/export/:format': ['login', 403, 404, 404, 404],
  'POST /reports/schedules': LEADS,
  // The manager's request deletes the schedule, so the admin's finds none.
  'DELETE /reports/schedules/:id': ['login', 403, 'ok', 404, 404],

  // Teams (admins) and the teams a manager leads; each route group has its own seeded team.
  'GET /admin/teams': ADMINS,
  'POST /admin/teams': ADMINS,
  'PATCH /admin/teams/:key': ADMINS_ID,
  'PUT /admin/teams/:key/members': ADMINS_ID,
  'DELETE /admin/teams/:key': ADMINS_ID,
  'GET /teams': LEADS,
  'GET /workflows/:key/access': OWNER_OR_ADMIN_ID,
  'PUT /workflows/:key/access': OWNER_OR_ADMIN_ID,

  'GET /profile': SIGNED_IN,
  'PUT /profile': SIGNED_IN,
  'PUT /profile/password': SIGNED_IN,
  'POST /profile/tokens': SIGNED_IN,
  'DELETE /profile/tokens/:id': OWNER_ONLY,
  'GET /admin/users': ADMINS,
  'GET /admin/users/create': ADMINS,
  'POST /admin/users': ADMINS,
  'PATCH /admin/users/:id': ADMINS_ID,

  'POST /api/v1/auth/tokens': PUBLIC,
  'GET /api/v1/openapi.json': PUBLIC,
  'GET /api/v1/definition.schema.json': PUBLIC,
  'GET /api/v1/me': API,
  'GET /api/v1/audit': [401, 403, 403, 'ok', '-'],
  // Reading the state store is for everyone with a token; the seeded store is empty.
  'GET /api/v1/state/:scope/:key': [401, 404, 404, 404, 404],
  'PUT /api/v1/state/:scope/:key': [401, 403, 'ok', 'ok', 'ok'],
  'DELETE /api/v1/state/:scope/:key': [401, 403, 404, 404, 404],
  'POST /api/v1/state/:scope/:key/increment': [401, 403, 'ok', 'ok', 'ok'],
  'POST /api/v1/state/:scope/:key/lock': [401, 403, 'ok', 'ok', 'ok'],
  'DELETE /api/v1/state/:scope/:key/lock': [401, 403, 'ok', 'ok', 'ok'],
  'GET /api/v1/webhooks': API_LEADS,
  'POST /api/v1/webhooks': API_LEADS,
  'GET /api/v1/webhooks/:id': [401, 403, 404, 404, 404],
  'PATCH /api/v1/webhooks/:id': [401, 403, 404, 404, 404],
  'DELETE /api/v1/webhooks/:id': [401, 403, 404, 404, 404],
  'POST /api/v1/webhooks/:id/rotate': [401, 403, 404, 404, 404],
  'GET /api/v1/webhooks/:id/deliveries': [401, 403, 404, 404, 404],
  'POST /api/v1/webhooks/:id/deliveries/:delivery/redeliver': [401, 403, 404, 404, 404],
  // The seeded workflow is the manager's; no hook is seeded.
  'GET /api/v1/workflows/:key/hooks': API_LEADS_ID,
  'POST /api/v1/workflows/:key/hooks': API_LEADS_ID,
  'PATCH /api/v1/workflows/:key/hooks/:hook': [401, 403, 404, 404, 404],
  'DELETE /api/v1/workflows/:key/hooks/:hook': [401, 403, 404, 404, 404],
  'GET /api/v1/workflows': API,
  'POST /api/v1/workflows': API_LEADS,
  'GET /api/v1/workflows/:key': API_ID,
  'PUT /api/v1/workflows/:key/draft': API_LEADS_ID,
  'POST /api/v1/workflows/:key/publish': API_LEADS_ID,
  'GET /api/v1/workflows/:key/versions/:number': API_ID,
  'POST /api/v1/workflows/:key/draft/check': API_LEADS_ID,
  'GET /api/v1/workflows/:key/draft/checks/:id': [401, 403, 404, 404, 404],
  'GET /api/v1/teams': API_ADMINS,
  'POST /api/v1/teams': API_ADMINS,
  'GET /api/v1/teams/:key': API_ADMINS_ID,
  'PATCH /api/v1/teams/:key': API_ADMINS_ID,
  'PUT /api/v1/teams/:key/members': API_ADMINS_ID,
  'DELETE /api/v1/teams/:key': API_ADMINS_ID,
  'GET /api/v1/workflows/:key/access': [401, 403, 'ok', 'ok', 404],
  'PUT /api/v1/workflows/:key/access': [401, 403, 'ok', 'ok', 404],
  'GET /api/v1/processes': API,
  'POST /api/v1/processes': API,
  'GET /api/v1/processes/:id': API_ID,
  'PATCH /api/v1/processes/:id': API_LEADS_ID,
  'POST /api/v1/processes/:id/transitions': API_ID,
  'POST /api/v1/processes/:id/assign': API_ID,
  'POST /api/v1/processes/:id/comments': API_ID,
  'POST /api/v1/processes/:id/cancel': API_LEADS_ID,
  'GET /api/v1/processes/:id/events': API_ID,
  'GET /api/v1/processes/:id/attachments': API_ID,
  'POST /api/v1/processes/:id/attachments': API_ID,
  'GET /api/v1/processes/:id/attachments/:attachmentId': API_ID,
  'POST /api/v1/bulk-operations/transitions': API_LEADS,
  'POST /api/v1/bulk-operations/preview': API_LEADS,
  'POST /api/v1/bulk-operations': API_LEADS,
  'GET /api/v1/bulk-operations/:id': API_LEADS_ID,
  'GET /api/v1/bulk-operations/:id/items': API_LEADS_ID,
  'POST /api/v1/workflows/:key/migrations/dry-run': API_ADMINS_ID,
  'POST /api/v1/workflows/:key/migrations': API_ADMINS_ID,
  'GET /api/v1/migrations/:id': API_ADMINS_ID,
  'GET /api/v1/migrations/:id/items': API_ADMINS_ID,
  'GET /api/v1/reports': API_LEADS,
  'POST /api/v1/reports': API_LEADS,
  'GET /api/v1/reports/:id': API_LEADS_ID,
  // The seeded run is pending: nothing to export yet.
  'GET /api/v1/reports/:id/export/:format': [401, 403, 404, 404, 404],
  'GET /api/v1/notifications': API,
  'POST /api/v1/notifications/read': API,
  'POST /api/v1/notifications/:id/read': [401, 'ok', 404, 404, 404],
  'GET /api/v1/users': API_ADMINS,
  'POST /api/v1/users': API_ADMINS,
  'PATCH /api/v1/users/:id': API_ADMINS_ID,
  // Business calendars (issue 19): the default calendar is seeded by its migration.
  'GET /admin/calendars': ADMINS,
  'GET /admin/calendars/new': ADMINS,
  'POST /admin/calendars': ADMINS,
  'GET /admin/calendars/:key/edit': ADMINS_ID,
  'PUT /admin/calendars/:key': ADMINS_ID,
  'GET /api/v1/calendars': API,
  'POST /api/v1/calendars': API_ADMINS,
  'PUT /api/v1/calendars/:key': API_ADMINS_ID,
  // Team queues, approvals and absences (issue 19): the seeded process is in no queue and asks no
  // approval, so a signed-in person's empty request is refused for its body, past the door.
  'GET /queues': SIGNED_IN,
  'POST /processes/:id/claim': SIGNED_IN_ID,
  'POST /processes/:id/votes': SIGNED_IN_ID,
  'PUT /profile/absence': SIGNED_IN,
  'DELETE /profile/absence': SIGNED_IN,
  'POST /api/v1/processes/:id/claim': API_ID,
  'POST /api/v1/processes/:id/votes': API_ID,
  'PUT /api/v1/me/absence': API,
  'DELETE /api/v1/me/absence': API,
  // Sub-processes (issue 20).
  'GET /api/v1/processes/:id/children': API_ID,
  // API parity, part two (start/routes/api_parity_pages.ts). Each delete has its own seeded object
  // (the page routes delete theirs first); empty bodies are refused past the door (422).
  'GET /api/v1/auth/tokens': API,
  // The seeded token is the member's: others get 404.
  'DELETE /api/v1/auth/tokens/:id': [401, 'ok', 404, 404, 404],
  'PATCH /api/v1/me': API,
  'PUT /api/v1/me/password': API,
  'GET /api/v1/dashboard': API,
  'GET /api/v1/processes/export': API,
  'GET /api/v1/report-schedules': API_LEADS,
  'POST /api/v1/report-schedules': API_LEADS,
  'GET /api/v1/report-schedules/:id': API_LEADS_ID,
  // The manager's request deletes the schedule, so the admin's finds none.
  'DELETE /api/v1/report-schedules/:id': [401, 403, 'ok', 404, 404],
  'GET /api/v1/notifications/preferences': API,
  'PUT /api/v1/notifications/preferences': API,
  'GET /api/v1/admin/queues': API_ADMINS,
  // Queue names outside config/queue.ts do not match the route; the seeded job id names no failed job.
  'GET /api/v1/admin/queues/:queue': [401, 403, 403, 'ok', 'ok'],
  'GET /api/v1/admin/queues/:queue/failed-jobs': [401, 403, 403, 'ok', 'ok'],
  'POST /api/v1/admin/queues/:queue/retry': [401, 403, 403, 'ok', 'ok'],
  'POST /api/v1/admin/queues/:queue/pause': [401, 403, 403, 'ok', 'ok'],
  'POST /api/v1/admin/queues/:queue/resume': [401, 403, 403, 'ok', 'ok'],
  'POST /api/v1/admin/queues/:queue/jobs/:job/retry': [401, 403, 403, 404, 404],
  'DELETE /api/v1/admin/queues/:queue/jobs/:job': [401, 403, 403, 'ok', 'ok'],
  'GET /api/v1/admin/engine': API_ADMINS,
  'GET /api/v1/admin/automation/attention': API_ADMINS,
  // The seeded process needs no attention: nothing to retry; the empty comment is refused first.
  'POST /api/v1/admin/automation/attention/:process/retry': [401, 403, 403, 404, 404],
  'POST /api/v1/admin/automation/attention/:process/resolve': [401, 403, 403, 'ok', 'ok'],
  'GET /api/v1/admin/alert-rules': API_ADMINS,
  'POST /api/v1/admin/alert-rules': API_ADMINS,
  'GET /api/v1/admin/alert-rules/:id': API_ADMINS_ID,
  'PUT /api/v1/admin/alert-rules/:id': API_ADMINS_ID,
  'PUT /api/v1/admin/alert-rules/:id/enabled': API_ADMINS_ID,
  'DELETE /api/v1/admin/alert-rules/:id': API_ADMINS_ID,
  'GET /api/v1/admin/alert-events': API_ADMINS,
}
