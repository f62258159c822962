import { AUDIT_ACTIONS } from '#enums/audit_action'
import {
  answer,
  authenticated,
  dateTime,
  list,
  nullable,
  ok,
  response,
  type Json,
} from '#support/openapi/helpers'

/** The admin audit log (GET /api/v1/audit). */

const nullableString = { type: ['string', 'null'] }
const changes = nullable({ type: 'object', additionalProperties: true })

export function auditSchemas(): Record<string, Json> {
  return {
    AuditEvent: answer({
      id: { type: 'integer' },
      action: { type: 'string', description: 'What was done, e.g. `user.role_changed`.' },
      actor: nullable(
        answer({
          id: { type: ['integer', 'null'] },
          email: { ...nullableString, description: 'The e-mail at the time of the act.' },
        })
      ),
      subject: nullable(
        answer({ type: { type: 'string' }, id: nullableString, label: nullableString })
      ),
      before: changes,
      after: changes,
      ip: nullableString,
      userAgent: nullableString,
      createdAt: dateTime,
    }),
    AuditEventList: answer({
      data: list({ $ref: '#/components/schemas/AuditEvent' }),
      metadata: answer({
        nextCursor: {
          ...nullableString,
          description: 'Pass as `cursor` for the next (older) page; null on the last page.',
        },
      }),
    }),
  }
}

const query = (name: string, schema: Json, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
})

export function auditPaths(): Record<string, Json> {
  const families = [...new Set(AUDIT_ACTIONS.map((action) => `${action.split('.')[0]}.*`))]
  return {
    '/api/v1/audit': {
      get: {
        operationId: 'api.audit.index',
        summary: 'The admin audit log, newest first',
        description:
          'Every administrative act (users, publishing, migrations, bulk actions, tokens, SSO settings, alert rules, sign-ins …), append-only. Admins only. Cursor pagination: pass `metadata.nextCursor` as `cursor`.',
        tags: ['audit'],
        parameters: [
          query('actor', { type: 'string', maxLength: 254 }, 'A user id or an e-mail address.'),
          query(
            'action',
            { type: 'string', enum: [...AUDIT_ACTIONS, ...families] },
            'An action key, or a family such as `user.*`.'
          ),
          query('subjectType', { type: 'string', pattern: '^[a-z_]+$' }, 'e.g. user, workflow.'),
          query('subjectId', { type: 'string', maxLength: 64 }, 'The subject id.'),
          query('from', { type: 'string', format: 'date' }, 'First day (UTC), inclusive.'),
          query('to', { type: 'string', format: 'date' }, 'Last day (UTC), inclusive.'),
          query('cursor', { type: 'string', maxLength: 64 }, 'The previous page’s nextCursor.'),
          query('limit', { type: 'integer', minimum: 1, maximum: 200 }, 'Page size (default 50).'),
        ],
        responses: {
          '200': ok('A page of entries.', 'AuditEventList'),
          ...authenticated,
          '403': response('Forbidden'),
          '422': response('ValidationFailed'),
        },
      },
    },
  }
}
