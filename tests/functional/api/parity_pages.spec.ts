import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import { DateTime } from 'luxon'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import AccessTokens from '#actions/auth/access_tokens'
import AlertRule from '#models/alert_rule'
import AlertEvent from '#models/alert_event'
import db from '@adonisjs/lucid/services/db'
import AuditEvent from '#models/audit_event'
import ReportSchedule from '#models/report_schedule'
import type User from '#models/user'
import { NOTIFICATION_KINDS } from '#enums/notification_kind'
import { QUEUE_NAMES } from '#queue/queue_manager'
import { freshDatabase, PASSWORD, publishWorkflow } from '#tests/helpers/common'
import { startProcesses } from '#tests/helpers/process_fixtures'
import { restrictedWorkflow, teamWith } from '#tests/helpers/access_fixtures'

/**
 * API parity, part two (start/routes/api_parity_pages.ts): one's own
 * tokens and profile, the dashboard, the list export, report schedules,
 * notification preferences and the admin operations. Every answer is also
 * checked against the OpenAPI document by the contract hook of
 * tests/bootstrap.ts.
 */
const fields = (response: any) => response.body().errors.map((e: any) => e.field)
/** Sends the request and checks the status of the answer. */
async function expectStatus(request: Promise<ApiResponse>, status: number) {
  const response = await request
  response.assertStatus(status)
}
const as = (user: User) => (request: any) => request.withGuard('api').loginAs(user)

/** A real bearer token (the profile page's action), for requests that must not add tokens. */
async function bearer(user: User, name = 'script') {
  const token = await new AccessTokens().create(user, name)
  return { id: Number(token.identifier), secret: token.value!.release() }
}

const get = (client: ApiClient, url: string, secret: string) =>
  client.get(url).header('authorization', `Bearer ${secret}`)

test.group('API parity / tokens and profile', (group) => {
  freshDatabase(group)

  test('one’s own tokens are listed by cursor, revoked with an audit entry, and stop working', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.create()
    const other = await UserFactory.create()
    const first = await bearer(member, 'first')
    const second = await bearer(member, 'second')
    const third = await bearer(member, 'third')
    const foreign = await bearer(other, 'foreign')

    const page = await get(client, '/api/v1/auth/tokens?limit=2', first.secret)
    page.assertStatus(200)
    assert.deepEqual(
      page.body().data.map((t: any) => t.name),
      ['third', 'second']
    )
    assert.notProperty(page.body().data[0], 'hash')
    const rest = await get(
      client,
      `/api/v1/auth/tokens?limit=2&cursor=${page.body().metadata.nextCursor}`,
      first.secret
    )
    assert.deepEqual(
      rest.body().data.map((t: any) => t.name),
      ['first']
    )
    assert.isNull(rest.body().metadata.nextCursor)
    assert.isString(rest.body().data[0].lastUsedAt, 'the token in use was stamped')

    const notMine = await client
      .delete(`/api/v1/auth/tokens/${foreign.id}`)
      .header('authorization', `Bearer ${first.secret}`)
    notMine.assertStatus(404)
    const revoked = await client
      .delete(`/api/v1/auth/tokens/${third.id}`)
      .header('authorization', `Bearer ${first.secret}`)
    revoked.assertStatus(204)
    const again = await client
      .delete(`/api/v1/auth/tokens/${third.id}`)
      .header('authorization', `Bearer ${first.secret}`)
    again.assertStatus(404)

    const audit = await AuditEvent.query().where('action', 'token.revoked')
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].subjectId, String(third.id))
    assert.equal(audit[0].actorId, member.id)
    await expectStatus(get(client, '/api/v1/me', third.secret), 401)
    await expectStatus(get(client, '/api/v1/me', foreign.secret), 200)
    const left = await get(client, '/api/v1/auth/tokens', second.secret)
    assert.sameMembers(
      left.body().data.map((t: any) => t.name),
      ['first', 'second']
    )
  })

  test('PATCH /me changes the name and language; bad values are 422 on their field', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.merge({ name: 'Old Name' }).create()
    const changed = await as(member)(
      client.patch('/api/v1/me').json({ name: '  New Name ', locale: 'pt-BR' })
    )
    changed.assertStatus(200)
    changed.assertBodyContains({ data: { name: 'New Name', locale: 'pt-BR' } })
    await member.refresh()
    assert.equal(member.name, 'New Name')
    assert.equal(member.locale, 'pt-BR')

    const bad = await as(member)(
      client.patch('/api/v1/me').json({ name: 'x'.repeat(121), locale: 'xx' })
    )
    bad.assertStatus(422)
    assert.sameMembers(fields(bad), ['name', 'locale'])
    await member.refresh()
    assert.equal(member.name, 'New Name')
  })

  test('the password changes only with the right current one and a matching confirmation', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.create()
    const wrong = await as(member)(
      client.put('/api/v1/me/password').json({
        currentPassword: 'not-my-password',
        password: 'a-brand-new-secret',
        passwordConfirmation: 'a-brand-new-secret',
      })
    )
    wrong.assertStatus(422)
    assert.deepEqual(fields(wrong), ['currentPassword'])

    const unconfirmed = await as(member)(
      client.put('/api/v1/me/password').json({
        currentPassword: PASSWORD,
        password: 'a-brand-new-secret',
      })
    )
    unconfirmed.assertStatus(422)
    assert.deepEqual(fields(unconfirmed), ['passwordConfirmation'])
    await member.refresh()
    assert.isTrue(await member.verifyPassword(PASSWORD))

    const done = await as(member)(
      client.put('/api/v1/me/password').json({
        currentPassword: PASSWORD,
        password: 'a-brand-new-secret',
        passwordConfirmation: 'a-brand-new-secret',
      })
    )
    done.assertStatus(204)
    await member.refresh()
    assert.isTrue(await member.verifyPassword('a-brand-new-secret'))
  })
})

test.group('API parity / dashboard and list export', (group) => {
  freshDatabase(group)

  test('the dashboard answers the page’s numbers and leaves out workflows the person is kept out of', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    await startProcesses(3, manager, { assigneeId: member.id })
    await startProcesses(2, manager)
    await teamWith('hr', [manager])
    const hidden = await restrictedWorkflow('hiring', manager, { see: [{ team: 'hr' }] })
    await startProcesses(2, manager, { workflow: hidden.key, assigneeId: member.id })

    const api = await as(member)(client.get('/api/v1/dashboard'))
    api.assertStatus(200)
    const data = api.body().data
    const page = await client.get('/').loginAs(member).withInertia()
    const props = page.inertiaProps as any
    assert.deepEqual(data.counts, props.counts)
    assert.deepEqual(data.counts, { myOpen: 3, myOverdue: 0, myDueSoon: 0 })
    assert.deepEqual(data.filters.myOpen, { assignee: 'me', status: 'active' })
    assert.lengthOf(data.myTasks, 3)
    assert.deepEqual(
      data.workflows.map((w: any) => w.key),
      props.workflows.map((w: any) => w.key)
    )
    assert.notInclude(
      data.workflows.map((w: any) => w.key),
      'hiring'
    )
    assert.equal(data.workflows[0].byStatus.active, 5)
    assert.isAbove(data.activity.length, 0)
    assert.isTrue(data.activity.every((e: any) => e.process?.workflowName !== 'Workflow hiring'))
  })

  test('the CSV export streams every matching process, with the list’s filters and access', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    await startProcesses(30, manager, { title: (i) => `Order ${i}` })
    await startProcesses(2, manager, { title: (i) => `Mine ${i}`, assigneeId: member.id })
    await teamWith('hr', [manager])
    const hidden = await restrictedWorkflow('hiring', manager, { see: [{ team: 'hr' }] })
    await startProcesses(1, manager, { workflow: hidden.key, title: () => 'Secret hire' })

    const all = await as(member)(client.get('/api/v1/processes/export'))
    all.assertStatus(200)
    assert.match(all.header('content-type'), /^text\/csv/)
    assert.match(all.header('content-disposition'), /attachment; filename="processes-.*\.csv"/)
    const lines = all.text().trim().split('\n')
    assert.match(lines[0], /^reference,title,workflow,stage,status/)
    assert.lengthOf(lines, 1 + 32, 'every row, not one page; the hidden workflow left out')
    assert.notInclude(all.text(), 'Secret hire')

    const mine = await as(member)(client.get('/api/v1/processes/export').qs({ assignee: 'me' }))
    const mineLines = mine.text().trim().split('\n')
    assert.lengthOf(mineLines, 3)
    assert.isTrue(mineLines.slice(1).every((line: string) => line.includes('Mine ')))

    const insider = await as(manager)(client.get('/api/v1/processes/export'))
    assert.include(insider.text(), 'Secret hire')

    const bad = await as(member)(client.get('/api/v1/processes/export').qs({ status: 'nope' }))
    bad.assertStatus(422)
    assert.deepEqual(fields(bad), ['status'])
  })
})

test.group('API parity / report schedules and notification preferences', (group) => {
  freshDatabase(group)

  test('a lead creates, lists by cursor, reads and deletes schedules; a member may not', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').merge({ name: 'Max Manager' }).create()
    const member = await UserFactory.merge({ name: 'Mia Member' }).create()
    const { workflow } = await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)

    const ids: number[] = []
    for (const frequency of ['daily', 'weekly', 'daily'] as const) {
      const created = await as(manager)(
        client.post('/api/v1/report-schedules').json({
          kind: 'throughput',
          workflowId: workflow.id,
          frequency,
          timezone: 'Europe/Lisbon',
          recipients: [manager.id, member.id],
        })
      )
      created.assertStatus(201)
      created.assertBodyContains({
        data: { frequency, recipients: ['Max Manager', 'Mia Member'], workflowId: workflow.id },
      })
      ids.push(created.body().data.id)
    }
    assert.lengthOf(await ReportSchedule.all(), 3)

    const first = await as(manager)(client.get('/api/v1/report-schedules').qs({ limit: 2 }))
    first.assertStatus(200)
    assert.deepEqual(
      first.body().data.map((s: any) => s.id),
      [ids[2], ids[1]]
    )
    const second = await as(manager)(
      client
        .get('/api/v1/report-schedules')
        .qs({ limit: 2, cursor: first.body().metadata.nextCursor })
    )
    assert.deepEqual(
      second.body().data.map((s: any) => s.id),
      [ids[0]]
    )

    const one = await as(manager)(client.get(`/api/v1/report-schedules/${ids[1]}`))
    one.assertStatus(200)
    assert.deepEqual(one.body().data.recipientIds, [manager.id, member.id])

    const invalid = await as(manager)(
      client.post('/api/v1/report-schedules').json({
        kind: 'nope',
        frequency: 'daily',
        timezone: 'UTC',
        recipients: [],
      })
    )
    invalid.assertStatus(422)
    assert.includeMembers(fields(invalid), ['kind', 'recipients'])
    const inactive = await UserFactory.merge({ isActive: false }).create()
    const refused = await as(manager)(
      client.post('/api/v1/report-schedules').json({
        kind: 'sla',
        frequency: 'daily',
        timezone: 'UTC',
        recipients: [inactive.id],
      })
    )
    refused.assertStatus(422)
    assert.include(fields(refused), 'recipients')

    await expectStatus(as(member)(client.get('/api/v1/report-schedules')), 403)
    await expectStatus(as(member)(client.delete(`/api/v1/report-schedules/${ids[0]}`)), 403)
    await expectStatus(as(manager)(client.delete(`/api/v1/report-schedules/${ids[0]}`)), 204)
    await expectStatus(as(manager)(client.delete(`/api/v1/report-schedules/${ids[0]}`)), 404)
    assert.isNull(await ReportSchedule.find(ids[0]))
  })

  test('preferences answer every kind and PUT changes only the kinds it names', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.create()
    const before = await as(member)(client.get('/api/v1/notifications/preferences'))
    before.assertStatus(200)
    assert.deepEqual(
      before.body().data.map((p: any) => p.kind),
      [...NOTIFICATION_KINDS]
    )
    const [kind, untouched] = NOTIFICATION_KINDS
    const saved = await as(member)(
      client
        .put('/api/v1/notifications/preferences')
        .json({ preferences: { [kind]: { inApp: false, email: true } } })
    )
    saved.assertStatus(200)
    const byKind = new Map(saved.body().data.map((p: any) => [p.kind, p]))
    assert.deepInclude(byKind.get(kind), { inApp: false, email: true })
    assert.deepEqual(
      byKind.get(untouched),
      before.body().data.find((p: any) => p.kind === untouched)
    )
    const page = await client.get('/notifications/preferences').loginAs(member).withInertia()
    assert.deepInclude((page.inertiaProps as any).preferences, { kind, inApp: false, email: true })

    const bad = await as(member)(
      client
        .put('/api/v1/notifications/preferences')
        .json({ preferences: { [kind]: { inApp: 'maybe' } } })
    )
    bad.assertStatus(422)
    assert.includeMembers(fields(bad), [`preferences.${kind}.inApp`, `preferences.${kind}.email`])
  })
})

test.group('API parity / admin operations', (group) => {
  freshDatabase(group)

  test('queues, engine health and the automation attention list are for admins', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const manager = await UserFactory.apply('manager').create()
    await expectStatus(as(manager)(client.get('/api/v1/admin/queues')), 403)
    await expectStatus(as(manager)(client.get('/api/v1/admin/engine')), 403)
    await expectStatus(as(manager)(client.get('/api/v1/admin/automation/attention')), 403)

    const first = await as(admin)(client.get('/api/v1/admin/queues').qs({ limit: 1 }))
    first.assertStatus(200)
    assert.deepEqual(
      first.body().data.map((q: any) => q.name),
      [QUEUE_NAMES[0]]
    )
    const names: string[] = [first.body().data[0].name]
    let cursor = first.body().metadata.nextCursor
    while (cursor) {
      const next = await as(admin)(client.get('/api/v1/admin/queues').qs({ limit: 1, cursor }))
      names.push(...next.body().data.map((q: any) => q.name))
      cursor = next.body().metadata.nextCursor
    }
    assert.deepEqual(names, [...QUEUE_NAMES])

    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    await startProcesses(1, manager, { at: DateTime.now().minus({ days: 10 }) })
    const engine = await as(admin)(client.get('/api/v1/admin/engine').qs({ days: 3 }))
    engine.assertStatus(200)
    const page = await client.get('/admin/engine?days=3').loginAs(admin).withInertia()
    const props = page.inertiaProps as any
    assert.deepEqual(engine.body().data.stalled, props.stalled)
    assert.deepEqual(engine.body().data.outbox.failed, props.outbox.failed)
    const badDays = await as(admin)(client.get('/api/v1/admin/engine').qs({ days: 0 }))
    badDays.assertStatus(422)
    assert.deepEqual(fields(badDays), ['days'])

    const attention = await as(admin)(client.get('/api/v1/admin/automation/attention'))
    attention.assertStatus(200)
    assert.deepEqual(attention.body().data, [])
  })

  test('one queue: its numbers and failed jobs; pause, resume, retry and remove as on its page', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const manager = await UserFactory.apply('manager').create()
    const name = QUEUE_NAMES[0]
    await expectStatus(as(manager)(client.get(`/api/v1/admin/queues/${name}`)), 403)
    await expectStatus(as(admin)(client.get('/api/v1/admin/queues/no-such-queue')), 404)

    const shown = await as(admin)(client.get(`/api/v1/admin/queues/${name}`))
    shown.assertStatus(200)
    const page = await client.get(`/admin/queues/${name}`).loginAs(admin).withInertia()
    const props = page.inertiaProps as any
    assert.equal(shown.body().data.name, props.queue.name)
    assert.deepEqual(shown.body().data.failedJobs, props.failed)

    try {
      await expectStatus(as(admin)(client.post(`/api/v1/admin/queues/${name}/pause`)), 204)
      const paused = await as(admin)(client.get(`/api/v1/admin/queues/${name}`))
      assert.isTrue(paused.body().data.paused)
    } finally {
      await expectStatus(as(admin)(client.post(`/api/v1/admin/queues/${name}/resume`)), 204)
    }
    const resumed = await as(admin)(client.get(`/api/v1/admin/queues/${name}`))
    assert.isFalse(resumed.body().data.paused)

    const retried = await as(admin)(client.post(`/api/v1/admin/queues/${name}/retry`))
    retried.assertStatus(200)
    assert.equal(retried.body().data.retried, 0)
    await expectStatus(
      as(admin)(client.post(`/api/v1/admin/queues/${name}/jobs/no-such-job/retry`)),
      404
    )
    await expectStatus(
      as(admin)(client.delete(`/api/v1/admin/queues/${name}/jobs/no-such-job`)),
      204
    )
  })

  test('alert rules: create, list by cursor, read, change, turn off, delete — each audited', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const manager = await UserFactory.apply('manager').create()
    const rule = {
      name: 'Too many breaches',
      signal: 'sla_breaches',
      condition: 'threshold',
      operator: '>',
      threshold: 5,
      windowSeconds: 3600,
      cooldownSeconds: 600,
      emails: 'ops@example.com, oncall@example.com',
      inAppRoles: ['admin'],
    }
    await expectStatus(as(manager)(client.post('/api/v1/admin/alert-rules').json(rule)), 403)
    const created = await as(admin)(client.post('/api/v1/admin/alert-rules').json(rule))
    created.assertStatus(201)
    created.assertBodyContains({
      data: {
        name: 'Too many breaches',
        enabled: true,
        builtIn: false,
        channels: { emails: ['ops@example.com', 'oncall@example.com'], inAppRoles: ['admin'] },
      },
    })
    const id = created.body().data.id
    const second = await as(admin)(
      client.post('/api/v1/admin/alert-rules').json({ ...rule, name: 'Second' })
    )
    second.assertStatus(201)

    const page = await as(admin)(client.get('/api/v1/admin/alert-rules').qs({ limit: 1 }))
    const total = await AlertRule.query().count('* as n').first()
    const seen: number[] = page.body().data.map((r: any) => r.id)
    let cursor = page.body().metadata.nextCursor
    while (cursor) {
      const next = await as(admin)(client.get('/api/v1/admin/alert-rules').qs({ limit: 1, cursor }))
      seen.push(...next.body().data.map((r: any) => r.id))
      cursor = next.body().metadata.nextCursor
    }
    assert.lengthOf(seen, Number(total!.$extras.n))
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b)
    )
    assert.includeMembers(seen, [id, second.body().data.id])

    const changed = await as(admin)(
      client.put(`/api/v1/admin/alert-rules/${id}`).json({ ...rule, threshold: 9 })
    )
    changed.assertStatus(200)
    assert.equal(changed.body().data.threshold, 9)
    const trendWithout = await as(admin)(
      client.put(`/api/v1/admin/alert-rules/${id}`).json({ ...rule, condition: 'trend' })
    )
    trendWithout.assertStatus(422)
    // Found by the property run: a bare host passed url() and crashed the egress check (500).
    const bareHost = await as(admin)(
      client.put(`/api/v1/admin/alert-rules/${id}`).json({ ...rule, webhookUrl: 'A' })
    )
    bareHost.assertStatus(422)
    assert.deepEqual(fields(bareHost), ['webhookUrl'])
    assert.includeMembers(fields(trendWithout), ['trendFactor', 'trendOffsetSeconds'])

    const off = await as(admin)(
      client.put(`/api/v1/admin/alert-rules/${id}/enabled`).json({ enabled: false })
    )
    off.assertStatus(200)
    assert.isFalse(off.body().data.enabled)
    const shown = await as(admin)(client.get(`/api/v1/admin/alert-rules/${id}`))
    shown.assertBodyContains({ data: { enabled: false, threshold: 9 } })

    await expectStatus(as(admin)(client.delete(`/api/v1/admin/alert-rules/${id}`)), 204)
    await expectStatus(as(admin)(client.get(`/api/v1/admin/alert-rules/${id}`)), 404)

    const builtIn = await AlertRule.query().where('built_in', true).first()
    if (builtIn) {
      const kept = await as(admin)(client.delete(`/api/v1/admin/alert-rules/${builtIn.id}`))
      kept.assertStatus(422)
    }

    const audited = await AuditEvent.query()
      .where('subject_type', 'alert_rule')
      .where('subject_id', String(id))
      .orderBy('id')
    assert.deepEqual(
      audited.map((e) => e.action),
      ['alert_rule.created', 'alert_rule.updated', 'alert_rule.disabled', 'alert_rule.deleted']
    )
  })

  test('the alert history lists firings newest first with their deliveries, as the page shows them', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const rule = await AlertRule.create({
      key: 'history-rule',
      name: 'History rule',
      signal: 'failed_jobs',
      condition: 'threshold',
      operator: '>',
      threshold: 1,
      windowSeconds: 60,
      cooldownSeconds: 60,
      channels: { emails: ['ops@example.com'], inAppRoles: [], webhookUrl: null },
      enabled: true,
      builtIn: false,
      state: 'ok',
      version: 0,
    })
    const events: AlertEvent[] = []
    for (const hours of [3, 2, 1]) {
      events.push(
        await AlertEvent.create({
          ruleId: rule.id,
          firedAt: DateTime.now().minus({ hours }),
          value: hours * 10,
          message: `Fired ${hours}h ago`,
        })
      )
    }
    const stamp = DateTime.now().toSQL({ includeOffset: false })
    await db.table('alert_deliveries').insert({
      alert_event_id: events[2].id,
      change: 'fired',
      channel: 'email',
      target: 'ops@example.com',
      status: 'delivered',
      attempts: 1,
      next_attempt_at: stamp,
      created_at: stamp,
    })

    const first = await as(admin)(client.get('/api/v1/admin/alert-events').qs({ limit: 2 }))
    first.assertStatus(200)
    assert.deepEqual(
      first.body().data.map((e: any) => e.message),
      ['Fired 1h ago', 'Fired 2h ago']
    )
    assert.deepEqual(first.body().data[0].deliveries, [
      { change: 'fired', channel: 'email', status: 'delivered', attempts: 1, lastError: null },
    ])
    const rest = await as(admin)(
      client.get('/api/v1/admin/alert-events').qs({ cursor: first.body().metadata.nextCursor })
    )
    assert.deepEqual(
      rest.body().data.map((e: any) => e.message),
      ['Fired 3h ago']
    )
    const page = await client.get('/admin/alerts').loginAs(admin).withInertia()
    assert.deepEqual((page.inertiaProps as any).events, [...first.body().data, ...rest.body().data])
    const manager = await UserFactory.apply('manager').create()
    await expectStatus(as(manager)(client.get('/api/v1/admin/alert-events')), 403)
  })
})
