import { FIELD_TYPES, OUTCOMES, ROLES as DEFINITION_ROLES, STAGE_TYPES } from '#engine/definition'
import { PRIORITIES, PROCESS_EVENT_TYPES } from '#engine/replay'
import { ROLES } from '#enums/role'
import { PROCESS_SORTS } from '#models/process'
import { actionSchemas } from '#support/openapi_actions'

/**
 * The OpenAPI 3.1 document of /api/v1, written as data. A functional test
 * (tests/functional/api/openapi.spec.ts) checks it against the router, so
 * every route is described and every described route exists, and checks
 * the request bodies against the VineJS validators.
 */

type Json = { [key: string]: unknown }

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const response = (name: string) => ({ $ref: `#/components/responses/${name}` })
const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` })

const nullable = (schema: Json): Json => ({ oneOf: [schema, { type: 'null' }] })
const dateTime = { type: 'string', format: 'date-time' }
const list = (items: Json): Json => ({ type: 'array', items })
const object = (properties: Record<string, Json>, required: string[] = []): Json => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
})
/** Every property required: the shape of what the API answers. */
const answer = (properties: Record<string, Json>): Json =>
  object(properties, Object.keys(properties))

const jsonContent = (schema: Json) => ({ 'application/json': { schema } })
const jsonBody = (schemaName: string, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: jsonContent(ref(schemaName)),
})
const ok = (description: string, schemaName: string) => ({
  description,
  content: jsonContent(ref(schemaName)),
})

/** Patterns of the definition verifier (app/engine/verifier.ts). */
const SLUG = '^[a-z0-9][a-z0-9_-]*$'
const IDENTIFIER = '^[A-Za-z0-9][A-Za-z0-9_-]*$'
const DURATION = '^[1-9][0-9]*[mhdw]$'

const ERROR_CODES = [
  'unauthorized',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'version_conflict',
  'workflow_exists',
  'no_draft',
  'invalid_<rule> (input validation, one entry per field, e.g. invalid_required)',
  'invalid_input',
  'invalid_data',
  'invalid_definition',
  'workflow_not_published',
  'process_closed',
  'unknown_transition',
  'not_from_current_stage',
  'role_not_allowed',
  'missing_fields',
  'too_many_requests',
  'payload_too_large',
  'state_conflict',
  'lock_held',
  'not_lock_owner',
]

/*
|--------------------------------------------------------------------------
| Schemas
|--------------------------------------------------------------------------
*/
function schemas(): Record<string, Json> {
  const idempotencyKey = {
    type: 'string',
    minLength: 1,
    maxLength: 128,
    description:
      'Makes the command safe to retry: a key already used (on this process; for "start", by this user) answers with the original result and writes nothing. The `Idempotency-Key` header is used when this field is absent.',
  }
  const expectedVersion = {
    type: 'integer',
    minimum: 1,
    description:
      'The process version the caller based its decision on; another version gets 409 version_conflict and nothing is written.',
  }
  const data = {
    type: 'object',
    additionalProperties: true,
    description:
      'Process data keyed by field key. Declared fields are validated and coerced; other keys are kept as they are.',
  }
  const replayedMeta = object(
    { replayed: { const: true, description: 'The idempotency key was used before.' } },
    ['replayed']
  )
  const person = nullable(
    answer({
      id: { type: 'integer' },
      name: { type: 'string' },
      email: { type: 'string', format: 'email' },
      initials: { type: 'string' },
    })
  )

  return {
    /* Errors */
    Error: object(
      {
        code: {
          type: 'string',
          description: `Stable snake_case code to branch on: ${ERROR_CODES.join(', ')}.`,
        },
        message: { type: 'string', description: 'A sentence for people.' },
        field: {
          type: 'string',
          description:
            'The input field the error is about (e.g. "title", "data.amount", "$.stages[2].key").',
        },
      },
      ['code', 'message']
    ),
    ErrorResponse: object(
      {
        errors: { ...list(ref('Error')), minItems: 1 },
        meta: {
          type: 'object',
          additionalProperties: true,
          description:
            'Details of some errors, e.g. `allowedTransitions` on a refused transition or `problems` on a rejected definition.',
        },
      },
      ['errors']
    ),
    VersionConflictResponse: object(
      {
        errors: { ...list(ref('Error')), minItems: 1 },
        meta: answer({
          currentVersion: { type: 'integer', minimum: 1 },
          stage: { type: 'string', description: 'Key of the stage the process is in now.' },
          status: ref('ProcessStatus'),
        }),
      },
      ['errors', 'meta']
    ),

    /* Accounts */
    Role: { type: 'string', enum: [...ROLES] },
    User: answer({
      id: { type: 'integer' },
      name: { type: 'string' },
      email: { type: 'string', format: 'email' },
      role: ref('Role'),
      isActive: { type: 'boolean' },
      locale: { type: ['string', 'null'] },
      initials: { type: 'string' },
      createdAt: dateTime,
      deactivatedAt: nullable(dateTime),
    }),
    UserResponse: answer({ data: ref('User') }),
    TokenRequest: object(
      {
        email: { type: 'string', format: 'email', maxLength: 254 },
        password: { type: 'string', minLength: 1, maxLength: 200 },
        name: {
          type: 'string',
          maxLength: 120,
          description: 'Shown in the profile’s token list; "API script" when absent.',
        },
      },
      ['email', 'password']
    ),
    TokenResponse: answer({
      data: answer({
        type: { const: 'bearer' },
        token: {
          type: 'string',
          pattern: '^sf_',
          description: 'Send as `Authorization: Bearer <token>`. Shown once.',
        },
        name: { type: 'string' },
        expiresAt: nullable(dateTime),
      }),
    }),

    /* Workflow definitions (app/engine/definition.ts) */
    Duration: {
      type: 'string',
      pattern: DURATION,
      description: 'A positive whole number and a unit: m, h, d or w, e.g. "30m", "2d".',
    },
    DefinitionRole: { type: 'string', enum: [...DEFINITION_ROLES] },
    Outcome: { type: 'string', enum: [...OUTCOMES] },
    FieldDefinition: {
      ...object(
        {
          key: { type: 'string', pattern: IDENTIFIER, maxLength: 64 },
          label: { type: 'string', minLength: 1, maxLength: 200 },
          type: { type: 'string', enum: [...FIELD_TYPES] },
          required: { type: 'boolean' },
          options: {
            ...list({ type: 'string' }),
            minItems: 1,
            uniqueItems: true,
            description: 'The allowed values; only (and always) on "select" fields.',
          },
        },
        ['key', 'label', 'type']
      ),
      additionalProperties: false,
    },
    StageDefinition: {
      ...object(
        {
          key: { type: 'string', pattern: IDENTIFIER, maxLength: 64 },
          name: { type: 'string', minLength: 1, maxLength: 200 },
          type: { type: 'string', enum: [...STAGE_TYPES] },
          outcome: {
            ...ref('Outcome'),
            description: 'How a process ends here; only (and always) on end stages.',
          },
          sla: { ...ref('Duration'), description: 'A process should leave the stage within it.' },
          assignee: {
            ...object({
              role: ref('DefinitionRole'),
              user: { type: 'string', format: 'email', maxLength: 254 },
            }),
            additionalProperties: false,
          },
          fields: list(ref('FieldDefinition')),
          automatic: {
            ...object(
              {
                after: ref('Duration'),
                transition: { type: 'string', description: 'A transition leaving this stage.' },
              },
              ['after', 'transition']
            ),
            additionalProperties: false,
            description: 'A transition the system runs once the process has waited this long.',
          },
          escalation: {
            ...object({
              reassignRole: ref('DefinitionRole'),
              reassignUser: { type: 'string', format: 'email', maxLength: 254 },
              transition: { type: 'string', description: 'A transition leaving this stage.' },
            }),
            additionalProperties: false,
            minProperties: 1,
            description: 'What happens when the SLA is breached (needs an `sla`).',
          },
          actions: {
            ...list(ref('ActionDefinition')),
            description: 'Automated steps run, in order, when a process enters the stage.',
          },
        },
        ['key', 'name', 'type']
      ),
      additionalProperties: false,
    },
    TransitionDefinition: {
      ...object(
        {
          key: { type: 'string', pattern: IDENTIFIER, maxLength: 64 },
          from: { type: 'string', description: 'Key of a stage (not an end stage).' },
          to: { type: 'string', description: 'Key of a stage.' },
          label: { type: 'string', maxLength: 200 },
          roles: {
            ...list(ref('DefinitionRole')),
            description:
              'Roles allowed to run it; absent means every role. Admins may always run it.',
          },
          requires: {
            ...list({ type: 'string' }),
            description: 'Keys of fields that must be filled first.',
          },
          actions: {
            ...list(ref('ActionDefinition')),
            description:
              'Automated steps run, in order, when the transition is taken (before the target stage’s).',
          },
        },
        ['key', 'from', 'to']
      ),
      additionalProperties: false,
    },
    WorkflowDefinition: {
      ...object(
        {
          key: { type: 'string', pattern: SLUG, maxLength: 64 },
          name: { type: 'string', minLength: 1, maxLength: 200 },
          description: { type: 'string', maxLength: 5000 },
          stages: { ...list(ref('StageDefinition')), minItems: 2 },
          transitions: { ...list(ref('TransitionDefinition')), minItems: 1 },
        },
        ['key', 'name', 'stages', 'transitions']
      ),
      additionalProperties: false,
      description:
        'A workflow definition document. Besides this shape the verifier checks the graph: one start stage, at least one end stage, unique keys, known stages/fields/transitions, every stage reachable and able to reach an end. Every problem is reported at once with its JSON path.',
    },
    Outcomes: {
      type: 'object',
      additionalProperties: list(ref('Outcome')),
      description: 'For each stage key, the outcomes of the end stages reachable from it.',
    },

    /* Workflows */
    VersionStatus: { type: 'string', enum: ['draft', 'published', 'archived'] },
    VersionSummary: answer({
      id: { type: 'integer' },
      number: { type: 'integer', minimum: 1 },
      status: ref('VersionStatus'),
      publishedAt: nullable(dateTime),
      createdAt: dateTime,
    }),
    WorkflowVersion: {
      allOf: [ref('VersionSummary'), answer({ definition: ref('WorkflowDefinition') })],
    },
    Workflow: answer({
      id: { type: 'integer' },
      key: { type: 'string', pattern: SLUG },
      name: { type: 'string' },
      description: { type: ['string', 'null'] },
      referencePrefix: {
        type: 'string',
        description: 'Prefix of process references, e.g. "OF" in OF-000001.',
      },
      publishedVersion: { type: ['integer', 'null'] },
      draftVersion: { type: ['integer', 'null'] },
      counts: answer({ active: { type: 'integer' }, total: { type: 'integer' } }),
      updatedAt: dateTime,
    }),
    WorkflowDetail: {
      allOf: [ref('Workflow'), answer({ versions: list(ref('VersionSummary')) })],
    },
    WorkflowListResponse: answer({ data: list(ref('Workflow')) }),
    WorkflowCreatedResponse: answer({
      data: ref('WorkflowDetail'),
      meta: answer({ draftVersion: { type: 'integer' }, outcomes: ref('Outcomes') }),
    }),
    WorkflowResponse: answer({
      data: ref('WorkflowDetail'),
      meta: answer({ latest: ref('WorkflowVersion') }),
    }),
    WorkflowVersionResponse: answer({ data: ref('WorkflowVersion') }),
    DraftSavedResponse: answer({
      data: ref('WorkflowVersion'),
      meta: answer({ outcomes: ref('Outcomes') }),
    }),

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
        ...list({ type: 'string', enum: ['role', 'missing_fields'] }),
        description: 'Why it is not allowed (empty when allowed).',
      },
      requires: list({ type: 'string' }),
      missingFields: list({ type: 'string' }),
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
      metadata: ref('PaginationMetadata'),
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
      payload: { type: 'object', additionalProperties: true },
      occurredAt: dateTime,
    }),
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
    ...stateSchemas(),
    ...actionSchemas(),
  }
}

/** The workflow state store (app/automation/state_store.ts). */
function stateSchemas(): Record<string, Json> {
  const seconds = (max: number, description: string) => ({
    type: 'number',
    minimum: 0.001,
    maximum: max,
    description,
  })
  const owner = { type: 'string', minLength: 1, maxLength: 191 }
  const lock = answer({
    acquired: { type: 'boolean' },
    owner: nullable({ type: 'string' }),
    expiresAt: nullable(dateTime),
  })
  return {
    StateEntry: answer({
      scope: { type: 'string' },
      key: { type: 'string' },
      value: { description: 'Any JSON value.' },
      version: { type: 'integer', minimum: 1, description: 'Bumped by every write.' },
      expiresAt: nullable(dateTime),
      updatedAt: dateTime,
    }),
    StateEntryResponse: answer({ data: ref('StateEntry') }),
    StateSetRequest: object(
      {
        value: { description: 'Any JSON value (up to 64 KiB).' },
        ttl: seconds(31_536_000, 'Seconds until the value expires (fractions allowed).'),
        expectedVersion: {
          type: 'integer',
          minimum: 0,
          description:
            'Compare-and-set: 0 = only if absent, n = only if still at version n (409 otherwise).',
        },
      },
      ['value']
    ),
    StateIncrementRequest: object({
      by: { type: 'number', description: 'Default 1; an absent or expired entry counts as 0.' },
    }),
    LockRequest: object(
      { owner, ttl: seconds(86_400, 'Seconds the lock is held unless released.') },
      ['owner', 'ttl']
    ),
    UnlockRequest: object({ owner }, ['owner']),
    Lock: lock,
    LockResponse: answer({ data: ref('Lock') }),
    LockConflictResponse: answer({
      errors: { ...list(ref('Error')), minItems: 1 },
      data: ref('Lock'),
    }),
  }
}

/*
|--------------------------------------------------------------------------
| Shared parameters and responses
|--------------------------------------------------------------------------
*/
function parameters(): Record<string, Json> {
  return {
    ProcessId: {
      name: 'id',
      in: 'path',
      required: true,
      schema: { type: 'integer', minimum: 1 },
    },
    WorkflowKey: {
      name: 'key',
      in: 'path',
      required: true,
      schema: { type: 'string', pattern: SLUG, maxLength: 64 },
    },
    VersionNumber: {
      name: 'number',
      in: 'path',
      required: true,
      schema: { type: 'integer', minimum: 1 },
    },
    StateScope: {
      name: 'scope',
      in: 'path',
      required: true,
      description: '`global` or `workflow:<workflow key>`.',
      schema: { type: 'string', pattern: '^(global|workflow:[a-z0-9][a-z0-9_-]{0,63})$' },
    },
    StateKey: {
      name: 'key',
      in: 'path',
      required: true,
      schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,190}$' },
    },
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Same as the `idempotencyKey` body field, which wins when both are sent.',
      schema: { type: 'string', minLength: 1, maxLength: 128 },
    },
  }
}

function responses(): Record<string, Json> {
  const error = (description: string) => ({
    description,
    content: jsonContent(ref('ErrorResponse')),
  })
  const rateHeader = (description: string, schema: Json) => ({ description, schema })
  return {
    BadCredentials: error(
      'Wrong e-mail or password, or a deactivated account (invalid_credentials).'
    ),
    Unauthorized: error('No token, an unknown or expired token, or a deactivated account.'),
    Forbidden: error('The token’s user may not do this (forbidden).'),
    NotFound: error('The resource (or a route parameter) does not exist (not_found).'),
    Conflict: error('The request conflicts with the current state (see the error code).'),
    VersionConflict: {
      description:
        'The process changed since the caller read it: `meta` carries its current version, stage and status. Nothing was written.',
      content: jsonContent(ref('VersionConflictResponse')),
    },
    ValidationFailed: error(
      'The input is not valid (one invalid_<rule> error per field), or the engine refused the command (e.g. role_not_allowed, missing_fields with one error per missing field, process_closed, invalid_data).'
    ),
    MalformedBody: error(
      'The body is not well-formed JSON (or nests too deeply) and could not be read.'
    ),
    PayloadTooLarge: error('The body is larger than the server accepts (payload_too_large).'),
    TooManyRequests: {
      description:
        'Too many failed sign-ins for this e-mail and address; wait `Retry-After` seconds.',
      headers: {
        'Retry-After': rateHeader('Seconds to wait before trying again.', {
          type: 'integer',
          minimum: 0,
        }),
        'X-RateLimit-Limit': rateHeader('Attempts allowed per window.', { type: 'integer' }),
        'X-RateLimit-Remaining': rateHeader('Attempts left.', { type: 'integer' }),
        'X-RateLimit-Reset': rateHeader('When the block ends.', dateTime),
      },
      content: jsonContent(ref('ErrorResponse')),
    },
  }
}

/*
|--------------------------------------------------------------------------
| Operations
|--------------------------------------------------------------------------
*/
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

function paths(): Record<string, Json> {
  const authenticated = { '401': response('Unauthorized') }
  const fileFormat = (formats: string[], description: string) => ({
    name: 'format',
    in: 'query',
    required: false,
    description,
    schema: { type: 'string', enum: formats },
  })
  const listQuery = (name: string, schema: Json, description?: string) => ({
    name,
    in: 'query',
    required: false,
    ...(description ? { description } : {}),
    schema,
  })

  return {
    '/api/v1/auth/tokens': {
      post: {
        operationId: 'api.auth.tokens.store',
        summary: 'Exchange an e-mail and password for a bearer token',
        description:
          'Throttled like the web sign-in: repeated failures for one e-mail and address answer 429.',
        tags: ['auth'],
        security: [],
        requestBody: jsonBody('TokenRequest'),
        responses: {
          '201': ok('A new personal access token.', 'TokenResponse'),
          '400': response('BadCredentials'),
          '422': response('ValidationFailed'),
          '429': response('TooManyRequests'),
        },
      },
    },
    '/api/v1/openapi.json': {
      get: {
        operationId: 'api.openapi',
        summary: 'This document',
        tags: ['meta'],
        security: [],
        responses: {
          '200': {
            description: 'The OpenAPI 3.1 document of /api/v1.',
            content: jsonContent({ type: 'object' }),
          },
        },
      },
    },
    '/api/v1/me': {
      get: {
        operationId: 'api.me.show',
        summary: 'The user the token belongs to',
        tags: ['auth'],
        responses: { '200': ok('The signed-in user.', 'UserResponse'), ...authenticated },
      },
    },

    '/api/v1/workflows': {
      get: {
        operationId: 'api.workflows.index',
        summary: 'List workflows with their published/draft version numbers and counts',
        tags: ['workflows'],
        responses: {
          '200': ok('Every workflow, by name.', 'WorkflowListResponse'),
          ...authenticated,
        },
      },
      post: {
        operationId: 'api.workflows.store',
        summary: 'Create a workflow from a definition document (as its version 1 draft)',
        description: 'Managers and admins only.',
        tags: ['workflows'],
        requestBody: jsonBody('WorkflowDefinition', 'The definition document itself.'),
        responses: {
          '201': ok('The new workflow and its draft.', 'WorkflowCreatedResponse'),
          ...authenticated,
          '403': response('Forbidden'),
          '409': response('Conflict'),
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/workflows/{key}': {
      parameters: [parameter('WorkflowKey')],
      get: {
        operationId: 'api.workflows.show',
        summary: 'A workflow with its versions and the latest published definition',
        tags: ['workflows'],
        responses: {
          '200': ok(
            'The workflow; `meta.latest` is the newest non-draft version.',
            'WorkflowResponse'
          ),
          ...authenticated,
          '404': response('NotFound'),
        },
      },
    },
    '/api/v1/workflows/{key}/draft': {
      parameters: [parameter('WorkflowKey')],
      put: {
        operationId: 'api.workflows.draft',
        summary: 'Save a definition document as the workflow’s draft',
        description:
          'Updates the open draft, or opens a new one after the last published version. The key cannot change. Managers and admins only.',
        tags: ['workflows'],
        requestBody: jsonBody('WorkflowDefinition', 'The definition document itself.'),
        responses: {
          '200': ok('The draft version.', 'DraftSavedResponse'),
          ...authenticated,
          '403': response('Forbidden'),
          '404': response('NotFound'),
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/workflows/{key}/publish': {
      parameters: [parameter('WorkflowKey')],
      post: {
        operationId: 'api.workflows.publish',
        summary: 'Publish the draft; earlier published versions are archived',
        description: 'Managers and admins only. New processes start on the published version.',
        tags: ['workflows'],
        responses: {
          '200': ok('The published version.', 'WorkflowVersionResponse'),
          ...authenticated,
          '403': response('Forbidden'),
          '404': response('NotFound'),
          '409': response('Conflict'),
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/workflows/{key}/versions/{number}': {
      parameters: [parameter('WorkflowKey'), parameter('VersionNumber')],
      get: {
        operationId: 'api.workflows.versions.show',
        summary: 'One version and its definition, as JSON data or as a file',
        tags: ['workflows'],
        parameters: [
          fileFormat(
            ['json', 'yaml'],
            'Download the definition document as a file (Content-Disposition: attachment) instead of the `{ data }` answer.'
          ),
        ],
        responses: {
          '200': {
            description: 'The version; with `format`, the definition document as a file.',
            content: {
              'application/json': {
                schema: { oneOf: [ref('WorkflowVersionResponse'), ref('WorkflowDefinition')] },
              },
              'application/yaml': { schema: { type: 'string' } },
            },
          },
          ...authenticated,
          '404': response('NotFound'),
        },
      },
    },

    '/api/v1/processes': {
      get: {
        operationId: 'api.processes.index',
        summary: 'List processes: filter, search, sort and paginate',
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
            'Searches the reference and the title.'
          ),
          listQuery('page', { type: 'integer', minimum: 1, maximum: 100000 }),
          listQuery('perPage', { type: 'integer', minimum: 1, maximum: 100 }),
          listQuery('sort', { type: 'string', enum: [...PROCESS_SORTS] }, 'Default updated_at.'),
          listQuery('direction', { type: 'string', enum: ['asc', 'desc'] }, 'Default desc.'),
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
    ...statePaths(authenticated),
  }
}

/**
 * The whole document. Built fresh on each call; it is small.
 */
function statePaths(authenticated: Record<string, Json>): Record<string, Json> {
  const writer = {
    ...authenticated,
    '403': response('Forbidden'),
    '422': response('ValidationFailed'),
  }
  const address = [parameter('StateScope'), parameter('StateKey')]
  const notFound = response('NotFound')
  return {
    '/api/v1/state/{scope}/{key}': {
      parameters: address,
      get: {
        operationId: 'api.state.show',
        summary: 'Read a value of the workflow state store',
        tags: ['state'],
        responses: {
          '200': ok('The value and its version.', 'StateEntryResponse'),
          ...authenticated,
          '404': notFound,
          '422': response('ValidationFailed'),
        },
      },
      put: {
        operationId: 'api.state.update',
        summary: 'Write a value (optionally with a TTL, or as a compare-and-set on the version)',
        description: 'Managers and admins only.',
        tags: ['state'],
        requestBody: jsonBody('StateSetRequest'),
        responses: {
          '200': ok('The value as stored, with its new version.', 'StateEntryResponse'),
          ...writer,
          '409': response('Conflict'),
        },
      },
      delete: {
        operationId: 'api.state.destroy',
        summary: 'Delete a value',
        description: 'Managers and admins only.',
        tags: ['state'],
        responses: { '204': { description: 'Deleted.' }, ...writer, '404': notFound },
      },
    },
    '/api/v1/state/{scope}/{key}/increment': {
      parameters: address,
      post: {
        operationId: 'api.state.increment',
        summary: 'Add to a number atomically (the answer is this increment’s result)',
        description: 'Managers and admins only. 409 when the value is not a number.',
        tags: ['state'],
        requestBody: jsonBody('StateIncrementRequest'),
        responses: {
          '200': ok('The new value and version.', 'StateEntryResponse'),
          ...writer,
          '409': response('Conflict'),
        },
      },
    },
    '/api/v1/state/{scope}/{key}/lock': {
      parameters: address,
      post: {
        operationId: 'api.state.lock',
        summary: 'Take a named lock (free, expired, or already yours) for `ttl` seconds',
        description: 'Managers and admins only.',
        tags: ['state'],
        requestBody: jsonBody('LockRequest'),
        responses: {
          '200': ok('The lock is yours until `expiresAt`.', 'LockResponse'),
          ...writer,
          '409': {
            description: 'Someone else holds the lock (lock_held): who, and until when.',
            content: jsonContent(ref('LockConflictResponse')),
          },
        },
      },
      delete: {
        operationId: 'api.state.unlock',
        summary: 'Release a lock you hold',
        description: 'Managers and admins only.',
        tags: ['state'],
        requestBody: jsonBody('UnlockRequest'),
        responses: {
          '204': { description: 'Released.' },
          ...writer,
          '409': response('Conflict'),
        },
      },
    },
  }
}

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

export function openapiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Stageflow API',
      version: '1',
      description:
        'Versioned state-machine workflows and the processes that run through them. Every change to a process is an event; commands carry the `expectedVersion` they were based on (optimistic locking, 409 on a stale version) and may carry an idempotency key. Answers are `{ data }` (lists add `metadata` when paginated); errors are `{ errors: [{ code, message, field? }], meta? }`.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'auth', description: 'Tokens and the signed-in user.' },
      { name: 'workflows', description: 'Definitions, drafts and published versions.' },
      { name: 'processes', description: 'Processes and the commands that change them.' },
      { name: 'state', description: 'The workflow state store: values, counters and locks.' },
      { name: 'meta', description: 'About the API itself.' },
    ],
    security: [{ bearerAuth: [] }],
    paths: withBodyErrors(paths()),
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
      parameters: parameters(),
      responses: responses(),
      schemas: schemas(),
    },
  }
}
