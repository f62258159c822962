import { REPORT_KINDS } from '#actions/reports/types'
import { ROLES } from '#enums/role'
import {
  answer,
  dateTime,
  jsonBody,
  list,
  nullable,
  object,
  ok,
  parameter,
  ref,
  response,
  type Json,
} from '#support/openapi/helpers'
import { cursorList, cursorQuery, guarded } from '#support/openapi/cursor'

/** Bulk operations, migrations and reports: long-running work (app/controllers/api/). */

const REFUSALS = [
  'closed',
  'forbidden',
  'unchanged',
  'unknown_transition',
  'not_from_current_stage',
  'role_not_allowed',
  'missing_fields',
  'guard_failed',
]
const RUN_STATUS = { type: 'string', enum: ['pending', 'running', 'completed', 'failed'] }
const positiveIds = { type: 'array', items: { type: 'integer', minimum: 1 } }
const selection = {
  ids: { ...positiveIds, minItems: 1, maxItems: 500, description: 'Ticked process ids.' },
  filter: {
    type: 'object',
    additionalProperties: { type: 'string', maxLength: 120 },
    description: 'The process list’s filters (its query-string values), instead of `ids`.',
  },
}
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }

export function operationSchemas(): Record<string, Json> {
  return {
    /* Bulk operations (app/validators/bulk_action.ts) */
    BulkSelectionRequest: object(selection),
    BulkActionRequest: object(
      {
        action: { type: 'string', enum: ['assign', 'transition', 'cancel'] },
        transition: { type: 'string', minLength: 1, maxLength: 64 },
        assigneeId: { type: ['integer', 'null'], minimum: 1, description: 'null unassigns.' },
        reason: { type: 'string', maxLength: 2000 },
        ...selection,
      },
      ['action']
    ),
    BulkTransitionListResponse: answer({
      data: list(
        answer({ key: { type: 'string' }, label: { type: 'string' }, count: { type: 'integer' } })
      ),
    }),
    BulkPreviewResponse: answer({
      data: answer({
        total: { type: 'integer', minimum: 0 },
        applicable: { type: 'integer', minimum: 0 },
        refused: { type: 'integer', minimum: 0 },
        limit: { type: 'integer' },
        tooMany: { type: 'boolean', description: 'The selection holds more than `limit`.' },
        reasons: list(
          answer({ code: { type: 'string', enum: REFUSALS }, count: { type: 'integer' } })
        ),
        samples: list(
          answer({
            processId: { type: 'integer' },
            reference: { type: 'string' },
            title: { type: 'string' },
            code: { type: 'string', enum: REFUSALS },
            detail: nullable({ type: 'string' }),
          })
        ),
      }),
    }),
    BulkOperation: answer({
      id: { type: 'integer' },
      action: { type: 'string', enum: ['assign', 'transition', 'cancel'] },
      status: RUN_STATUS,
      total: { type: 'integer' },
      processed: { type: 'integer' },
      succeeded: { type: 'integer' },
      refused: { type: 'integer' },
      failed: { type: 'integer' },
      progress: { type: 'integer', minimum: 0, maximum: 100 },
      transition: nullable({ type: 'string' }),
      assigneeId: nullable({ type: 'integer' }),
      reason: nullable({ type: 'string' }),
      byFilter: { type: 'boolean' },
      error: nullable({ type: 'string' }),
      requestedBy: { ...nullable({ type: 'integer' }), description: 'A user id.' },
      createdAt: dateTime,
      finishedAt: nullable(dateTime),
    }),
    BulkOperationResponse: answer({ data: ref('BulkOperation') }),
    BulkItem: answer({
      processId: { type: 'integer' },
      reference: { type: 'string' },
      title: { type: 'string' },
      outcome: { type: 'string', enum: ['pending', 'succeeded', 'refused', 'failed'] },
      code: nullable({ type: 'string' }),
      message: nullable({ type: 'string' }),
    }),
    BulkItemListResponse: cursorList('BulkItem'),

    /* Process migrations (app/validators/migration.ts) */
    MigrationRequest: object(
      {
        from: { type: 'integer', minimum: 1, description: 'Version number to move from.' },
        to: { type: 'integer', minimum: 1, description: 'A newer published version number.' },
        map: {
          type: 'object',
          additionalProperties: { type: 'string', maxLength: 64 },
          description: 'Stage key in `from` → stage key in `to`.',
        },
      },
      ['from', 'to', 'map']
    ),
    MigrationPlanResponse: answer({
      data: answer({
        from: { type: 'integer' },
        to: { type: 'integer' },
        moves: list(
          answer({
            processId: { type: 'integer' },
            reference: { type: 'string' },
            title: { type: 'string' },
            fromStage: { type: 'string' },
            toStage: { type: 'string' },
          })
        ),
        refused: list(
          answer({
            processId: { type: 'integer' },
            reference: { type: 'string' },
            title: { type: 'string' },
            fromStage: { type: 'string' },
            reason: { type: 'string' },
          })
        ),
      }),
    }),
    ProcessMigration: answer({
      id: { type: 'integer' },
      status: RUN_STATUS,
      total: { type: 'integer' },
      moved: { type: 'integer' },
      refused: { type: 'integer' },
      failed: { type: 'integer' },
      workflow: { type: 'string', description: 'Workflow key.' },
      from: { type: 'integer' },
      to: { type: 'integer' },
      progress: { type: 'integer', minimum: 0, maximum: 100 },
      mapping: { type: 'object', additionalProperties: { type: 'string' } },
      error: nullable({ type: 'string' }),
      requestedBy: nullable({ type: 'integer' }),
      createdAt: dateTime,
      finishedAt: nullable(dateTime),
    }),
    ProcessMigrationResponse: answer({ data: ref('ProcessMigration') }),
    MigrationItem: answer({
      processId: { type: 'integer' },
      reference: { type: 'string' },
      title: { type: 'string' },
      fromStage: { type: 'string' },
      toStage: nullable({ type: 'string' }),
      result: { type: 'string', enum: ['moved', 'refused', 'failed'] },
      reason: nullable({ type: 'string' }),
    }),
    MigrationItemListResponse: cursorList('MigrationItem'),

    /* Reports (app/validators/report.ts) */
    ReportRequest: object(
      {
        kind: { type: 'string', enum: [...REPORT_KINDS] },
        workflowId: { type: ['integer', 'null'], minimum: 1 },
        version: { type: ['integer', 'null'], minimum: 1 },
        from: { ...day, description: 'First day (in `timezone`), YYYY-MM-DD.' },
        to: { ...day, description: 'Last day, inclusive.' },
        timezone: { type: 'string', maxLength: 64, examples: ['Europe/Lisbon'] },
        assigneeId: { type: ['integer', 'null'], minimum: 1 },
        role: nullable({ type: 'string', enum: [...ROLES] }),
        granularity: { type: 'string', enum: ['day', 'week'] },
      },
      ['kind', 'from', 'to', 'timezone']
    ),
    ReportRun: answer({
      id: { type: 'integer' },
      kind: { type: 'string', enum: [...REPORT_KINDS] },
      params: { type: 'object', additionalProperties: true },
      status: RUN_STATUS,
      progress: { type: 'number', minimum: 0, maximum: 100 },
      error: nullable({ type: 'string' }),
      requestedBy: { ...nullable({ type: 'string' }), description: 'The requester’s name.' },
      scheduled: { type: 'boolean' },
      createdAt: dateTime,
      finishedAt: nullable(dateTime),
    }),
    ReportRunDetail: {
      allOf: [
        ref('ReportRun'),
        answer({
          result: {
            ...nullable({ type: 'object', additionalProperties: true }),
            description: 'The figures (tables and series) once completed.',
          },
          workflowName: nullable({ type: 'string' }),
        }),
      ],
    },
    ReportRunResponse: object(
      {
        data: ref('ReportRun'),
        meta: answer({
          reused: { type: 'boolean', description: 'A recent equal run was reused.' },
        }),
      },
      ['data', 'meta']
    ),
    ReportRunDetailResponse: answer({ data: ref('ReportRunDetail') }),
    ReportRunListResponse: cursorList('ReportRun'),
  }
}

const id = [parameter('Id')]

export function operationPaths(): Record<string, Json> {
  return {
    '/api/v1/bulk-operations/transitions': {
      post: {
        operationId: 'api.bulk.transitions',
        summary: 'The transitions a selection of processes offers (leads)',
        tags: ['bulk'],
        requestBody: jsonBody('BulkSelectionRequest'),
        responses: guarded({
          '200': ok(
            'Transitions by key, with how many processes offer each.',
            'BulkTransitionListResponse'
          ),
        }),
      },
    },
    '/api/v1/bulk-operations/preview': {
      post: {
        operationId: 'api.bulk.preview',
        summary: 'What a bulk action would do, without doing it (leads)',
        tags: ['bulk'],
        requestBody: jsonBody('BulkActionRequest'),
        responses: guarded({
          '200': ok('Counts, refusal reasons and sample refusals.', 'BulkPreviewResponse'),
        }),
      },
    },
    '/api/v1/bulk-operations': {
      post: {
        operationId: 'api.bulk.store',
        summary: 'Start a bulk action; it runs in the background (leads)',
        tags: ['bulk'],
        requestBody: jsonBody('BulkActionRequest'),
        responses: guarded({ '202': ok('The operation, pending.', 'BulkOperationResponse') }),
      },
    },
    '/api/v1/bulk-operations/{id}': {
      parameters: id,
      get: {
        operationId: 'api.bulk.show',
        summary: 'A bulk operation’s progress and counters (leads)',
        tags: ['bulk'],
        responses: guarded({ '200': ok('The operation.', 'BulkOperationResponse') }),
      },
    },
    '/api/v1/bulk-operations/{id}/items': {
      parameters: id,
      get: {
        operationId: 'api.bulk.items',
        summary: 'The result per process, in selection order (leads)',
        tags: ['bulk'],
        parameters: [
          {
            name: 'outcome',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['pending', 'succeeded', 'refused', 'failed'] },
          },
          ...cursorQuery,
        ],
        responses: guarded({ '200': ok('One page of results.', 'BulkItemListResponse') }),
      },
    },
    '/api/v1/workflows/{key}/migrations/dry-run': {
      parameters: [parameter('WorkflowKey')],
      post: {
        operationId: 'api.migrations.dry_run',
        summary: 'Which active processes a migration would move or refuse (admins)',
        tags: ['migrations'],
        requestBody: jsonBody('MigrationRequest'),
        responses: guarded({ '200': ok('The plan; nothing is written.', 'MigrationPlanResponse') }),
      },
    },
    '/api/v1/workflows/{key}/migrations': {
      parameters: [parameter('WorkflowKey')],
      post: {
        operationId: 'api.migrations.store',
        summary:
          'Move the active processes of a version to a newer one, in the background (admins)',
        tags: ['migrations'],
        requestBody: jsonBody('MigrationRequest'),
        responses: guarded({ '202': ok('The migration, pending.', 'ProcessMigrationResponse') }),
      },
    },
    '/api/v1/migrations/{id}': {
      parameters: id,
      get: {
        operationId: 'api.migrations.show',
        summary: 'A migration’s progress and counters (admins)',
        tags: ['migrations'],
        responses: guarded({ '200': ok('The migration.', 'ProcessMigrationResponse') }),
      },
    },
    '/api/v1/migrations/{id}/items': {
      parameters: id,
      get: {
        operationId: 'api.migrations.items',
        summary: 'The result per process (admins)',
        tags: ['migrations'],
        parameters: cursorQuery,
        responses: guarded({ '200': ok('One page of results.', 'MigrationItemListResponse') }),
      },
    },
    '/api/v1/reports': {
      get: {
        operationId: 'api.reports.index',
        summary: 'Report runs, newest first (managers and admins)',
        tags: ['reports'],
        parameters: cursorQuery,
        responses: guarded({ '200': ok('One page of runs.', 'ReportRunListResponse') }),
      },
      post: {
        operationId: 'api.reports.store',
        summary: 'Request a report; a worker computes it (managers and admins)',
        description: 'An equal request of the last minutes is reused (200, `meta.reused`).',
        tags: ['reports'],
        requestBody: jsonBody('ReportRequest'),
        responses: guarded({
          '202': ok('The new run, pending.', 'ReportRunResponse'),
          '200': ok('A recent equal run, reused.', 'ReportRunResponse'),
        }),
      },
    },
    '/api/v1/reports/{id}': {
      parameters: id,
      get: {
        operationId: 'api.reports.show',
        summary: 'A run’s progress and, once completed, its result (managers and admins)',
        tags: ['reports'],
        responses: guarded({ '200': ok('The run.', 'ReportRunDetailResponse') }),
      },
    },
    '/api/v1/reports/{id}/export/{format}': {
      parameters: [
        ...id,
        {
          name: 'format',
          in: 'path',
          required: true,
          schema: { type: 'string', enum: ['csv', 'xlsx'] },
        },
      ],
      get: {
        operationId: 'api.reports.export',
        summary: 'Download a completed run as CSV or XLSX (managers and admins)',
        description: 'A run without a result yet is 404.',
        tags: ['reports'],
        responses: {
          '200': {
            description: 'The file (Content-Disposition: attachment).',
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: { type: 'string', format: 'binary' },
              },
            },
          },
          '401': response('Unauthorized'),
          '403': response('Forbidden'),
          '404': response('NotFound'),
        },
      },
    },
  }
}
