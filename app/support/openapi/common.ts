import { ROLES } from '#enums/role'
import {
  answer,
  authenticated,
  dateTime,
  jsonBody,
  jsonContent,
  list,
  nullable,
  object,
  ok,
  ref,
  response,
  SLUG,
  type Json,
} from '#support/openapi/helpers'
import { tokenListOperation, updateMeOperation } from '#support/openapi/parity_pages'

/**
 * What every part of the document shares: errors, accounts and tokens, the
 * path parameters and error answers, and the auth, me and openapi.json paths.
 */

const ERROR_CODES = [
  'unauthorized',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'version_conflict',
  'workflow_exists',
  'team_exists',
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
  'guard_failed',
  'too_many_requests',
  'payload_too_large',
  'state_conflict',
  'lock_held',
  'not_lock_owner',
]

export function commonSchemas(): Record<string, Json> {
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
  }
}

/*
|--------------------------------------------------------------------------
| Shared parameters and responses
|--------------------------------------------------------------------------
*/
export function commonParameters(): Record<string, Json> {
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

export function commonResponses(): Record<string, Json> {
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

export function commonPaths(): Record<string, Json> {
  return {
    '/api/v1/auth/tokens': {
      ...tokenListOperation(),
      post: {
        operationId: 'api.auth.tokens.store',
        summary: 'Exchange an e-mail and password for a bearer token',
        description:
          'Throttled like the web sign-in: repeated failures for one e-mail and address answer 429. When an admin requires single sign-on, anyone but a break-glass admin gets 403 `sso_required`.',
        tags: ['auth'],
        security: [],
        requestBody: jsonBody('TokenRequest'),
        responses: {
          '201': ok('A new personal access token.', 'TokenResponse'),
          '400': response('BadCredentials'),
          '403': response('Forbidden'),
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
      ...updateMeOperation(),
      get: {
        operationId: 'api.me.show',
        summary: 'The user the token belongs to',
        tags: ['auth'],
        responses: { '200': ok('The signed-in user.', 'UserResponse'), ...authenticated },
      },
    },
  }
}
