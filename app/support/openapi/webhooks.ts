import {
  answer,
  authenticated,
  dateTime,
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
import { WEBHOOK_EVENT_TYPES } from '#enums/webhook_event'

const SECRET = {
  type: 'string',
  pattern: '^whsec_',
  description:
    'The signing secret (Standard Webhooks, `whsec_` + base64). Shown in this answer only.',
}
const expression = { type: 'string', minLength: 1, maxLength: 1000 }

/** Outbound subscriptions, their delivery log, and the inbound hooks of a workflow. */
export function webhookSchemas(): Record<string, Json> {
  const events = {
    ...list({ type: 'string', enum: [...WEBHOOK_EVENT_TYPES] }),
    minItems: 1,
  }
  const subscription = {
    id: { type: 'integer' },
    url: { type: 'string' },
    events: list({ type: 'string', enum: [...WEBHOOK_EVENT_TYPES] }),
    workflow: nullable({ type: 'string' }),
    description: nullable({ type: 'string' }),
    enabled: { type: 'boolean' },
    disabledReason: nullable({ type: 'string' }),
    failingSince: nullable(dateTime),
    previousSecretExpiresAt: nullable(dateTime),
    createdAt: dateTime,
    updatedAt: dateTime,
  }
  const hook = {
    key: { type: 'string' },
    action: { type: 'string', enum: ['start', 'transition'] },
    transition: nullable({ type: 'string' }),
    reference: nullable({ type: 'string' }),
    title: nullable({ type: 'string' }),
    mapping: { type: 'object', additionalProperties: { type: 'string' } },
    enabled: { type: 'boolean' },
    path: { type: 'string', description: 'Where senders POST (signed with the hook’s secret).' },
    createdAt: dateTime,
    updatedAt: dateTime,
  }
  return {
    Webhook: answer(subscription),
    WebhookResponse: answer({ data: ref('Webhook') }),
    WebhookListResponse: answer({ data: list(ref('Webhook')) }),
    WebhookWithSecretResponse: answer({ data: answer({ ...subscription, secret: SECRET }) }),
    WebhookRequest: object(
      {
        url: { type: 'string', format: 'uri', maxLength: 2048 },
        events,
        workflow: nullable({ type: 'string', maxLength: 64 }),
        description: nullable({ type: 'string', maxLength: 500 }),
      },
      ['url', 'events']
    ),
    WebhookUpdateRequest: object({
      url: { type: 'string', format: 'uri', maxLength: 2048 },
      events,
      workflow: nullable({ type: 'string', maxLength: 64 }),
      description: nullable({ type: 'string', maxLength: 500 }),
      enabled: { type: 'boolean' },
    }),
    WebhookDelivery: answer({
      id: { type: 'integer' },
      messageId: {
        type: 'string',
        description: 'The `webhook-id` header, the same on every attempt.',
      },
      type: { type: 'string' },
      status: { type: 'string', enum: ['pending', 'succeeded', 'failed'] },
      attempts: { type: 'integer' },
      responseStatus: nullable({ type: 'integer' }),
      durationMs: nullable({ type: 'integer' }),
      responseSnippet: nullable({ type: 'string' }),
      error: nullable({ type: 'string' }),
      lastAttemptAt: nullable(dateTime),
      nextAttemptAt: nullable(dateTime),
      createdAt: dateTime,
    }),
    WebhookDeliveryResponse: answer({ data: ref('WebhookDelivery') }),
    WebhookDeliveryListResponse: answer({ data: list(ref('WebhookDelivery')) }),
    WorkflowHook: answer(hook),
    WorkflowHookResponse: answer({ data: ref('WorkflowHook') }),
    WorkflowHookListResponse: answer({ data: list(ref('WorkflowHook')) }),
    WorkflowHookWithSecretResponse: answer({ data: answer({ ...hook, secret: SECRET }) }),
    WorkflowHookRequest: object(
      {
        key: { type: 'string', pattern: SLUG, minLength: 1, maxLength: 64 },
        action: { type: 'string', enum: ['start', 'transition'] },
        transition: nullable({ type: 'string', maxLength: 64 }),
        reference: nullable({
          ...expression,
          description: 'CEL over `body`: the process reference.',
        }),
        title: nullable({
          ...expression,
          description: 'CEL over `body`: the new process’s title.',
        }),
        mapping: {
          type: 'object',
          additionalProperties: expression,
          description: 'Field key → CEL over `body` (e.g. `body.order.total`).',
        },
      },
      ['key', 'action']
    ),
    WorkflowHookUpdateRequest: object({
      transition: nullable({ type: 'string', maxLength: 64 }),
      reference: nullable(expression),
      title: nullable(expression),
      mapping: { type: 'object', additionalProperties: expression },
      enabled: { type: 'boolean' },
    }),
  }
}

export function webhookPaths(): Record<string, Json> {
  const managed = {
    ...authenticated,
    '403': response('Forbidden'),
  }
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }
  const delivery = {
    name: 'delivery',
    in: 'path',
    required: true,
    schema: { type: 'integer', minimum: 1 },
  }
  const hookKey = {
    name: 'hook',
    in: 'path',
    required: true,
    schema: { type: 'string', pattern: SLUG, maxLength: 64 },
  }
  const notFound = response('NotFound')
  const tags = ['webhooks']
  return {
    '/api/v1/webhooks': {
      get: {
        operationId: 'api.webhooks.index',
        summary: 'Outbound webhook subscriptions you manage',
        description: 'Admins see all; managers those of workflows they own; members get 403.',
        tags,
        responses: { '200': ok('The subscriptions.', 'WebhookListResponse'), ...managed },
      },
      post: {
        operationId: 'api.webhooks.store',
        summary: 'Subscribe a URL to event types (the answer shows the signing secret once)',
        description:
          'Deliveries follow Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`; body `{ type, timestamp, data }`). Internal and private destinations are refused (422). Managers must name a workflow they own.',
        tags,
        requestBody: jsonBody('WebhookRequest'),
        responses: {
          '201': ok('The subscription and its secret.', 'WebhookWithSecretResponse'),
          ...managed,
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/webhooks/{id}': {
      parameters: [id],
      get: {
        operationId: 'api.webhooks.show',
        summary: 'One subscription',
        tags,
        responses: {
          '200': ok('The subscription.', 'WebhookResponse'),
          ...managed,
          '404': notFound,
        },
      },
      patch: {
        operationId: 'api.webhooks.update',
        summary: 'Change the URL, events, workflow filter, description, or turn it on/off',
        tags,
        requestBody: jsonBody('WebhookUpdateRequest'),
        responses: {
          '200': ok('The subscription.', 'WebhookResponse'),
          ...managed,
          '404': notFound,
          '422': response('ValidationFailed'),
        },
      },
      delete: {
        operationId: 'api.webhooks.destroy',
        summary: 'Delete a subscription and its delivery log',
        tags,
        responses: { '204': { description: 'Deleted.' }, ...managed, '404': notFound },
      },
    },
    '/api/v1/webhooks/{id}/rotate': {
      parameters: [id],
      post: {
        operationId: 'api.webhooks.rotate',
        summary: 'A new signing secret (shown once); the old one still signs for 24 hours',
        tags,
        responses: {
          '200': ok('The subscription and its new secret.', 'WebhookWithSecretResponse'),
          ...managed,
          '404': notFound,
        },
      },
    },
    '/api/v1/webhooks/{id}/deliveries': {
      parameters: [id],
      get: {
        operationId: 'api.webhooks.deliveries',
        summary: 'The delivery log (latest 50)',
        tags,
        responses: {
          '200': ok('Deliveries, newest first.', 'WebhookDeliveryListResponse'),
          ...managed,
          '404': notFound,
        },
      },
    },
    '/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver': {
      parameters: [id, delivery],
      post: {
        operationId: 'api.webhooks.redeliver',
        summary: 'Send a logged delivery again now (same `webhook-id`)',
        tags,
        responses: {
          '202': ok('Queued.', 'WebhookDeliveryResponse'),
          ...managed,
          '404': notFound,
          '409': response('Conflict'),
        },
      },
    },
    '/api/v1/workflows/{key}/hooks': {
      parameters: [parameter('WorkflowKey')],
      get: {
        operationId: 'api.workflows.hooks.index',
        summary: 'The inbound hooks of a workflow',
        description: 'Admins and the workflow’s owner.',
        tags,
        responses: {
          '200': ok('The hooks.', 'WorkflowHookListResponse'),
          ...managed,
          '404': notFound,
        },
      },
      post: {
        operationId: 'api.workflows.hooks.store',
        summary: 'Create an inbound hook (the answer shows its signing secret once)',
        description:
          'Senders POST JSON to `/hooks/{workflowKey}/{hookKey}`, signed with Standard Webhooks headers. `start` starts a process; `transition` runs the transition on the process whose reference `reference` gives. `mapping` fills fields with CEL over `body`.',
        tags,
        requestBody: jsonBody('WorkflowHookRequest'),
        responses: {
          '201': ok('The hook and its secret.', 'WorkflowHookWithSecretResponse'),
          ...managed,
          '404': notFound,
          '409': response('Conflict'),
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/workflows/{key}/hooks/{hook}': {
      parameters: [parameter('WorkflowKey'), hookKey],
      patch: {
        operationId: 'api.workflows.hooks.update',
        summary: 'Change a hook’s mapping, transition, reference, title, or turn it on/off',
        tags,
        requestBody: jsonBody('WorkflowHookUpdateRequest'),
        responses: {
          '200': ok('The hook.', 'WorkflowHookResponse'),
          ...managed,
          '404': notFound,
          '422': response('ValidationFailed'),
        },
      },
      delete: {
        operationId: 'api.workflows.hooks.destroy',
        summary: 'Delete a hook',
        tags,
        responses: { '204': { description: 'Deleted.' }, ...managed, '404': notFound },
      },
    },
  }
}
