import { HTTP_METHODS, ROLES, type ActionType } from '#engine/definition'
import { MAX_ATTEMPTS } from '#engine/actions/checks'
import { IDENTIFIER_PATTERN } from '#engine/verifier/rules'
import type { Json, Ref } from '#support/definition_schema'

/**
 * Schemas of the automated steps a definition may carry on stages and
 * transitions (app/engine/definition.ts ActionDefinition, checked by
 * app/engine/actions/verify_actions.ts). One schema per action type, each
 * closed, so the document refuses what the verifier refuses.
 */

const IDENTIFIER = IDENTIFIER_PATTERN.source

const TEMPLATE_NOTE =
  'A template: `{{data.field}}`, `{{process.id}}`, `{{process.reference}}`, `{{steps.<action>.<path>}}`, `{{idempotencyKey}}`.'

const closed = (properties: Record<string, Json>, required: string[], description: string) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
  description,
})

/** Properties every action type accepts. */
function common(type: string, ref: Ref): Record<string, Json> {
  return {
    key: {
      type: 'string',
      pattern: IDENTIFIER,
      description: 'Unique within the workflow; names the step in `{{steps.<key>...}}`.',
    },
    type: { const: type },
    name: { type: 'string', minLength: 1, pattern: '\\S' },
    onSuccess: {
      type: 'string',
      minLength: 1,
      description: 'A transition to take when the step succeeds.',
    },
    onFailure: {
      type: 'string',
      minLength: 1,
      description: 'A transition to take (after compensating) when the step fails for good.',
    },
    deadline: { ...ref('StepDuration'), description: 'Time budget for all attempts.' },
    timeout: { ...ref('StepDuration'), description: 'Per attempt.' },
    attempts: { type: 'integer', minimum: 1, maximum: MAX_ATTEMPTS },
    backoff: { ...ref('StepDuration'), description: 'First retry delay; doubles each attempt.' },
  }
}

/** The properties of an HTTP call (an http action and its compensation). */
function call(ref: Ref): Record<string, Json> {
  return {
    method: { type: 'string', enum: [...HTTP_METHODS] },
    url: {
      type: 'string',
      pattern: '^https?://[^/{}\\s]+',
      description: `http(s) with a fixed host. ${TEMPLATE_NOTE}`,
    },
    headers: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: `Header name → template; headers may also use \`{{secret.NAME}}\`.`,
    },
    body: { description: `Any JSON value; its string leaves are templates.` },
    timeout: ref('StepDuration'),
    attempts: { type: 'integer', minimum: 1, maximum: MAX_ATTEMPTS },
    backoff: ref('StepDuration'),
  }
}

export function actionSchemas(ref: Ref): Record<string, Json> {
  const byType: Record<ActionType, Json> = {
    http: closed(
      {
        ...common('http', ref),
        ...call(ref),
        compensation: {
          ...closed(call(ref), ['method', 'url'], 'An HTTP call undoing this one.'),
        },
      },
      ['key', 'type', 'method', 'url'],
      'Calls an HTTP endpoint; the response is available to later steps as `steps.<key>`.'
    ),
    set_data: closed(
      {
        ...common('set_data', ref),
        data: {
          type: 'object',
          minProperties: 1,
          additionalProperties: { type: 'string' },
          description: `Process field → template (usually \`{{steps.x.field}}\`).`,
        },
      },
      ['key', 'type', 'data'],
      'Writes process data.'
    ),
    notify: closed(
      {
        ...common('notify', ref),
        notify: {
          type: 'object',
          properties: {
            role: { type: 'string', enum: [...ROLES] },
            user: { type: 'string', description: 'An e-mail address.' },
            message: { type: 'string', minLength: 1, pattern: '\\S' },
          },
          required: ['message'],
          anyOf: [{ required: ['role'] }, { required: ['user'] }],
          additionalProperties: false,
        },
      },
      ['key', 'type', 'notify'],
      'Notifies a role or a user.'
    ),
    transition: closed(
      {
        ...common('transition', ref),
        transition: { type: 'string', minLength: 1, description: 'The transition to take.' },
      },
      ['key', 'type', 'transition'],
      'Moves the process along a transition.'
    ),
  }
  const names = { http: 'HttpAction', set_data: 'SetDataAction', notify: 'NotifyAction' }
  return {
    StepDuration: {
      type: 'string',
      pattern: '^([1-9][0-9]{0,6}(ms|s)|[1-9][0-9]*[mhdw])$',
      description: 'A duration: "500ms", "10s", "30m", "2h", "1d", "1w".',
    },
    HttpAction: byType.http,
    SetDataAction: byType.set_data,
    NotifyAction: byType.notify,
    TransitionAction: byType.transition,
    ActionDefinition: {
      oneOf: [...Object.values(names), 'TransitionAction'].map(ref),
      description:
        'An automated step run by workers when a process enters the stage (or takes the transition), in list order.',
    },
  }
}
