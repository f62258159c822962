import {
  answer,
  authenticated,
  dateTime,
  fileFormat,
  jsonBody,
  list,
  nullable,
  ok,
  parameter,
  ref,
  response,
  SLUG,
  type Json,
} from '#support/openapi/helpers'

/**
 * Workflows and their versions. The definition document's own schemas
 * (WorkflowDefinition and its parts) come from #support/definition_schema.
 */
export function workflowSchemas(): Record<string, Json> {
  return {
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
