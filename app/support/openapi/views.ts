import { ROLES } from '#enums/role'
import { PROCESS_SORTS } from '#enums/process_list'
import {
  answer,
  authenticated,
  dateTime,
  jsonBody,
  list,
  nullable,
  object,
  ok,
  ref,
  response,
  type Json,
} from '#support/openapi/helpers'

/** Saved views of the process list (issue 22). */

const viewId = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }
const name = { type: 'string', minLength: 1, maxLength: 120 }

export function viewSchemas(): Record<string, Json> {
  const parts: Record<string, Json> = {
    filters: {
      type: 'object',
      additionalProperties: { type: 'string', maxLength: 255 },
      description:
        'The list’s query-string filters (`workflow`, `stage`, `status`, `assignee`, `priority`, `overdue`, `dueSoon`, `createdFrom`, `createdTo`, `q`, `parent`) and data filters (`"data.amount[gt]": "1000"`), checked as GET /api/v1/processes checks them (422 with `filters.<name>`).',
    },
    columns: {
      ...list({ type: 'string', maxLength: 110 }),
      maxItems: 30,
      description:
        'reference, title, workflow, stage, status, priority, assignee, due_at, updated_at, created_at, or `data.<key>` of a searchable field of the view’s workflow.',
    },
    sort: { type: 'string', enum: [...PROCESS_SORTS] },
    direction: { type: 'string', enum: ['asc', 'desc'] },
    visibility: {
      type: 'string',
      enum: ['private', 'team', 'role'],
      description:
        'private: the owner only; team: members of `team` (the owner must be one; admins any team); role: people of `role` (managers and admins only).',
    },
    team: nullable({ type: 'string', maxLength: 64 }),
    role: nullable({ type: 'string', enum: [...ROLES] }),
  }
  return {
    SavedView: answer({
      id: { type: 'integer' },
      name: { type: 'string' },
      filters: { type: 'object', additionalProperties: { type: 'string' } },
      columns: list({ type: 'string' }),
      sort: { type: 'string' },
      direction: { type: 'string', enum: ['asc', 'desc'] },
      visibility: { type: 'string', enum: ['private', 'team', 'role'] },
      team: nullable({ type: 'string' }),
      role: nullable({ type: 'string' }),
      mine: { type: 'boolean', description: 'Whether the caller owns it (and may change it).' },
      watching: {
        type: 'boolean',
        description: 'Whether the caller watches it (notified when a process newly matches).',
      },
      count: nullable({
        type: 'integer',
        description:
          'Processes it matches now, for the caller; null when its filter no longer holds.',
      }),
      countCapped: {
        type: 'boolean',
        description: 'True when there are more than `count` (the cap, 1000).',
      },
      updatedAt: dateTime,
    }),
    SavedViewResponse: answer({ data: ref('SavedView') }),
    SavedViewListResponse: answer({ data: list(ref('SavedView')) }),
    SavedViewCreateRequest: object({ name, ...parts }, ['name']),
    SavedViewUpdateRequest: object({ name, ...parts }),
  }
}

export function viewPaths(): Record<string, Json> {
  const one = [viewId]
  return {
    '/api/v1/views': {
      get: {
        operationId: 'api.views.index',
        summary: 'List the saved views the caller may use, with live counts',
        description:
          'Their own views and those shared with one of their teams or their role, leaving out views of workflows they may not see. Counts are capped at 1000 (`countCapped`).',
        tags: ['views'],
        responses: { '200': ok('The views, by name.', 'SavedViewListResponse'), ...authenticated },
      },
      post: {
        operationId: 'api.views.store',
        summary: 'Save a view of the process list',
        description: 'Private unless shared. A name the caller already uses answers 422.',
        tags: ['views'],
        requestBody: jsonBody('SavedViewCreateRequest'),
        responses: {
          '201': ok('The view with its count.', 'SavedViewResponse'),
          ...authenticated,
          '403': response('Forbidden'),
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/views/{id}': {
      parameters: one,
      get: {
        operationId: 'api.views.show',
        summary: 'Read a saved view and its live count',
        tags: ['views'],
        responses: {
          '200': ok('The view.', 'SavedViewResponse'),
          ...authenticated,
          '404': response('NotFound'),
        },
      },
      patch: {
        operationId: 'api.views.update',
        summary: 'Change a saved view (its owner)',
        description: 'Others who may use it get 403; others 404.',
        tags: ['views'],
        requestBody: jsonBody('SavedViewUpdateRequest'),
        responses: {
          '200': ok('The view.', 'SavedViewResponse'),
          ...authenticated,
          '403': response('Forbidden'),
          '404': response('NotFound'),
          '422': response('ValidationFailed'),
        },
      },
      delete: {
        operationId: 'api.views.destroy',
        summary: 'Delete a saved view (its owner)',
        tags: ['views'],
        responses: {
          '204': { description: 'Deleted.' },
          ...authenticated,
          '403': response('Forbidden'),
          '404': response('NotFound'),
        },
      },
    },
    '/api/v1/views/{id}/watch': {
      parameters: one,
      put: {
        operationId: 'api.views.watch',
        summary: 'Watch a saved view',
        description:
          'Anyone who may use the view (its owner, or a reader of a shared view). The caller gets one in-app notification when a process newly matches it (it did not match at the last evaluation and does after a change), in their sight of workflows. Idempotent.',
        tags: ['views'],
        responses: {
          '200': ok('The view, `watching` true.', 'SavedViewResponse'),
          ...authenticated,
          '404': response('NotFound'),
        },
      },
      delete: {
        operationId: 'api.views.unwatch',
        summary: 'Stop watching a saved view',
        tags: ['views'],
        responses: {
          '204': { description: 'Not watched (any more).' },
          ...authenticated,
          '404': response('NotFound'),
        },
      },
    },
  }
}
