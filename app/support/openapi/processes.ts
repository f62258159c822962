import { OUTCOMES, STAGE_TYPES } from '#engine/definition'
import { PRIORITIES, PROCESS_EVENT_TYPES } from '#engine/replay'
import { PROCESS_SORTS } from '#enums/process_list'
import {
  answer,
  authenticated,
  data,
  dateTime,
  expectedVersion,
  fileFormat,
  idempotencyKey,
  jsonBody,
  list,
  nullable,
  object,
  ok,
  parameter,
  person,
  ref,
  replayedMeta,
  response,
  type Json,
} from '#support/openapi/helpers'

/** Processes, their events and the commands that change them. */
export function processSchemas(): Record<string, Json> {
  return {
    /* Processes */
    Priority: { type: 'string', enum: [...PRIORITIES] },
    ProcessStatus: { type: 'string', enum: ['active', ...OUTCOMES] },
    PersonSummary: person,
    AvailableTransition: answer({
      key: { type: 'string' },
      label: { type: 'string' },
      to: { type: 'string', description: 'Key of the target stage.' },
      allowed: { type: 'boolean', description: 'Whether the viewer may run it now.' },
      reasons: {
        ...list({ type: 'string', enum: ['role', 'missing_fields', 'guard_failed'] }),
        description: 'Why it is not allowed (empty when allowed).',
      },
      requires: list({ type: 'string' }),
      missingFields: list({ type: 'string' }),
      guardMessage: {
        ...nullable({ type: 'string' }),
        description: 'Why the transition’s condition (`when`) blocks it; null when it does not.',
      },
    }),
    Process: answer({
      id: { type: 'integer' },
      reference: { type: 'string', examples: ['OF-000001'] },
      title: { type: 'string' },
      workflow: answer({ key: { type: 'string' }, name: { type: 'string' } }),
      stage: answer({
        key: { type: 'string' },
        name: { type: 'string' },
        type: { type: 'string', enum: [...STAGE_TYPES] },
      }),
      status: ref('ProcessStatus'),
      priority: ref('Priority'),
      assignee: ref('PersonSummary'),
      dueAt: { ...nullable(dateTime), description: 'When the current stage’s SLA runs out.' },
      overdue: { type: 'boolean' },
      slaBreached: { type: 'boolean' },
      version: {
        type: 'integer',
        minimum: 1,
        description: 'Number of events so far; send it back as `expectedVersion`.',
      },
      createdAt: dateTime,
      updatedAt: dateTime,
      closedAt: nullable(dateTime),
      parentId: {
        ...nullable({ type: 'integer' }),
        description: 'The parent process, for a child started by a stage with children.',
      },
    }),
    ProcessDetail: {
      allOf: [
        ref('Process'),
        answer({
          workflowVersion: answer({
            id: { type: 'integer' },
            number: { type: ['integer', 'null'] },
          }),
          creator: ref('PersonSummary'),
          data: { type: 'object', additionalProperties: true },
          stageEnteredAt: dateTime,
          availableTransitions: {
            ...list(ref('AvailableTransition')),
            description:
              'Transitions leaving the current stage, for the viewer; empty once closed.',
          },
          approval: nullable(ref('ApprovalTally')),
        }),
      ],
    },
    ProcessResponse: object({ data: ref('ProcessDetail'), meta: replayedMeta }, ['data']),
    PaginationMetadata: {
      ...answer({
        total: { type: 'integer', minimum: 0 },
        perPage: { type: 'integer', minimum: 1 },
        currentPage: { type: 'integer', minimum: 1 },
        lastPage: { type: 'integer', minimum: 1 },
      }),
      additionalProperties: true,
    },
    ProcessListResponse: answer({
      data: list(ref('Process')),
      metadata: {
        oneOf: [ref('PaginationMetadata'), ref('CursorMetadata')],
        description: 'Page numbers, or `{ limit, nextCursor }` when `cursor` or `limit` was sent.',
      },
    }),
    ProcessEvent: answer({
      id: { type: 'integer' },
      sequence: {
        type: 'integer',
        minimum: 1,
        description: 'Gapless per process; equals the process version after the event.',
      },
      type: {
        type: 'string',
        description: `One of ${PROCESS_EVENT_TYPES.join(', ')} (other types may be added).`,
      },
      fromStage: { type: ['string', 'null'] },
      toStage: { type: ['string', 'null'] },
      actor: nullable(answer({ id: { type: 'integer' }, name: { type: 'string' } })),
      payload: {
        type: 'object',
        additionalProperties: true,
        description:
          'Depends on the type. `transitioned`: `transition` (its key), `data` (fields set with it), `comment`; ' +
          "on the system's step out of a decision stage (actor null, written in the same transaction as the " +
          'command that entered it, one event per decision stage passed) also `route`.',
        properties: { route: ref('RouteTaken') },
      },
      occurredAt: dateTime,
    }),
    RouteTaken: {
      type: 'object',
      description:
        'Which route a decision stage took: recorded, so replay never evaluates it again. `index` and `when` are null when no route held and `otherwise` was taken.',
      required: ['stage', 'index', 'when'],
      additionalProperties: false,
      properties: {
        stage: { type: 'string', description: 'Key of the decision stage left (= fromStage).' },
        index: {
          type: ['integer', 'null'],
          minimum: 0,
          description:
            "Position of the route that held in the stage's `routes`; null for `otherwise`.",
        },
        when: {
          type: ['string', 'null'],
          description: 'The CEL condition that held; null for `otherwise`.',
        },
      },
    },
    ProcessEventListResponse: answer({ data: list(ref('ProcessEvent')) }),

    /* Process commands (app/validators/process.ts) */
    StartProcessRequest: object(
      {
        workflow: {
          type: 'string',
          maxLength: 64,
          description: 'Workflow key; its latest published version is used.',
        },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        data,
        assignee: {
          type: ['integer', 'null'],
          minimum: 1,
          description: 'A user id; by default the start stage’s default assignee.',
        },
        priority: ref('Priority'),
        idempotencyKey,
      },
      ['workflow', 'title']
    ),
    TransitionRequest: object(
      {
        transition: { type: 'string', minLength: 1, maxLength: 64 },
        expectedVersion,
        data: { ...data, description: `${data.description} Applied with the transition.` },
        comment: { type: 'string', maxLength: 10000 },
        idempotencyKey,
      },
      ['transition', 'expectedVersion']
    ),
    AssignRequest: object(
      {
        assigneeId: {
          type: ['integer', 'null'],
          minimum: 1,
          description: 'A user id, or null to release.',
        },
        expectedVersion,
        idempotencyKey,
      },
      ['assigneeId', 'expectedVersion']
    ),
    CommentRequest: object(
      {
        body: { type: 'string', minLength: 1, maxLength: 10000 },
        expectedVersion: {
          ...expectedVersion,
          description: 'Optional: without it a comment never conflicts.',
        },
        idempotencyKey,
      },
      ['body']
    ),
    UpdateProcessDataRequest: object({ data, expectedVersion, idempotencyKey }, [
      'data',
      'expectedVersion',
    ]),
    CancelRequest: object(
      { reason: { type: 'string', maxLength: 2000 }, expectedVersion, idempotencyKey },
      ['expectedVersion']
    ),
  }
}

type Operation = {
  /** The route name; unique, and what the router test matches on. */
  operationId: string
  summary: string
  description?: string
  tags: string[]
  security?: Json[]
  parameters?: Json[]
  requestBody?: Json
  responses: Record<string, Json>
}

/** A command on a process: same errors everywhere, optional Idempotency-Key header. */
function processCommand(
  operation: Omit<Operation, 'tags' | 'responses'> & { success?: Record<string, Json> }
): Operation {
  const { success, ...rest } = operation
  return {
    ...rest,
    tags: ['processes'],
    parameters: [parameter('IdempotencyKey')],
    responses: {
      ...(success ?? {
        '200': ok(
          'The process after the command (with `meta.replayed` for a repeated idempotency key).',
          'ProcessResponse'
        ),
      }),
      '401': response('Unauthorized'),
      '403': response('Forbidden'),
      '404': response('NotFound'),
      '409': response('VersionConflict'),
      '422': response('ValidationFailed'),
    },
  }
}

const listQuery = (name: string, schema: Json, description?: string) => ({
  name,
  in: 'query',
  required: false,
  ...(description ? { description } : {}),
  schema,
})

export function processPaths(): Record<string, Json> {
  return {
    '/api/v1/processes': {
      get: {
        operationId: 'api.processes.index',
        summary: 'List processes: filter, search, sort and paginate',
        description:
          'Numbered pages (`page`, `perPage`, `sort`, `direction`) or, with `cursor` and/or `limit`, keyset pages newest first (422 when both kinds are sent). Data filters on the searchable fields of `workflow` (required with them): `data.<key>[<op>]=<value>`, `op` one of eq (the default: `data.customer=ACME`), ne, gt, gte, lt, lte (numbers, money amounts, dates YYYY-MM-DD) and contains (text); yes/no fields take true/false. An unknown field, an operator the field type does not take or a value of the wrong kind is 422 naming `data.<key>`; several filters all apply.',
        tags: ['processes'],
        parameters: [
          listQuery('workflow', { type: 'string', maxLength: 64 }, 'Workflow key.'),
          listQuery('stage', { type: 'string', maxLength: 64 }, 'Stage key.'),
          listQuery('status', ref('ProcessStatus')),
          listQuery(
            'assignee',
            { type: 'string', pattern: '^(me|none|[1-9]\\d{0,9})$' },
            'A user id, "me" or "none" (unassigned).'
          ),
          listQuery('priority', ref('Priority')),
          listQuery('overdue', { type: 'boolean' }, 'Only active processes past their SLA.'),
          listQuery('createdFrom', { type: 'string', format: 'date' }, 'YYYY-MM-DD, inclusive.'),
          listQuery('createdTo', { type: 'string', format: 'date' }, 'YYYY-MM-DD, exclusive.'),
          listQuery(
            'q',
            { type: 'string', maxLength: 120 },
            'Free text: every word must begin a word of the title, the reference or a searchable text field (FULLTEXT on MySQL/MariaDB, FTS5 on SQLite).'
          ),
          listQuery('page', { type: 'integer', minimum: 1, maximum: 100000 }),
          listQuery('perPage', { type: 'integer', minimum: 1, maximum: 100 }),
          listQuery('sort', { type: 'string', enum: [...PROCESS_SORTS] }, 'Default updated_at.'),
          listQuery('direction', { type: 'string', enum: ['asc', 'desc'] }, 'Default desc.'),
          listQuery(
            'parent',
            { type: 'string', enum: ['has_parent', 'top_level'] },
            'Only child processes, or only top-level ones.'
          ),
          parameter('Cursor'),
          parameter('Limit'),
        ],
        responses: {
          '200': ok('One page of processes.', 'ProcessListResponse'),
          ...authenticated,
          '422': response('ValidationFailed'),
        },
      },
      post: {
        operationId: 'api.processes.store',
        summary: 'Start a process on the latest published version of a workflow',
        tags: ['processes'],
        parameters: [parameter('IdempotencyKey')],
        requestBody: jsonBody('StartProcessRequest'),
        responses: {
          '201': ok('The new process, at version 1.', 'ProcessResponse'),
          '200': ok(
            'The process an earlier request with the same idempotency key started.',
            'ProcessResponse'
          ),
          ...authenticated,
          '403': response('Forbidden'),
          '404': response('NotFound'),
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/processes/{id}': {
      parameters: [parameter('ProcessId')],
      get: {
        operationId: 'api.processes.show',
        summary: 'A process with its data and the transitions the viewer may run',
        tags: ['processes'],
        responses: {
          '200': ok('The process.', 'ProcessResponse'),
          ...authenticated,
          '403': response('Forbidden'),
          '404': response('NotFound'),
        },
      },
      patch: processCommand({
        operationId: 'api.processes.update',
        summary: 'Update process data (a patch of field values)',
        description: 'Leads, the assignee and the creator only.',
        requestBody: jsonBody('UpdateProcessDataRequest'),
      }),
    },
    '/api/v1/processes/{id}/transitions': {
      parameters: [parameter('ProcessId')],
      post: processCommand({
        operationId: 'api.processes.transitions.store',
        summary: 'Move the process along a transition of its definition',
        description:
          'Allowed only from the current stage, for the roles the definition names, with the required fields filled (they may come in `data`). Entering an end stage closes the process. A refused transition answers 422 with `meta.allowedTransitions`.',
        requestBody: jsonBody('TransitionRequest'),
      }),
    },
    '/api/v1/processes/{id}/assign': {
      parameters: [parameter('ProcessId')],
      post: processCommand({
        operationId: 'api.processes.assign',
        summary: 'Assign, claim or release the process',
        description:
          'Leads assign anyone; members claim what is unassigned and release what is theirs.',
        requestBody: jsonBody('AssignRequest'),
      }),
    },
    '/api/v1/processes/{id}/comments': {
      parameters: [parameter('ProcessId')],
      post: processCommand({
        operationId: 'api.processes.comments.store',
        summary: 'Comment on the process ("@e-mail" mentions notify people)',
        requestBody: jsonBody('CommentRequest'),
        success: {
          '201': ok('The process after the comment.', 'ProcessResponse'),
          '200': ok('A repeated idempotency key: the original answer.', 'ProcessResponse'),
        },
      }),
    },
    '/api/v1/processes/{id}/cancel': {
      parameters: [parameter('ProcessId')],
      post: processCommand({
        operationId: 'api.processes.cancel',
        summary: 'Cancel the process',
        description: 'Leads and the creator only.',
        requestBody: jsonBody('CancelRequest'),
      }),
    },
    '/api/v1/processes/{id}/events': {
      parameters: [parameter('ProcessId')],
      get: {
        operationId: 'api.processes.events.index',
        summary: 'The process timeline, ordered by sequence, as JSON data or as a file',
        tags: ['processes'],
        parameters: [
          fileFormat(
            ['json', 'csv'],
            'Download the timeline as a file (Content-Disposition: attachment) instead of the `{ data }` answer.'
          ),
        ],
        responses: {
          '200': {
            description:
              'The events. With format=csv: columns sequence, occurred_at, type, from_stage, to_stage, actor, payload.',
            content: {
              'application/json': { schema: ref('ProcessEventListResponse') },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...authenticated,
          '403': response('Forbidden'),
          '404': response('NotFound'),
        },
      },
    },
  }
}
