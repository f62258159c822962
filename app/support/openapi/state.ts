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
  parameter,
  ref,
  response,
  type Json,
} from '#support/openapi/helpers'

/** The workflow state store (app/automation/state_store.ts). */
export function stateSchemas(): Record<string, Json> {
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

/** Values, counters and locks; every write is for managers and admins. */
export function statePaths(): Record<string, Json> {
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
