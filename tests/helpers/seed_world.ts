import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import StartProcess from '#actions/processes/start_process'
import BulkOperation from '#models/bulk_operation'
import ProcessMigration from '#models/process_migration'
import ReportRun from '#models/report_run'
import ReportSchedule from '#models/report_schedule'
import User from '#models/user'
import AlertRule from '#models/alert_rule'
import Team from '#models/team'
import { publishWorkflow } from '#tests/helpers/common'

export const ROLES = ['anonymous', 'member', 'manager', 'admin'] as const
export type Viewer = (typeof ROLES)[number]

/**
 * One of every object a route can address, owned by the manager (so a
 * member is neither creator nor assignee), plus a notification and a
 * token belonging to the member. Made through the engine's actions where
 * there is one; the rest as the background jobs would write them.
 */
export async function seedWorld() {
  const member = await UserFactory.merge({ name: 'Mia Member' }).create()
  const manager = await UserFactory.apply('manager').merge({ name: 'Max Manager' }).create()
  const admin = await UserFactory.apply('admin').merge({ name: 'Ada Admin' }).create()
  const users = { member, manager, admin }

  const { workflow, version } = await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  const { process } = await new StartProcess().handle({
    workflowKey: workflow.key,
    title: 'Seeded order',
    assigneeId: null,
    actor: manager,
  })

  const [notificationId] = await db.table('notifications').insert({
    user_id: member.id,
    outbox_message_id: 990_001,
    channel: 'in_app',
    kind: 'moved',
    process_id: process.id,
    title: 'Seeded notice',
    body: null,
    status: 'delivered',
    read_at: null,
    created_at: DateTime.now().toSQL({ includeOffset: false }),
  })
  const memberToken = await User.accessTokens.create(member, ['*'], { name: 'seeded' })
  // The page routes revoke theirs; the API routes need their own (likewise schedules and rules below).
  const memberApiToken = await User.accessTokens.create(member, ['*'], { name: 'seeded api' })

  const params = {
    workflowId: workflow.id,
    versionId: null,
    from: '2026-03-02',
    to: '2026-03-04',
    timezone: 'UTC',
    assigneeId: null,
    role: null,
    granularity: 'day' as const,
  }
  const run = await ReportRun.create({
    kind: 'throughput',
    params,
    paramsHash: 'seeded',
    status: 'pending',
    progress: 0,
    result: null,
    error: null,
    requestedBy: manager.id,
    scheduleId: null,
  })
  const schedule = await ReportSchedule.create({
    kind: 'throughput',
    params,
    frequency: 'daily',
    recipients: [manager.id],
    createdBy: manager.id,
    nextRunAt: DateTime.now().plus({ days: 1 }),
  })
  const apiSchedule = await ReportSchedule.create({
    kind: 'throughput',
    params,
    frequency: 'weekly',
    recipients: [manager.id],
    createdBy: manager.id,
    nextRunAt: DateTime.now().plus({ days: 7 }),
  })
  const migration = await ProcessMigration.create({
    workflowId: workflow.id,
    fromVersionId: version.id,
    toVersionId: version.id,
    mapping: {},
    status: 'completed',
    total: 0,
    moved: 0,
    refused: 0,
    failed: 0,
    requestedBy: manager.id,
  })
  const bulk = await BulkOperation.create({
    requestedBy: manager.id,
    action: 'cancel',
    parameters: { reason: null },
    selection: { ids: [process.id] },
    status: 'completed',
    total: 1,
    processed: 1,
    succeeded: 0,
    refused: 1,
    failed: 0,
  })

  const alertRule = await AlertRule.create({
    key: 'seeded-rule',
    name: 'Seeded rule',
    signal: 'sla_breaches',
    condition: 'threshold',
    operator: '>',
    threshold: 5,
    windowSeconds: 3600,
    cooldownSeconds: 600,
    channels: { emails: [], inAppRoles: ['admin'], webhookUrl: null },
    enabled: true,
    builtIn: false,
    state: 'ok',
    version: 0,
  })

  const apiAlertRule = await AlertRule.create({
    key: 'seeded-api-rule',
    name: 'Seeded API rule',
    signal: 'failed_jobs',
    condition: 'threshold',
    operator: '>',
    threshold: 10,
    windowSeconds: 3600,
    cooldownSeconds: 600,
    channels: { emails: [], inAppRoles: ['admin'], webhookUrl: null },
    enabled: true,
    builtIn: false,
    state: 'ok',
    version: 0,
  })

  // Two teams: the page routes delete theirs, the API routes need their own.
  const teams = {
    page: await Team.create({ key: 'seeded-page-team', name: 'Seeded page team' }),
    api: await Team.create({ key: 'seeded-api-team', name: 'Seeded API team' }),
  }

  // A business calendar for the calendar routes (test groups empty every table, the default one too).
  const stamp = DateTime.now().toSQL({ includeOffset: false })
  await db.table('calendars').insert({
    key: 'seeded-calendar',
    name: 'Seeded calendar',
    time_zone: 'UTC',
    hours: JSON.stringify({ mon: ['09:00-17:00'] }),
    holidays: '[]',
    is_default: false,
    created_at: stamp,
    updated_at: stamp,
  })

  // The manager's private saved views: one the API routes use, one the page's delete,
  // one the watch routes use (the others are deleted by the probe before them).
  const view = (name: string) =>
    db.table('saved_views').insert({
      owner_id: manager.id,
      name,
      workflow_id: null,
      filters: '{}',
      columns: '["reference","title"]',
      sort: 'updated_at',
      direction: 'desc',
      visibility: 'private',
      team_id: null,
      role: null,
      created_at: stamp,
      updated_at: stamp,
    })
  const [apiViewId] = await view('Seeded API view')
  const [pageViewId] = await view('Seeded page view')
  const [watchViewId] = await view('Seeded watched view')

  return {
    users,
    teams,
    views: { api: Number(apiViewId), page: Number(pageViewId), watch: Number(watchViewId) },
    workflow,
    process,
    notificationId: Number(notificationId),
    tokenId: Number(memberToken.identifier),
    apiTokenId: Number(memberApiToken.identifier),
    run,
    schedule,
    apiSchedule,
    migration,
    bulk,
    alertRule,
    apiAlertRule,
  }
}

export type World = Awaited<ReturnType<typeof seedWorld>>
