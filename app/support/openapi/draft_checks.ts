import { DRAFT_CHECK_VERDICTS } from '#engine/draft_check'
import {
  answer,
  authenticated,
  dateTime,
  jsonContent,
  list,
  nullable,
  object,
  ok,
  parameter,
  ref,
  response,
  type Json,
} from '#support/openapi/helpers'

/** Testing a draft against history, and the JSON Schema of definition documents. */

const nullableString = { type: ['string', 'null'] }

export function draftCheckSchemas(): Record<string, Json> {
  return {
    DraftCheckRequest: object({
      limit: {
        type: 'integer',
        minimum: 1,
        maximum: 5000,
        description: 'How many of the latest processes to replay (default 500).',
      },
      background: {
        type: 'boolean',
        description: 'Run in the background (202) even when few processes are checked.',
      },
    }),
    DraftCheckVerdict: {
      type: 'string',
      enum: [...DRAFT_CHECK_VERDICTS],
      description:
        'What the draft would do with the process: the same as happened (unchanged), send it elsewhere at a decision or transition, refuse a step it took (guard, field rule, role), not know a transition or stage it used, leave it with no way to an end (stuck), or unreadable (its history does not replay).',
    },
    DraftDifference: answer({
      sequence: {
        type: ['integer', 'null'],
        description: 'The event where the draft parts from history; null for where it is now.',
      },
      stage: { type: 'string' },
      transition: nullableString,
      historyTo: { ...nullableString, description: 'Where the process went next.' },
      draftTo: { ...nullableString, description: 'Where the draft would send it instead.' },
      fields: list({ type: 'string' }),
      message: { type: 'string' },
    }),
    DraftCheckProcess: answer({
      processId: { type: 'integer' },
      reference: { type: 'string' },
      title: { type: 'string' },
      status: nullableString,
      stage: nullableString,
      verdict: ref('DraftCheckVerdict'),
      difference: nullable(ref('DraftDifference')),
      url: { type: 'string', description: 'The process page.' },
    }),
    DraftCheckResult: answer({
      draftVersion: { type: 'integer', minimum: 1 },
      limit: { type: 'integer', minimum: 1 },
      checkedAt: dateTime,
      summary: answer({
        checked: { type: 'integer', minimum: 0 },
        unchanged: { type: 'integer', minimum: 0 },
        affected: { type: 'integer', minimum: 0 },
        verdicts: answer(
          Object.fromEntries(DRAFT_CHECK_VERDICTS.map((v) => [v, { type: 'integer', minimum: 0 }]))
        ),
      }),
      processes: {
        ...list(ref('DraftCheckProcess')),
        description: 'The processes the draft would treat differently, newest first.',
      },
    }),
    DraftCheckRun: answer({
      id: { type: 'integer' },
      status: { type: 'string', enum: ['pending', 'running', 'completed', 'failed'] },
      progress: { type: 'integer', minimum: 0, maximum: 100 },
      limit: { type: 'integer', minimum: 1 },
      draftVersion: { type: 'integer', minimum: 1 },
      statusUrl: { type: 'string', description: 'Where to poll this run.' },
      createdAt: dateTime,
      finishedAt: nullable(dateTime),
      error: nullableString,
      result: nullable(ref('DraftCheckResult')),
    }),
    DraftCheckResultResponse: answer({ data: ref('DraftCheckResult') }),
    DraftCheckRunResponse: answer({ data: ref('DraftCheckRun') }),
  }
}

export function draftCheckPaths(): Record<string, Json> {
  return {
    '/api/v1/workflows/{key}/draft/check': {
      parameters: [parameter('WorkflowKey')],
      post: {
        operationId: 'api.workflows.draft.check',
        summary: 'Test the draft against the history of the latest processes',
        description:
          'Replays the latest `limit` processes of the published versions through the draft and reports, per process, the first point where the draft would behave differently. Up to 200 processes are answered at once (200); more, or `background`, run in a worker (202 with `statusUrl` and a Location header to poll). Managers and admins only.',
        tags: ['workflows'],
        requestBody: {
          required: false,
          content: jsonContent(ref('DraftCheckRequest')),
        },
        responses: {
          '200': ok('The result.', 'DraftCheckResultResponse'),
          '202': {
            description: 'Running in the background; poll `statusUrl` (also in Location).',
            headers: { Location: { schema: { type: 'string' } } },
            content: jsonContent(ref('DraftCheckRunResponse')),
          },
          ...authenticated,
          '403': response('Forbidden'),
          '404': response('NotFound'),
          '409': response('Conflict'),
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/workflows/{key}/draft/checks/{id}': {
      parameters: [
        parameter('WorkflowKey'),
        { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
      ],
      get: {
        operationId: 'api.workflows.draft.checks.show',
        summary: 'A background draft check: status, progress and, once completed, the result',
        tags: ['workflows'],
        responses: {
          '200': ok('The run.', 'DraftCheckRunResponse'),
          ...authenticated,
          '403': response('Forbidden'),
          '404': response('NotFound'),
        },
      },
    },
    '/api/v1/definition.schema.json': {
      get: {
        operationId: 'api.definition.schema',
        summary: 'The JSON Schema (draft 2020-12) of workflow definition documents',
        description:
          'For editors validating definition files (YAML or JSON). The same schemas as `WorkflowDefinition` in this document. Cacheable (ETag, Cache-Control).',
        tags: ['meta'],
        security: [],
        responses: {
          '200': {
            description: 'The JSON Schema document.',
            content: { 'application/schema+json': { schema: { type: 'object' } } },
          },
          '304': { description: 'Not modified since the ETag in If-None-Match.' },
        },
      },
    },
  }
}
