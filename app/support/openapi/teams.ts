import { ROLES } from '#enums/role'
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
  type Json,
} from '#support/openapi/helpers'

/** Teams and who may start, see and work on a workflow's processes (issue 19). */

const TEAM_KEY = '^[a-z0-9][a-z0-9_-]{0,63}$'
const teamKey = { type: 'string', pattern: TEAM_KEY, maxLength: 64 }
const teamName = { type: 'string', minLength: 1, maxLength: 120 }

export function teamParameters(): Record<string, Json> {
  return { TeamKey: { name: 'key', in: 'path', required: true, schema: teamKey } }
}

export function teamSchemas(): Record<string, Json> {
  const audience = (who: string): Json => ({
    oneOf: [list(ref('AudienceEntry')), { type: 'null' }],
    description: `Who may ${who}: anyone matching one entry. Null or absent: everyone; an empty list: admins only (admins always may).`,
  })
  return {
    TeamMember: answer({
      id: { type: 'integer' },
      name: { type: 'string' },
      email: { type: 'string' },
      lead: { type: 'boolean' },
    }),
    Team: answer({
      key: teamKey,
      name: { type: 'string' },
      members: { ...list(ref('TeamMember')), description: 'Leads first, then by name.' },
      createdAt: dateTime,
      updatedAt: dateTime,
    }),
    TeamResponse: answer({ data: ref('Team') }),
    TeamListResponse: answer({ data: list(ref('Team')) }),
    TeamCreateRequest: object(
      {
        key: { ...teamKey, description: 'Lower-case letters, digits, - and _; never changes.' },
        name: teamName,
      },
      ['key', 'name']
    ),
    TeamUpdateRequest: object({ name: teamName }, ['name']),
    TeamMembersRequest: object(
      {
        members: {
          ...list(
            object(
              {
                email: { type: 'string', maxLength: 254 },
                lead: { type: 'boolean' },
              },
              ['email']
            )
          ),
          maxItems: 1000,
          description:
            'The whole member list (it replaces the previous one); every e-mail must name an account (422 per unknown one).',
        },
      },
      ['members']
    ),
    AudienceEntry: {
      oneOf: [
        object({ team: teamKey }, ['team']),
        object({ role: { type: 'string', enum: [...ROLES] } }, ['role']),
      ],
    },
    WorkflowAccess: answer({
      start: audience('start its processes (they must also see them)'),
      see: audience('see its processes (others get 404 and never see them in lists or counts)'),
      work: audience('change its processes (others who see them get 403)'),
      calendar: nullable({ type: 'string', description: 'The business calendar its SLAs use.' }),
      retention: ref('RetentionPolicy'),
    }),
    RetentionPolicy: nullable(
      object(
        {
          archiveClosedAfterDays: {
            type: 'integer',
            minimum: 1,
            maximum: 36500,
            description:
              'Processes closed more than this many days ago (whole months of closing) are moved to archive bundles by the hourly retention job.',
          },
        },
        ['archiveClosedAfterDays']
      )
    ),
    WorkflowAccessResponse: answer({ data: ref('WorkflowAccess') }),
    WorkflowAccessRequest: object({
      start: audience('start its processes'),
      see: audience('see its processes'),
      work: audience('change its processes'),
      calendar: nullable({ type: 'string', minLength: 1, maxLength: 64 }),
      retention: ref('RetentionPolicy'),
    }),
  }
}

export function teamPaths(): Record<string, Json> {
  const admin = { ...authenticated, '403': response('Forbidden') }
  const one = [parameter('TeamKey')]
  return {
    '/api/v1/teams': {
      get: {
        operationId: 'api.teams.index',
        summary: 'List teams with their members',
        description: 'Admins only.',
        tags: ['teams'],
        responses: { '200': ok('Every team, by name.', 'TeamListResponse'), ...admin },
      },
      post: {
        operationId: 'api.teams.store',
        summary: 'Create a team',
        description: 'Admins only. A key in use answers 409 `team_exists`.',
        tags: ['teams'],
        requestBody: jsonBody('TeamCreateRequest'),
        responses: {
          '201': ok('The new team (no members yet).', 'TeamResponse'),
          ...admin,
          '409': response('Conflict'),
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/teams/{key}': {
      parameters: one,
      get: {
        operationId: 'api.teams.show',
        summary: 'Read a team',
        description: 'Admins only.',
        tags: ['teams'],
        responses: {
          '200': ok('The team.', 'TeamResponse'),
          ...admin,
          '404': response('NotFound'),
        },
      },
      patch: {
        operationId: 'api.teams.update',
        summary: 'Rename a team',
        description: 'Admins only. The key never changes (definitions name it).',
        tags: ['teams'],
        requestBody: jsonBody('TeamUpdateRequest'),
        responses: {
          '200': ok('The team.', 'TeamResponse'),
          ...admin,
          '404': response('NotFound'),
          '422': response('ValidationFailed'),
        },
      },
      delete: {
        operationId: 'api.teams.destroy',
        summary: 'Delete a team and its memberships',
        description: 'Admins only.',
        tags: ['teams'],
        responses: { '204': { description: 'Deleted.' }, ...admin, '404': response('NotFound') },
      },
    },
    '/api/v1/teams/{key}/members': {
      parameters: one,
      put: {
        operationId: 'api.teams.members',
        summary: 'Replace a team’s members and leads',
        description: 'Admins only.',
        tags: ['teams'],
        requestBody: jsonBody('TeamMembersRequest'),
        responses: {
          '200': ok('The team with its new members.', 'TeamResponse'),
          ...admin,
          '404': response('NotFound'),
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/workflows/{key}/access': {
      parameters: [parameter('WorkflowKey')],
      get: {
        operationId: 'api.workflows.access.show',
        summary: 'Who may start, see and work on a workflow’s processes',
        description: 'Admins and the workflow’s owner.',
        tags: ['workflows'],
        responses: {
          '200': ok('The access settings.', 'WorkflowAccessResponse'),
          ...admin,
          '404': response('NotFound'),
        },
      },
      put: {
        operationId: 'api.workflows.access.update',
        summary: 'Replace who may start, see and work on a workflow’s processes',
        description:
          'Admins and the workflow’s owner. A list left out or null means everyone; `calendar` is changed only when sent. Teams must exist (422 per unknown one).',
        tags: ['workflows'],
        requestBody: jsonBody('WorkflowAccessRequest'),
        responses: {
          '200': ok('The access settings as stored.', 'WorkflowAccessResponse'),
          ...admin,
          '404': response('NotFound'),
          '422': response('ValidationFailed'),
        },
      },
    },
  }
}
