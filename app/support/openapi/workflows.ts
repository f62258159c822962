import { FIELD_TYPES, OUTCOMES, ROLES as DEFINITION_ROLES, STAGE_TYPES } from '#engine/definition'
import {
  answer,
  authenticated,
  dateTime,
  DURATION,
  fileFormat,
  IDENTIFIER,
  jsonBody,
  list,
  nullable,
  object,
  ok,
  parameter,
  ref,
  response,
  SLUG,
  type Json,
} from '#support/openapi/helpers'

/** Workflow definitions (app/engine/definition.ts), workflows and their versions. */
export function workflowSchemas(): Record<string, Json> {
  return {
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
            description:
              'The allowed values; only (and always) on "select" and "multiselect" fields.',
          },
          currency: {
            type: 'string',
            pattern: '^[A-Z]{3}$',
            description: 'Money fields: the ISO 4217 currency of a bare amount.',
          },
          rules: {
            ...object({
              min: { type: ['number', 'string'] },
              max: { type: ['number', 'string'] },
              minLength: { type: 'integer', minimum: 0 },
              maxLength: { type: 'integer', minimum: 0 },
              pattern: { type: 'string', maxLength: 500, description: 'RE2 syntax.' },
            }),
            additionalProperties: false,
            description:
              'Limits checked wherever data is written: min/max (numbers, money amounts, dates), minLength/maxLength (text length, multiselect count), pattern (text).',
          },
          visibleWhen: {
            type: 'string',
            description:
              'CEL over `data`: the field shows (and can be required) only while it holds.',
          },
          requiredWhen: {
            type: 'string',
            description:
              'CEL over `data`: the field must be filled before leaving its stage while it holds.',
          },
          default: { description: 'The value a process starts with when none is given.' },
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
          when: {
            type: 'string',
            maxLength: 1000,
            description:
              'CEL condition over data, process, user and now that must hold for the transition to run (else 422 guard_failed).',
            examples: ['data.amount < 2000'],
          },
          whenMessage: {
            type: 'string',
            maxLength: 200,
            description: 'Message of the guard_failed refusal when `when` does not hold.',
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
  }
}

export function workflowPaths(): Record<string, Json> {
  return {
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
  }
}
