import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import AuditEvent, { AuditAppendOnly } from '#models/audit_event'
import AlertRule from '#models/alert_rule'
import BulkOperation from '#models/bulk_operation'
import User from '#models/user'
import WorkflowVersion from '#models/workflow_version'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import PublishWorkflow from '#actions/workflows/publish_workflow'
import StartProcessMigration from '#actions/migrations/start_process_migration'
import { recordAudit } from '#actions/audit/record_audit'
import { freshDatabase, PASSWORD, publishWorkflow } from '#tests/helpers/common'
import { startProcesses } from '#tests/helpers/process_fixtures'

const rows = (action?: string) =>
  (action ? AuditEvent.query().where('action', action) : AuditEvent.query()).orderBy('id')

test.group('Audit / administrative acts', (group) => {
  freshDatabase(group)

  test('creating a user writes one entry with actor, subject, IP and user agent', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await client
      .post('/admin/users')
      .form({
        name: 'New Person',
        email: 'new@example.test',
        password: 'long-enough-pass',
        role: 'manager',
      })
      .header('user-agent', 'AuditTest/1.0')
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
      .then((r) => r.assertStatus(302))

    const entries = await rows()
    assert.lengthOf(entries, 1)
    const [entry] = entries
    const created = await User.findByOrFail('email', 'new@example.test')
    assert.deepInclude(entry!.$attributes, {
      action: 'user.created',
      actorId: admin.id,
      actorEmail: admin.email,
      subjectType: 'user',
      subjectId: String(created.id),
      subjectLabel: 'new@example.test',
      userAgent: 'AuditTest/1.0',
    })
    assert.equal(entry!.ip, '127.0.0.1')
    assert.deepEqual(entry!.after, {
      name: 'New Person',
      email: 'new@example.test',
      role: 'manager',
    })
    assert.notInclude(JSON.stringify(entry!.$attributes), 'long-enough-pass')
  })

  test('a role change and a deactivation write one entry each, with before and after', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()
    await client
      .patch(`/admin/users/${member.id}`)
      .json({ role: 'manager' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    await client
      .patch(`/admin/users/${member.id}`)
      .json({ isActive: false })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    // Saving the same role again is no change: no entry.
    await client
      .patch(`/admin/users/${member.id}`)
      .json({ role: 'manager' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    const entries = await rows()
    assert.deepEqual(
      entries.map((e) => [e.action, e.before, e.after]),
      [
        ['user.role_changed', { role: 'member' }, { role: 'manager' }],
        ['user.deactivated', { isActive: true }, { isActive: false }],
      ]
    )
    assert.isTrue(entries.every((e) => e.actorId === admin.id && e.subjectId === String(member.id)))
  })

  test('sign-ins: a success and a failure with the e-mail tried, never the password', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await client
      .post('/login')
      .form({ email: user.email, password: 'wrong-password-x' })
      .withCsrfToken()
      .redirects(0)
    await client
      .post('/login')
      .form({ email: user.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)

    const entries = await rows()
    assert.deepEqual(
      entries.map((e) => [e.action, e.actorId]),
      [
        ['auth.login_failed', null],
        ['auth.login_succeeded', user.id],
      ]
    )
    assert.equal(entries[0]!.after!.email, user.email)
    assert.equal(entries[0]!.after!.reason, 'invalid_credentials')
    const everything = JSON.stringify(entries.map((e) => e.$attributes))
    assert.notInclude(everything, 'wrong-password-x')
    assert.notInclude(everything, PASSWORD)
  })

  test('API tokens: created and revoked from the profile, and by the token exchange', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await client
      .post('/profile/tokens')
      .form({ name: 'CI script' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    const token = await db.from('auth_access_tokens').where('tokenable_id', user.id).firstOrFail()
    // Someone else's token id is a 404 and no entry.
    const other = await UserFactory.create()
    const refused = await client
      .delete(`/profile/tokens/${token.id}`)
      .loginAs(other)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(404)
    await client.delete(`/profile/tokens/${token.id}`).loginAs(user).withCsrfToken().redirects(0)

    const exchange = await client
      .post('/api/v1/auth/tokens')
      .json({ email: user.email, password: PASSWORD })
    exchange.assertStatus(201)
    // The token the exchange gave works.
    const me = await client.get('/api/v1/me').bearerToken((exchange.body() as any).data.token)
    me.assertStatus(200)

    const entries = await rows()
    assert.deepEqual(
      entries.map((e) => [e.action, e.subjectLabel]),
      [
        ['token.created', 'CI script'],
        ['token.revoked', 'CI script'],
        ['auth.login_succeeded', user.email],
        ['token.created', 'API script'],
      ]
    )
    assert.equal(entries[2]!.after!.via, 'api')
  })

  test('publishing writes workflow.published with the archived version; a refused publish writes nothing', async ({
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const { workflow } = await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    await new SaveWorkflowDraft().handle({
      document: DEMO_DEFINITIONS.orderFulfilment,
      actor: manager,
      workflow,
    })
    await new PublishWorkflow().handle({ workflow, actor: manager })
    // No draft left: 409 no_draft, and no entry.
    await assert.rejects(() => new PublishWorkflow().handle({ workflow, actor: manager }))

    const entries = await rows()
    assert.deepEqual(
      entries.map((e) => [e.action, e.before, e.after, e.actorEmail]),
      [
        ['workflow.published', null, { publishedVersion: 1 }, manager.email],
        ['workflow.published', { publishedVersion: 1 }, { publishedVersion: 2 }, manager.email],
      ]
    )
    assert.isTrue(entries.every((e) => e.subjectLabel === 'order-fulfilment' && e.ip === null))
  })

  test('a migration and a bulk action started write one entry each; an empty bulk selection none', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { workflow } = await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, admin)
    await startProcesses(2, admin)
    await new SaveWorkflowDraft().handle({
      document: DEMO_DEFINITIONS.orderFulfilment,
      actor: admin,
      workflow,
    })
    await new PublishWorkflow().handle({ workflow, actor: admin })
    const [v1, v2] = await WorkflowVersion.query()
      .where('workflow_id', workflow.id)
      .orderBy('number')
    const earlier = await rows()
    const before = earlier.length

    const migration = await new StartProcessMigration().handle({
      workflow,
      fromVersion: v1!,
      toVersion: v2!,
      mapping: {},
      actor: admin,
    })
    const refused = await client
      .post('/processes/bulk')
      .json({ action: 'transition', transition: 'reserve_inventory', ids: [999999] })
      .loginAs(admin)
      .withCsrfToken()
      .header('referer', '/processes')
      .redirects(0)
    refused.assertStatus(302)
    assert.equal(
      await BulkOperation.query()
        .count('* as n')
        .first()
        .then((r) => Number(r!.$extras.n)),
      0
    )
    await client
      .post('/processes/bulk')
      .json({ action: 'transition', transition: 'reserve_inventory', filter: {} })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    const operation = await BulkOperation.firstOrFail()

    const all = await rows()
    const entries = all.slice(before)
    assert.deepEqual(
      entries.map((e) => [e.action, e.subjectType, e.subjectId]),
      [
        ['migration.started', 'workflow', String(workflow.id)],
        ['bulk.started', 'bulk_operation', String(operation.id)],
      ]
    )
    assert.deepInclude(entries[0]!.after!, {
      migrationId: migration.id,
      fromVersion: 1,
      toVersion: 2,
      processes: 2,
    })
    assert.deepEqual(entries[1]!.after, { action: 'transition', processes: 2 })
  })

  test('alert rules: created, changed, turned off and deleted, one entry each', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const rule = {
      name: 'Breaches',
      signal: 'sla_breaches',
      condition: 'threshold',
      operator: '>',
      threshold: '3',
      windowSeconds: '3600',
      cooldownSeconds: '900',
      emails: '',
      inAppRoles: ['admin'],
    }
    const send = (method: 'post' | 'put' | 'delete', url: string, body?: object) =>
      client[method](url)
        .json(body ?? {})
        .loginAs(admin)
        .withCsrfToken()
        .redirects(0)

    await send('post', '/admin/alerts', rule)
    const created = await AlertRule.findByOrFail('name', 'Breaches')
    await send('put', `/admin/alerts/${created.id}`, { ...rule, threshold: '5' })
    await send('put', `/admin/alerts/${created.id}/enabled`, { enabled: false })
    await send('delete', `/admin/alerts/${created.id}`)

    const entries = await rows()
    assert.deepEqual(
      entries.map((e) => e.action),
      ['alert_rule.created', 'alert_rule.updated', 'alert_rule.disabled', 'alert_rule.deleted']
    )
    assert.equal(entries[1]!.before!.threshold, 3)
    assert.equal(entries[1]!.after!.threshold, 5)
    assert.isTrue(entries.every((e) => e.subjectId === String(created.id)))
  })

  test('an entry written in a transaction that rolls back is gone with the change', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await trx.from('users').where('id', admin.id).update({ role: 'member' })
        await recordAudit(trx, {
          action: 'user.role_changed',
          actor: { id: admin.id, email: admin.email },
          subject: { type: 'user', id: admin.id, label: admin.email },
          before: { role: 'admin' },
          after: { role: 'member' },
          request: null,
        })
        throw new Error('the change failed after the audit write')
      })
    )
    assert.lengthOf(await rows(), 0)
    const unchanged = await User.findOrFail(admin.id)
    assert.equal(unchanged.role, 'admin')
  })

  test('entries cannot be changed or removed through the model', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await recordAudit(db.connection(), {
      action: 'user.created',
      actor: null,
      subject: { type: 'user', id: admin.id, label: admin.email },
      request: null,
    })
    const entry = await AuditEvent.firstOrFail()
    entry.action = 'user.deactivated'
    await assert.rejects(() => entry.save(), AuditAppendOnly)
    await assert.rejects(() => entry.delete(), AuditAppendOnly)
    assert.throws(() => AuditEvent.query().update({ action: 'x' }), AuditAppendOnly)
    assert.throws(() => AuditEvent.query().delete(), AuditAppendOnly)
    const kept = await AuditEvent.firstOrFail()
    assert.equal(kept.action, 'user.created')
  })
})
