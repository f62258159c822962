import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import StartProcess from '#actions/processes/start_process'
import Notification from '#models/notification'
import ReportRun from '#models/report_run'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, truncateAll } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { restrictedWorkflow, teamWith } from '#tests/helpers/access_fixtures'

/**
 * Two workflows with disjoint audiences (HR's and Support's), each
 * person assigned processes of both: every number a person can read —
 * list, API list, search, board, dashboard, CSV, report, notifications —
 * counts only the workflow they may see.
 */
async function countsFor(client: ApiClient, user: User, boards: string[]) {
  const page = await client.get('/processes').loginAs(user).withInertia()
  const search = await client.get('/processes').qs({ q: 'case' }).loginAs(user).withInertia()
  const api = await client.get('/api/v1/processes').withGuard('api').loginAs(user)
  const csv = await client.get('/processes/export').loginAs(user)
  const dashboard = await client.get('/').loginAs(user).withInertia()
  const unread = await client.get('/notifications/unread').loginAs(user)
  const dashboardProps = dashboard.inertiaProps as any

  const boardCounts: Record<string, number | 404> = {}
  for (const key of boards) {
    const board = await client.get(`/workflows/${key}/board`).loginAs(user).withInertia()
    boardCounts[key] =
      board.status() === 404
        ? 404
        : (board.inertiaProps as any).columns.reduce(
            (sum: number, c: { count: number }) => sum + c.count,
            0
          )
  }

  const today = DateTime.utc().toISODate()!
  await client
    .post('/reports/runs')
    .json({ kind: 'throughput', from: today, to: today, timezone: 'UTC' })
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
  await drainOutbox()
  const run = await ReportRun.query()
    .where('requested_by', user.id)
    .orderBy('id', 'desc')
    .firstOrFail()
  const throughput = run.result!.tables.find((t) => t.key === 'throughput')!

  return {
    list: (page.inertiaProps as any).processes.metadata.total,
    search: (search.inertiaProps as any).processes.metadata.total,
    api: api.body().metadata.total,
    csv: csv.text().trim().split('\n').length - 1,
    dashboardOpen: dashboardProps.counts.myOpen,
    dashboardTasks: dashboardProps.myTasks.length,
    dashboardWorkflows: dashboardProps.workflows.length,
    activity: dashboardProps.activity.length,
    boards: boardCounts,
    report: throughput.rows.reduce((sum, row) => sum + Number(row.started ?? 0), 0),
    notifications: await Notification.query()
      .where('user_id', user.id)
      .where('channel', 'in_app')
      .count('* as total')
      .first()
      .then((row) => Number(row?.$extras.total)),
    unread: unread.body().unread,
  }
}

test.group('Access / two workflows with disjoint audiences', (group) => {
  freshDatabase(group)
  group.teardown(async () => {
    await stopQueues()
    await truncateAll()
  })

  test('every count a person sees leaves out the workflow they may not see', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const hrLead = await UserFactory.apply('manager').merge({ name: 'Hana HR' }).create()
    const supportLead = await UserFactory.apply('manager').merge({ name: 'Sol Support' }).create()
    await teamWith('hr', [hrLead])
    await teamWith('support', [supportLead])
    await restrictedWorkflow('onboarding', admin, { see: [{ team: 'hr' }] })
    await restrictedWorkflow('tickets', admin, { see: [{ team: 'support' }] })

    // Each lead is assigned processes of both workflows (as an admin may do).
    for (const [key, count] of [
      ['onboarding', 3],
      ['tickets', 2],
    ] as const) {
      for (let i = 1; i <= count; i++) {
        for (const assignee of [hrLead, supportLead]) {
          await new StartProcess().handle({
            workflowKey: key,
            title: `Case ${key} ${i}`,
            assigneeId: assignee.id,
            actor: admin,
          })
        }
      }
    }
    await drainOutbox()

    const hr = await countsFor(client, hrLead, ['onboarding', 'tickets'])
    const support = await countsFor(client, supportLead, ['onboarding', 'tickets'])
    const everything = await countsFor(client, admin, ['onboarding', 'tickets'])

    assert.deepEqual(hr, {
      list: 6,
      search: 6,
      api: 6,
      csv: 6,
      dashboardOpen: 3,
      dashboardTasks: 3,
      dashboardWorkflows: 1,
      activity: 6,
      boards: { onboarding: 6, tickets: 404 },
      report: 6,
      notifications: 3,
      unread: 3,
    })
    assert.deepEqual(support, {
      list: 4,
      search: 4,
      api: 4,
      csv: 4,
      dashboardOpen: 2,
      dashboardTasks: 2,
      dashboardWorkflows: 1,
      activity: 4,
      boards: { onboarding: 404, tickets: 4 },
      report: 4,
      notifications: 2,
      unread: 2,
    })
    assert.include(everything, { list: 10, search: 10, api: 10, csv: 10, report: 10 })
    assert.deepEqual(everything.boards, { onboarding: 6, tickets: 4 })
  })
})
