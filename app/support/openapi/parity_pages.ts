import { SUPPORTED_LOCALES } from '#config/i18n'
import { NOTIFICATION_KINDS } from '#enums/notification_kind'
import { ROLES } from '#enums/role'
import { ALERT_CONDITIONS, ALERT_OPERATORS, ALERT_SIGNALS } from '#enums/alert_signal'
import { REPORT_KINDS } from '#actions/reports/types'
import { TREND_OFFSETS } from '#validators/alert'
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
import { cursorList, cursorQuery, guarded } from '#support/openapi/cursor'
import { processPaths } from '#support/openapi/processes'
import queueConfig from '#config/queue'

/**
 * API parity, part two (start/routes/api_parity_pages.ts): one's own
 * tokens and profile, the dashboard, the list's CSV export, report
 * schedules, notification preferences, and the admin operations pages
 * (queues, engine health, automation attention, alert rules).
 */
const count = { type: 'integer', minimum: 0 }
const flag = { type: 'boolean' }
const nullableString = { type: ['string', 'null'] }
const noContent = (description: string) => ({ '204': { description } })

export function parityPageSchemas(): Record<string, Json> {
  return {
    AccessToken: answer({
      id: { type: 'string', description: 'Send to DELETE /api/v1/auth/tokens/{id}.' },
      name: { type: 'string' },
      lastUsedAt: nullable(dateTime),
      expiresAt: nullable(dateTime),
      createdAt: dateTime,
    }),
    AccessTokenListResponse: cursorList('AccessToken'),
    UpdateMeRequest: object({
      name: { type: 'string', minLength: 1, maxLength: 120 },
      locale: { type: 'string', enum: SUPPORTED_LOCALES },
    }),
    ChangePasswordRequest: object(
      {
        currentPassword: { type: 'string', minLength: 1 },
        password: { type: 'string', minLength: 10, maxLength: 200 },
        passwordConfirmation: { type: 'string', description: 'The same as `password`.' },
      },
      ['currentPassword', 'password', 'passwordConfirmation']
    ),

    WorkflowStanding: answer({
      key: { type: 'string' },
      name: { type: 'string' },
      byStatus: answer({ active: count, completed: count, cancelled: count, failed: count }),
      statusCapped: {
        ...answer({ active: flag, completed: flag, cancelled: flag, failed: flag }),
        description: 'A status whose count reached the cap (10,000): "more than" its count.',
      },
      byStage: list(
        answer({ key: { type: 'string' }, name: { type: 'string' }, count, capped: flag })
      ),
    }),
    ProcessActivity: {
      allOf: [
        ref('ProcessEvent'),
        answer({
          fromStageName: nullableString,
          toStageName: nullableString,
          transitionLabel: nullableString,
          route: nullable(ref('RouteTaken')),
          payloadStageName: nullableString,
          assignee: nullable(answer({ id: { type: 'integer' }, name: { type: 'string' } })),
          onBehalfOf: nullable(answer({ id: { type: 'integer' }, name: { type: 'string' } })),
          process: nullable(
            answer({
              id: { type: 'integer' },
              reference: { type: 'string' },
              title: { type: 'string' },
              workflowName: { type: 'string' },
            })
          ),
        }),
      ],
    },
    DashboardResponse: answer({
      data: answer({
        counts: answer({ myOpen: count, myOverdue: count, myDueSoon: count }),
        countsCapped: {
          ...answer({ myOpen: flag, myOverdue: flag, myDueSoon: flag }),
          description: 'A count that reached the cap (10,000): "more than" its count.',
        },
        filters: {
          ...answer(
            Object.fromEntries(
              ['myOpen', 'myOverdue', 'myDueSoon'].map((name) => [
                name,
                { type: 'object', additionalProperties: { type: 'string' } },
              ])
            )
          ),
          description: 'The GET /api/v1/processes query string behind each count.',
        },
        myTasks: { ...list(ref('Process')), description: 'Open tasks, soonest due first.' },
        workflows: list(ref('WorkflowStanding')),
        activity: { ...list(ref('ProcessActivity')), description: 'The latest events.' },
      }),
    }),

    ReportSchedule: answer({
      id: { type: 'integer' },
      kind: { type: 'string', enum: [...REPORT_KINDS] },
      frequency: { type: 'string', enum: ['daily', 'weekly'] },
      workflowId: { type: ['integer', 'null'] },
      timezone: { type: 'string' },
      recipients: { ...list({ type: 'string' }), description: 'The recipients’ names.' },
      recipientIds: list({ type: 'integer' }),
      nextRunAt: dateTime,
      lastRunAt: nullable(dateTime),
    }),
    ReportScheduleResponse: answer({ data: ref('ReportSchedule') }),
    ReportScheduleListResponse: cursorList('ReportSchedule'),
    ReportScheduleRequest: object(
      {
        kind: { type: 'string', enum: [...REPORT_KINDS] },
        workflowId: { type: ['integer', 'null'], minimum: 1 },
        frequency: { type: 'string', enum: ['daily', 'weekly'] },
        timezone: { type: 'string', maxLength: 64, examples: ['Europe/Lisbon'] },
        recipients: {
          ...list({ type: 'integer', minimum: 1 }),
          minItems: 1,
          maxItems: 50,
          description: 'Ids of active users.',
        },
      },
      ['kind', 'frequency', 'timezone', 'recipients']
    ),

    NotificationPreference: answer({
      kind: { type: 'string', enum: [...NOTIFICATION_KINDS] },
      inApp: { type: 'boolean' },
      email: { type: 'boolean' },
    }),
    NotificationPreferenceListResponse: answer({ data: list(ref('NotificationPreference')) }),
    NotificationPreferencesRequest: object(
      {
        preferences: {
          ...object(
            Object.fromEntries(
              NOTIFICATION_KINDS.map((kind) => [
                kind,
                object({ inApp: { type: 'boolean' }, email: { type: 'boolean' } }, [
                  'inApp',
                  'email',
                ]),
              ])
            )
          ),
          description: 'The kinds to change; kinds left out keep what they had.',
        },
      },
      ['preferences']
    ),

    QueueReport: answer({
      name: { type: 'string' },
      driver: { type: 'string', enum: ['bullmq', 'memory'] },
      throughput: {
        ...list(count),
        description: 'Jobs completed per minute over the last hour, oldest first.',
      },
      error: { ...nullableString, description: 'Why the backend did not answer.' },
      settings: answer({
        concurrency: { type: 'integer' },
        attempts: { type: 'integer' },
        backoffMs: { type: 'integer' },
      }),
      counts: nullable(
        answer({ waiting: count, active: count, delayed: count, completed: count, failed: count })
      ),
      paused: { type: 'boolean' },
      completedLastHour: count,
    }),
    QueueReportListResponse: cursorList('QueueReport'),
    FailedJobListResponse: cursorList('FailedJob'),
    FailedJob: answer({
      id: { type: 'string' },
      name: { type: 'string' },
      attempts: count,
      error: { type: 'string' },
      stack: nullableString,
      failedAt: nullableString,
      payload: { type: 'string', description: 'The job data as JSON text (ids only).' },
    }),
    QueueDetailResponse: answer({
      data: {
        allOf: [
          ref('QueueReport'),
          answer({ failedJobs: { ...list(ref('FailedJob')), description: 'The latest 50.' } }),
        ],
      },
    }),
    RetriedResponse: answer({ data: answer({ retried: count }) }),
    EngineHealthResponse: answer({
      data: answer({
        driver: { type: 'string', enum: ['bullmq', 'memory'] },
        checkedAt: dateTime,
        aliveWithinSeconds: { type: 'integer' },
        outbox: answer({
          due: count,
          scheduled: count,
          oldestDueSeconds: { type: ['integer', 'null'] },
          failed: count,
        }),
        outboxProblems: list(
          answer({
            id: { type: 'integer' },
            topic: { type: 'string' },
            queue: { type: 'string' },
            status: { type: 'string' },
            attempts: count,
            processId: { type: ['integer', 'null'] },
            lastError: { type: 'string' },
            availableAt: dateTime,
            createdAt: dateTime,
          })
        ),
        workers: list(
          answer({
            id: { type: 'string' },
            queues: list({ type: 'string' }),
            alive: { type: 'boolean' },
            startedAt: dateTime,
            beatAt: dateTime,
          })
        ),
        stalled: answer({ days: { type: 'integer' }, total: count }),
        stalledProcesses: list(
          answer({
            id: { type: 'integer' },
            reference: { type: 'string' },
            title: { type: 'string' },
            stageKey: { type: 'string' },
            stageName: { type: 'string' },
            workflowName: { type: 'string' },
            assignee: nullable(answer({ id: { type: 'integer' }, name: { type: 'string' } })),
            lastActivityAt: dateTime,
            idleDays: count,
            dueAt: nullable(dateTime),
            slaBreached: { type: 'boolean' },
          })
        ),
      }),
    }),
    AttentionItem: answer({
      processId: { type: 'integer' },
      reference: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'string', enum: ['needs_attention', 'compensating'] },
      failedAction: nullableString,
      reason: nullableString,
      since: dateTime,
      compensation: nullable(
        answer({ action: { type: 'string' }, attempts: count, error: nullableString })
      ),
    }),
    AttentionListResponse: cursorList('AttentionItem'),
    ResolveAttentionRequest: object(
      { comment: { type: 'string', minLength: 1, maxLength: 2000 } },
      ['comment']
    ),

    AlertRule: answer({
      id: { type: 'integer' },
      key: { type: 'string' },
      name: { type: 'string' },
      signal: { type: 'string', enum: [...ALERT_SIGNALS] },
      condition: { type: 'string', enum: [...ALERT_CONDITIONS] },
      operator: { type: 'string', enum: [...ALERT_OPERATORS] },
      threshold: { type: 'number' },
      trendFactor: { type: ['number', 'null'] },
      trendOffsetSeconds: { type: ['integer', 'null'] },
      windowSeconds: { type: 'integer' },
      cooldownSeconds: { type: 'integer' },
      enabled: { type: 'boolean' },
      builtIn: { type: 'boolean' },
      state: { type: 'string', enum: ['ok', 'firing'] },
      lastValue: { type: ['number', 'null'] },
      lastError: nullableString,
      unit: { type: 'string', enum: ['seconds', 'count'] },
      usesWindow: { type: 'boolean' },
      channels: answer({
        emails: list({ type: 'string' }),
        inAppRoles: list({ type: 'string', enum: [...ROLES] }),
        webhookUrl: nullableString,
      }),
      firingSince: nullable(dateTime),
      lastFiredAt: nullable(dateTime),
      lastResolvedAt: nullable(dateTime),
      lastEvaluatedAt: nullable(dateTime),
    }),
    AlertRuleResponse: answer({ data: ref('AlertRule') }),
    AlertRuleListResponse: cursorList('AlertRule'),
    AlertRuleRequest: object(
      {
        name: { type: 'string', minLength: 1, maxLength: 120 },
        signal: { type: 'string', enum: [...ALERT_SIGNALS] },
        condition: {
          type: 'string',
          enum: [...ALERT_CONDITIONS],
          description: '`trend` only for signals that can be read for a past window.',
        },
        operator: { type: 'string', enum: [...ALERT_OPERATORS] },
        threshold: { type: 'number', minimum: 0, maximum: 1_000_000_000 },
        trendFactor: {
          type: 'number',
          minimum: 0.01,
          maximum: 1000,
          description: 'Required with `condition: trend`.',
        },
        trendOffsetSeconds: {
          type: 'number',
          enum: [...TREND_OFFSETS],
          description: 'Required with `condition: trend`: compare with a day or a week before.',
        },
        windowSeconds: { type: 'integer', minimum: 0, maximum: 30 * 86_400 },
        cooldownSeconds: { type: 'integer', minimum: 0, maximum: 7 * 86_400 },
        emails: {
          type: 'string',
          maxLength: 5000,
          description: 'E-mail addresses separated by commas or new lines.',
        },
        inAppRoles: { ...list({ type: 'string', enum: [...ROLES] }), maxItems: ROLES.length },
        webhookUrl: { type: 'string', maxLength: 2048, format: 'uri' },
      },
      ['name', 'signal', 'condition', 'operator', 'threshold', 'windowSeconds', 'cooldownSeconds']
    ),
    AlertEvent: answer({
      id: { type: 'integer' },
      ruleId: { type: 'integer' },
      ruleName: { type: 'string' },
      value: { type: 'number' },
      resolvedValue: { type: ['number', 'null'] },
      message: { type: 'string' },
      firedAt: dateTime,
      resolvedAt: nullable(dateTime),
      deliveries: list(
        answer({
          change: { type: 'string', enum: ['fired', 'resolved'] },
          channel: { type: 'string', enum: ['email', 'webhook'] },
          status: { type: 'string', enum: ['pending', 'delivered', 'failed'] },
          attempts: count,
          lastError: nullableString,
        })
      ),
    }),
    AlertEventListResponse: cursorList('AlertEvent'),
    AlertRuleEnabledRequest: object({ enabled: { type: 'boolean' } }, ['enabled']),
  }
}

const id = [parameter('Id')]
const admins = (summary: string) => `${summary} (admins)`

/** The list filters of GET /api/v1/processes that the export takes, plus `dueSoon`. */
function exportParameters(): Json[] {
  const listed = (processPaths()['/api/v1/processes'] as any).get.parameters as Json[]
  const skip = new Set(['page', 'perPage'])
  return [
    ...listed.filter((p) => typeof p.name === 'string' && !skip.has(p.name as string)),
    {
      name: 'dueSoon',
      in: 'query',
      required: false,
      description: 'Only active processes due within the next day.',
      schema: { type: 'boolean' },
    },
  ]
}

export function parityPagePaths(): Record<string, Json> {
  return {
    '/api/v1/auth/tokens/{id}': {
      parameters: id,
      delete: {
        operationId: 'api.auth.tokens.destroy',
        summary: 'Revoke one of one’s own tokens (audited as token.revoked)',
        description: 'Another person’s token, or one already revoked, is 404.',
        tags: ['auth'],
        responses: {
          ...noContent('Revoked.'),
          ...authenticated,
          '404': response('NotFound'),
        },
      },
    },
    '/api/v1/me/password': {
      put: {
        operationId: 'api.me.password',
        summary: 'Change one’s own password (the current one is required)',
        description: 'A wrong current password is 422 on `currentPassword`.',
        tags: ['auth'],
        requestBody: jsonBody('ChangePasswordRequest'),
        responses: {
          ...noContent('Changed.'),
          ...authenticated,
          '403': response('Forbidden'),
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/dashboard': {
      get: {
        operationId: 'api.dashboard',
        summary: 'The dashboard’s figures: one’s open tasks, counts, workflows, latest activity',
        description:
          'The same numbers as the dashboard page; workflows the token owner is kept out of are left out.',
        tags: ['processes'],
        responses: { '200': ok('The dashboard.', 'DashboardResponse'), ...authenticated },
      },
    },
    '/api/v1/processes/export': {
      get: {
        operationId: 'api.processes.export',
        summary: 'The process list under the given filters as CSV (streamed)',
        description:
          'The list page’s export: same filters and access rules as GET /api/v1/processes; every matching row, not one page.',
        tags: ['processes'],
        parameters: exportParameters(),
        responses: {
          '200': {
            description:
              'CSV with a header row: reference, title, workflow, stage, status, priority, assignee, assignee_email, due_at, overdue, created_at, updated_at, closed_at.',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          ...authenticated,
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/report-schedules': {
      get: {
        operationId: 'api.report_schedules.index',
        summary: 'Report schedules, newest first (managers and admins)',
        tags: ['reports'],
        parameters: cursorQuery,
        responses: guarded({ '200': ok('One page of schedules.', 'ReportScheduleListResponse') }),
      },
      post: {
        operationId: 'api.report_schedules.store',
        summary: 'Schedule a report e-mailed daily or weekly (managers and admins)',
        tags: ['reports'],
        requestBody: jsonBody('ReportScheduleRequest'),
        responses: guarded({ '201': ok('The schedule.', 'ReportScheduleResponse') }),
      },
    },
    '/api/v1/report-schedules/{id}': {
      parameters: id,
      get: {
        operationId: 'api.report_schedules.show',
        summary: 'A report schedule (managers and admins)',
        tags: ['reports'],
        responses: guarded({ '200': ok('The schedule.', 'ReportScheduleResponse') }),
      },
      delete: {
        operationId: 'api.report_schedules.destroy',
        summary: 'Stop a report schedule (managers and admins)',
        tags: ['reports'],
        responses: {
          ...noContent('Deleted.'),
          '401': response('Unauthorized'),
          '403': response('Forbidden'),
          '404': response('NotFound'),
        },
      },
    },
    '/api/v1/notifications/preferences': {
      get: {
        operationId: 'api.notifications.preferences.show',
        summary: 'The token owner’s notification preferences, every kind',
        tags: ['notifications'],
        responses: {
          '200': ok('Per kind, in-app and e-mail.', 'NotificationPreferenceListResponse'),
          ...authenticated,
        },
      },
      put: {
        operationId: 'api.notifications.preferences.update',
        summary: 'Save notification preferences for the kinds sent',
        tags: ['notifications'],
        requestBody: jsonBody('NotificationPreferencesRequest'),
        responses: {
          '200': ok('Every kind, after saving.', 'NotificationPreferenceListResponse'),
          ...authenticated,
          '422': response('ValidationFailed'),
        },
      },
    },
    '/api/v1/admin/queues': {
      get: {
        operationId: 'api.admin.queues.index',
        summary: admins('Every queue’s numbers: counts, paused, throughput'),
        tags: ['admin'],
        parameters: cursorQuery,
        responses: guarded({ '200': ok('One page of queues.', 'QueueReportListResponse') }),
      },
    },
    ...queuePaths(),
    '/api/v1/admin/engine': {
      get: {
        operationId: 'api.admin.engine.show',
        summary: admins('Engine health: outbox backlog, workers, stalled processes'),
        tags: ['admin'],
        parameters: [
          {
            name: 'days',
            in: 'query',
            required: false,
            description: 'Days without an event that make an active process stalled (default 7).',
            schema: { type: 'integer', minimum: 1, maximum: 365 },
          },
        ],
        responses: guarded({ '200': ok('Engine health.', 'EngineHealthResponse') }),
      },
    },
    '/api/v1/admin/automation/attention': {
      get: {
        operationId: 'api.admin.automation.attention.index',
        summary: admins('Processes whose compensation failed or is running'),
        tags: ['admin'],
        parameters: cursorQuery,
        responses: guarded({ '200': ok('One page of sagas.', 'AttentionListResponse') }),
      },
    },
    '/api/v1/admin/automation/attention/{process}/retry': {
      parameters: [
        { name: 'process', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
      ],
      post: {
        operationId: 'api.admin.automation.attention.retry',
        summary: admins('Try a failed compensation again'),
        tags: ['admin'],
        responses: {
          ...noContent('Queued again.'),
          ...guarded(),
          '409': response('Conflict'),
        },
      },
    },
    '/api/v1/admin/automation/attention/{process}/resolve': {
      parameters: [
        { name: 'process', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
      ],
      post: {
        operationId: 'api.admin.automation.attention.resolve',
        summary: admins('Mark a failed compensation as undone by hand, with a comment'),
        tags: ['admin'],
        requestBody: jsonBody('ResolveAttentionRequest'),
        responses: {
          ...noContent('Resolved.'),
          ...guarded(),
          '409': response('Conflict'),
        },
      },
    },
    '/api/v1/admin/alert-rules': {
      get: {
        operationId: 'api.admin.alert_rules.index',
        summary: admins('Alert rules, oldest first'),
        tags: ['admin'],
        parameters: cursorQuery,
        responses: guarded({ '200': ok('One page of rules.', 'AlertRuleListResponse') }),
      },
      post: {
        operationId: 'api.admin.alert_rules.store',
        summary: admins('Create an alert rule (audited)'),
        tags: ['admin'],
        requestBody: jsonBody('AlertRuleRequest'),
        responses: guarded({ '201': ok('The rule.', 'AlertRuleResponse') }),
      },
    },
    '/api/v1/admin/alert-rules/{id}': {
      parameters: id,
      get: {
        operationId: 'api.admin.alert_rules.show',
        summary: admins('An alert rule'),
        tags: ['admin'],
        responses: guarded({ '200': ok('The rule.', 'AlertRuleResponse') }),
      },
      put: {
        operationId: 'api.admin.alert_rules.update',
        summary: admins('Change an alert rule (a built-in rule keeps its signal; audited)'),
        tags: ['admin'],
        requestBody: jsonBody('AlertRuleRequest'),
        responses: guarded({ '200': ok('The rule.', 'AlertRuleResponse') }),
      },
      delete: {
        operationId: 'api.admin.alert_rules.destroy',
        summary: admins('Delete a custom alert rule (built-in ones: 422; audited)'),
        tags: ['admin'],
        responses: { ...noContent('Deleted.'), ...guarded() },
      },
    },
    '/api/v1/admin/alert-events': {
      get: {
        operationId: 'api.admin.alert_events.index',
        summary: admins('Alert firings, newest first, with their deliveries'),
        tags: ['admin'],
        parameters: cursorQuery,
        responses: guarded({ '200': ok('One page of firings.', 'AlertEventListResponse') }),
      },
    },
    '/api/v1/admin/alert-rules/{id}/enabled': {
      parameters: id,
      put: {
        operationId: 'api.admin.alert_rules.toggle',
        summary: admins('Turn an alert rule on or off (audited)'),
        tags: ['admin'],
        requestBody: jsonBody('AlertRuleEnabledRequest'),
        responses: guarded({ '200': ok('The rule.', 'AlertRuleResponse') }),
      },
    },
  }
}

const queueParameter = {
  name: 'queue',
  in: 'path',
  required: true,
  description: 'A configured queue; other names are 404.',
  schema: { type: 'string', enum: Object.keys(queueConfig.queues) },
}
const jobParameter = {
  name: 'job',
  in: 'path',
  required: true,
  schema: { type: 'string', minLength: 1, maxLength: 200 },
}
const adminAnswers = {
  '401': response('Unauthorized'),
  '403': response('Forbidden'),
  '404': response('NotFound'),
}

/** Admin → Queues → one queue: its numbers and failed jobs, and the page's buttons. */
function queuePaths(): Record<string, Json> {
  const action = (operationId: string, summary: string, answers: Json, method = 'post') => ({
    [method]: {
      operationId,
      summary: admins(summary),
      tags: ['admin'],
      responses: { ...answers, ...adminAnswers },
    },
  })
  return {
    '/api/v1/admin/queues/{queue}': {
      parameters: [queueParameter],
      ...action(
        'api.admin.queues.show',
        'A queue’s numbers and its latest failed jobs',
        { '200': ok('The queue.', 'QueueDetailResponse') },
        'get'
      ),
    },
    '/api/v1/admin/queues/{queue}/failed-jobs': {
      parameters: [queueParameter],
      get: {
        operationId: 'api.admin.queues.failed_jobs',
        summary: admins('Every failed job the queue keeps, most recent first, by cursor'),
        tags: ['admin'],
        parameters: cursorQuery,
        responses: guarded({ '200': ok('One page of failed jobs.', 'FailedJobListResponse') }),
      },
    },
    '/api/v1/admin/queues/{queue}/retry': {
      parameters: [queueParameter],
      ...action('api.admin.queues.retry_all', 'Retry every failed job of the queue', {
        '200': ok('How many were queued again.', 'RetriedResponse'),
      }),
    },
    '/api/v1/admin/queues/{queue}/pause': {
      parameters: [queueParameter],
      ...action('api.admin.queues.pause', 'Pause the queue (workers take no new jobs)', {
        ...noContent('Paused.'),
      }),
    },
    '/api/v1/admin/queues/{queue}/resume': {
      parameters: [queueParameter],
      ...action('api.admin.queues.resume', 'Resume the queue', { ...noContent('Resumed.') }),
    },
    '/api/v1/admin/queues/{queue}/jobs/{job}/retry': {
      parameters: [queueParameter, jobParameter],
      ...action('api.admin.queues.jobs.retry', 'Retry one failed job (404 when it is not failed)', {
        '200': ok('Queued again.', 'RetriedResponse'),
      }),
    },
    '/api/v1/admin/queues/{queue}/jobs/{job}': {
      parameters: [queueParameter, jobParameter],
      ...action(
        'api.admin.queues.jobs.destroy',
        'Remove a failed job',
        { ...noContent('Removed (or already gone).') },
        'delete'
      ),
    },
  }
}

/**
 * Operations on path items that app/support/openapi/common.ts describes:
 * listing one's tokens (next to creating one) and changing oneself (next
 * to reading oneself).
 */
export function tokenListOperation(): Json {
  return {
    get: {
      operationId: 'api.auth.tokens.index',
      summary: 'The token owner’s own tokens, newest first (never their secrets)',
      tags: ['auth'],
      parameters: cursorQuery,
      responses: {
        '200': ok('One page of tokens.', 'AccessTokenListResponse'),
        ...authenticated,
        '422': response('ValidationFailed'),
      },
    },
  }
}

export function updateMeOperation(): Json {
  return {
    patch: {
      operationId: 'api.me.update',
      summary: 'Change one’s own name and/or language',
      tags: ['auth'],
      requestBody: jsonBody('UpdateMeRequest'),
      responses: {
        '200': ok('The updated user.', 'UserResponse'),
        ...authenticated,
        '403': response('Forbidden'),
        '422': response('ValidationFailed'),
      },
    },
  }
}
