import { attachmentRules } from '#config/drive'
import { NOTIFICATION_KINDS } from '#enums/notification_kind'
import { ROLES } from '#enums/role'
import {
  answer,
  dateTime,
  jsonBody,
  nullable,
  object,
  ok,
  parameter,
  ref,
  response,
  type Json,
} from '#support/openapi/helpers'
import { cursorList, cursorQuery, guarded } from '#support/openapi/cursor'

/**
 * Attachments, notifications and accounts
 * (app/controllers/api/{attachments,notifications,users}_controller.ts).
 */
export function peopleSchemas(): Record<string, Json> {
  return {
    Attachment: answer({
      id: { type: 'integer' },
      processId: { type: 'integer' },
      fileName: { type: 'string' },
      mimeType: { type: 'string', enum: [...new Set(Object.values(attachmentRules.types))] },
      size: { type: 'integer', minimum: 0, description: 'Bytes.' },
      uploadedBy: nullable({ type: 'string' }),
      createdAt: dateTime,
    }),
    AttachmentResponse: answer({ data: ref('Attachment') }),
    AttachmentListResponse: cursorList('Attachment'),
    AttachmentUpload: object(
      {
        file: {
          type: 'string',
          format: 'binary',
          description: `At most ${attachmentRules.maxBytes} bytes; one of ${attachmentRules.extensions.join(', ')}, with content matching the extension.`,
        },
      },
      ['file']
    ),

    Notification: answer({
      id: { type: 'integer' },
      kind: { type: 'string', enum: [...NOTIFICATION_KINDS] },
      title: { type: 'string' },
      processId: nullable({ type: 'integer' }),
      body: { type: 'string' },
      read: { type: 'boolean' },
      createdAt: dateTime,
    }),
    NotificationResponse: answer({ data: ref('Notification') }),
    NotificationListMetadata: {
      allOf: [
        ref('CursorMetadata'),
        answer({ unread: { type: 'integer', minimum: 0, description: 'Unread in all.' } }),
      ],
    },
    NotificationListResponse: cursorList('Notification', 'NotificationListMetadata'),
    MarkedReadResponse: answer({ data: answer({ marked: { type: 'integer', minimum: 0 } }) }),

    UserListResponse: cursorList('User'),
    CreateUserRequest: object(
      {
        name: { type: 'string', minLength: 1, maxLength: 120 },
        email: { type: 'string', format: 'email', maxLength: 254 },
        password: { type: 'string', minLength: 10, maxLength: 200 },
        role: { type: 'string', enum: [...ROLES] },
      },
      ['name', 'email', 'password', 'role']
    ),
    UpdateUserRequest: object({
      role: { type: 'string', enum: [...ROLES] },
      isActive: {
        type: 'boolean',
        description: 'false deactivates: ends the person’s sessions and tokens.',
      },
    }),
  }
}

const processId = [parameter('ProcessId')]

export function peoplePaths(): Record<string, Json> {
  return {
    '/api/v1/processes/{id}/attachments': {
      parameters: processId,
      get: {
        operationId: 'api.processes.attachments.index',
        summary: 'Files attached to a process, newest first',
        tags: ['attachments'],
        parameters: cursorQuery,
        responses: guarded({ '200': ok('One page of attachments.', 'AttachmentListResponse') }),
      },
      post: {
        operationId: 'api.processes.attachments.store',
        summary: 'Attach a file (multipart/form-data, field `file`)',
        description: 'Recorded as an `attachment_added` event on the process timeline.',
        tags: ['attachments'],
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: ref('AttachmentUpload') } },
        },
        responses: guarded({ '201': ok('The attachment.', 'AttachmentResponse') }),
      },
    },
    '/api/v1/processes/{id}/attachments/{attachmentId}': {
      parameters: [
        ...processId,
        {
          name: 'attachmentId',
          in: 'path',
          required: true,
          schema: { type: 'integer', minimum: 1 },
        },
      ],
      get: {
        operationId: 'api.processes.attachments.download',
        summary: 'Download an attachment',
        tags: ['attachments'],
        responses: {
          '200': {
            description:
              'The file, with its stored content type (Content-Disposition: attachment).',
            content: Object.fromEntries(
              [...new Set(Object.values(attachmentRules.types))].map((type) => [
                type,
                { schema: { type: 'string', format: 'binary' } },
              ])
            ),
          },
          '401': response('Unauthorized'),
          '403': response('Forbidden'),
          '404': response('NotFound'),
        },
      },
    },
    '/api/v1/notifications': {
      get: {
        operationId: 'api.notifications.index',
        summary: 'The token owner’s in-app notifications, newest first',
        tags: ['notifications'],
        parameters: [
          {
            name: 'filter',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['all', 'unread'] },
          },
          ...cursorQuery,
        ],
        responses: {
          '200': ok('One page of notifications and the unread count.', 'NotificationListResponse'),
          '401': response('Unauthorized'),
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/notifications/read': {
      post: {
        operationId: 'api.notifications.read_all',
        summary: 'Mark all of the token owner’s notifications read',
        tags: ['notifications'],
        responses: {
          '200': ok('How many were marked.', 'MarkedReadResponse'),
          '401': response('Unauthorized'),
        },
      },
    },
    '/api/v1/notifications/{id}/read': {
      parameters: [parameter('Id')],
      post: {
        operationId: 'api.notifications.read',
        summary: 'Mark one notification read (another person’s is 404)',
        tags: ['notifications'],
        responses: {
          '200': ok('The notification.', 'NotificationResponse'),
          '401': response('Unauthorized'),
          '404': response('NotFound'),
        },
      },
    },
    '/api/v1/users': {
      get: {
        operationId: 'api.users.index',
        summary: 'Accounts, oldest first, searched by name or e-mail (admins)',
        tags: ['users'],
        parameters: [
          { name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 120 } },
          ...cursorQuery,
        ],
        responses: guarded({ '200': ok('One page of accounts.', 'UserListResponse') }),
      },
      post: {
        operationId: 'api.users.store',
        summary: 'Create an account (admins)',
        tags: ['users'],
        requestBody: jsonBody('CreateUserRequest'),
        responses: guarded({ '201': ok('The account.', 'UserResponse') }),
      },
    },
    '/api/v1/users/{id}': {
      parameters: [parameter('Id')],
      patch: {
        operationId: 'api.users.update',
        summary: 'Change an account’s role, deactivate or reactivate it (admins; not oneself)',
        tags: ['users'],
        requestBody: jsonBody('UpdateUserRequest'),
        responses: guarded({ '200': ok('The account.', 'UserResponse') }),
      },
    },
  }
}
