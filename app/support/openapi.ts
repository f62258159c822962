import { definitionSchemas } from '#support/definition_schema'
import {
  commonParameters,
  commonPaths,
  commonResponses,
  commonSchemas,
} from '#support/openapi/common'
import { ref, response, type Json } from '#support/openapi/helpers'
import { auditPaths, auditSchemas } from '#support/openapi/audit'
import { draftCheckPaths, draftCheckSchemas } from '#support/openapi/draft_checks'
import { calendarPaths, calendarSchemas } from '#support/openapi/calendars'
import { processPaths, processSchemas } from '#support/openapi/processes'
import { childrenPaths, childrenSchemas } from '#support/openapi/children'
import { statePaths, stateSchemas } from '#support/openapi/state'
import { teamParameters, teamPaths, teamSchemas } from '#support/openapi/teams'
import { workflowPaths, workflowSchemas } from '#support/openapi/workflows'
import { collaborationPaths, collaborationSchemas } from '#support/openapi/collaboration'
import { webhookPaths, webhookSchemas } from '#support/openapi/webhooks'
import { cursorParameters, cursorSchemas } from '#support/openapi/cursor'
import { operationPaths, operationSchemas } from '#support/openapi/operations'
import { peoplePaths, peopleSchemas } from '#support/openapi/people'
import { viewPaths, viewSchemas } from '#support/openapi/views'
import { parityPagePaths, parityPageSchemas } from '#support/openapi/parity_pages'

/**
 * The OpenAPI 3.1 document of /api/v1, written as data: one part per
 * resource under app/support/openapi/, assembled here. A functional test
 * (tests/functional/api/openapi.spec.ts) checks it against the router, so
 * every route is described and every described route exists, and checks
 * the request bodies against the VineJS validators.
 */

/**
 * Every operation that reads a body may also answer 400 (unreadable JSON)
 * and 413 (too large) before any of its own checks run.
 */
function withBodyErrors(all: Record<string, Json>) {
  for (const item of Object.values(all)) {
    for (const operation of Object.values(item) as Json[]) {
      if (!operation || typeof operation !== 'object' || !('requestBody' in operation)) continue
      const answers = operation.responses as Record<string, Json>
      answers['400'] ??= response('MalformedBody')
      answers['413'] ??= response('PayloadTooLarge')
    }
  }
  return all
}

/**
 * The whole document. Built fresh on each call; it is small.
 */
export function openapiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Stageflow API',
      version: '1',
      description:
        'Versioned state-machine workflows and the processes that run through them. Every change to a process is an event; commands carry the `expectedVersion` they were based on (optimistic locking, 409 on a stale version) and may carry an idempotency key. Answers are `{ data }` (lists add `metadata`: page numbers on GET /api/v1/processes, or `{ limit, nextCursor }` on the cursor-paginated lists — pass `?cursor=<nextCursor>&limit=` for the next page); errors are `{ errors: [{ code, message, field? }], meta? }`.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'auth', description: 'Tokens and the signed-in user.' },
      { name: 'workflows', description: 'Definitions, drafts and published versions.' },
      { name: 'processes', description: 'Processes and the commands that change them.' },
      { name: 'teams', description: 'Teams, their members and leads (admins).' },
      { name: 'views', description: 'Saved views of the process list, with live counts.' },
      { name: 'calendars', description: 'Business calendars that working-time SLAs count in.' },
      { name: 'state', description: 'The workflow state store: values, counters and locks.' },
      { name: 'webhooks', description: 'Outbound webhook subscriptions and inbound hooks.' },
      {
        name: 'bulk',
        description: 'Bulk actions on processes: preview, start, progress, results.',
      },
      { name: 'migrations', description: 'Moving running processes to a newer version.' },
      { name: 'reports', description: 'Report runs: request, progress, result, downloads.' },
      { name: 'attachments', description: 'Files attached to processes.' },
      { name: 'notifications', description: 'The token owner’s in-app notifications.' },
      { name: 'users', description: 'Accounts (admins).' },
      { name: 'audit', description: 'The admin audit log.' },
      {
        name: 'admin',
        description: 'Operations (admins): queues, engine health, automation, alert rules.',
      },
      { name: 'meta', description: 'About the API itself.' },
    ],
    security: [{ bearerAuth: [] }],
    paths: withBodyErrors({
      ...commonPaths(),
      ...workflowPaths(),
      ...draftCheckPaths(),
      ...processPaths(),
      ...collaborationPaths(),
      ...childrenPaths(),
      ...statePaths(),
      ...teamPaths(),
      ...viewPaths(),
      ...calendarPaths(),
      ...webhookPaths(),
      ...operationPaths(),
      ...peoplePaths(),
      ...auditPaths(),
      ...parityPagePaths(),
    }),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'sf_…',
          description:
            'A personal access token (`Authorization: Bearer sf_…`) from POST /api/v1/auth/tokens or the profile page.',
        },
      },
      parameters: { ...commonParameters(), ...teamParameters(), ...cursorParameters() },
      responses: commonResponses(),
      schemas: {
        ...commonSchemas(),
        ...workflowSchemas(),
        ...draftCheckSchemas(),
        ...processSchemas(),
        ...collaborationSchemas(),
        ...childrenSchemas(),
        ...stateSchemas(),
        ...teamSchemas(),
        ...viewSchemas(),
        ...calendarSchemas(),
        ...webhookSchemas(),
        ...cursorSchemas(),
        ...operationSchemas(),
        ...peopleSchemas(),
        ...auditSchemas(),
        ...parityPageSchemas(),
        ...definitionSchemas(ref),
      },
    },
  }
}
