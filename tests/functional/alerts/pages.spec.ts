import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import AlertRule from '#models/alert_rule'
import EvaluateAlerts from '#alerts/evaluate_alerts'
import { BUILT_IN_RULES } from '#actions/alerts/built_in_rules'
import { freshDatabase } from '#tests/helpers/common'

const VALID = {
  name: 'Breaches doubled',
  signal: 'sla_breaches',
  condition: 'trend',
  operator: '>',
  threshold: '3',
  trendFactor: '2',
  trendOffsetSeconds: '604800',
  windowSeconds: '3600',
  cooldownSeconds: '900',
  emails: 'Oncall@Example.test, lead@example.test',
  inAppRoles: ['admin', 'manager'],
  webhookUrl: 'https://hooks.example.com/services/T000/B000/XXX',
}

test.group('Alerts / admin pages', (group) => {
  freshDatabase(group)

  test('admins see the built-in rules, on and ok; others are refused', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get('/admin/alerts').loginAs(admin).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('admin/alerts/index')
    const props = response.inertiaProps as any
    assert.sameMembers(
      props.rules.map((r: any) => r.key),
      BUILT_IN_RULES.map((r) => r.key)
    )
    assert.isTrue(props.rules.every((r: any) => r.enabled && r.builtIn && r.state === 'ok'))
    assert.deepEqual(props.events, [])

    const manager = await UserFactory.apply('manager').create()
    const refused = await client.get('/admin/alerts').loginAs(manager).withInertia()
    refused.assertStatus(403)
  })

  test('an admin creates a trend rule with every channel through the form', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .post('/admin/alerts')
      .json(VALID)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/admin/alerts')
    const rule = await AlertRule.query().where('built_in', false).firstOrFail()
    assert.include(rule.key, 'custom-')
    assert.equal(rule.condition, 'trend')
    assert.equal(rule.trendFactor, 2)
    assert.equal(rule.trendOffsetSeconds, 604_800)
    assert.deepEqual(rule.channels, {
      emails: ['oncall@example.test', 'lead@example.test'],
      inAppRoles: ['admin', 'manager'],
      webhookUrl: 'https://hooks.example.com/services/T000/B000/XXX',
    })
  })

  test('bad input comes back per field and writes nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .post('/admin/alerts')
      .json({
        ...VALID,
        name: '',
        signal: 'failed_jobs',
        trendFactor: null,
        emails: 'oncall@example.test, not-an-address',
        webhookUrl: 'http://10.1.2.3/hook',
        windowSeconds: '-5',
      })
      .loginAs(admin)
      .withCsrfToken()
      .header('referer', '/admin/alerts/new')
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/admin/alerts/new')
    const errors = response.flashMessage('inputErrorsBag') as Record<string, string[]>
    assert.sameMembers(Object.keys(errors), [
      'name',
      'condition',
      'trendFactor',
      'emails',
      'webhookUrl',
      'windowSeconds',
    ])
    assert.equal(
      errors.condition![0],
      'This signal cannot be compared with an earlier window; use a threshold'
    )
    assert.equal(errors.emails![0], '“not-an-address” is not an e-mail address')
    assert.equal(
      errors.webhookUrl![0],
      'This address may not be called: 10.1.2.3 is a private address'
    )
    assert.lengthOf(await db.from('alert_rules'), 0)
  })

  test('an admin changes a built-in rule (its signal stays) and turns it off', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await client.get('/admin/alerts').loginAs(admin).withInertia()
    const rule = await AlertRule.findByOrFail('key', 'outbox_backlog')
    const response = await client
      .put(`/admin/alerts/${rule.id}`)
      .json({
        ...VALID,
        name: 'Outbox stuck',
        signal: 'sla_breaches',
        condition: 'threshold',
        threshold: '5',
        emails: '',
        inAppRoles: [],
      })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await rule.refresh()
    assert.equal(rule.name, 'Outbox stuck')
    assert.equal(rule.signal, 'outbox_oldest_pending_seconds')
    assert.equal(rule.threshold, 5)
    assert.isNull(rule.trendFactor)
    assert.deepEqual(rule.channels.inAppRoles, [])

    const off = await client
      .put(`/admin/alerts/${rule.id}/enabled`)
      .json({ enabled: false })
      .loginAs(admin)
      .withCsrfToken()
      .header('referer', '/admin/alerts')
      .redirects(0)
    off.assertStatus(302)
    await rule.refresh()
    assert.isFalse(rule.enabled)
  })

  test('turning a firing rule off closes its firing; the page shows state and history', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const rule = await AlertRule.create({
      key: 'always',
      name: 'Always',
      signal: 'stalled_processes',
      condition: 'threshold',
      operator: '>=',
      threshold: 0,
      windowSeconds: 0,
      cooldownSeconds: 0,
      channels: { emails: [], inAppRoles: [], webhookUrl: 'https://hooks.example.com/x' },
      enabled: true,
      builtIn: false,
      state: 'ok',
      version: 0,
    })
    await new EvaluateAlerts().handle(DateTime.now())
    const page = await client.get('/admin/alerts').loginAs(admin).withInertia()
    const props = page.inertiaProps as any
    const shown = props.rules.find((r: any) => r.key === 'always')
    assert.equal(shown.state, 'firing')
    assert.isString(shown.firingSince)
    assert.equal(props.rules[0].key, 'always', 'firing rules first')
    assert.lengthOf(props.events, 1)
    assert.isNull(props.events[0].resolvedAt)
    assert.deepEqual(
      props.events[0].deliveries.map((d: any) => [d.channel, d.change, d.status]),
      [['webhook', 'fired', 'pending']]
    )

    await client
      .put(`/admin/alerts/${rule.id}/enabled`)
      .json({ enabled: false })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    await rule.refresh()
    assert.equal(rule.state, 'ok')
    const [event] = await db.from('alert_events').where('rule_id', rule.id)
    assert.isNotNull(event.resolved_at)
  })

  test('built-in rules cannot be deleted; custom ones can', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await client.get('/admin/alerts').loginAs(admin).withInertia()
    const builtIn = await AlertRule.findByOrFail('key', 'failed_jobs')
    const refused = await client
      .delete(`/admin/alerts/${builtIn.id}`)
      .loginAs(admin)
      .withCsrfToken()
      .header('referer', '/admin/alerts')
      .redirects(0)
    refused.assertStatus(302)
    assert.isNotNull(await AlertRule.find(builtIn.id))

    await client.post('/admin/alerts').json(VALID).loginAs(admin).withCsrfToken().redirects(0)
    const custom = await AlertRule.query().where('built_in', false).firstOrFail()
    const deleted = await client
      .delete(`/admin/alerts/${custom.id}`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    deleted.assertStatus(302)
    assert.isNull(await AlertRule.find(custom.id))
  })
})
