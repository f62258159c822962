import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { UserFactory } from '#database/factories/user_factory'
import StartProcess from '#actions/processes/start_process'
import type { WorkflowDefinition } from '#engine/definition'
import AlertRule from '#models/alert_rule'
import EvaluateAlerts from '#alerts/evaluate_alerts'
import DeliverAlerts from '#alerts/deliver_alerts'
import { ensureBuiltInRules } from '#actions/alerts/built_in_rules'
import { sqlTime } from '#support/sql_time'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { WebhookReceiver } from '#tests/helpers/webhook_receiver'

const FLOW: WorkflowDefinition = {
  key: 'alerting',
  name: 'Alerting',
  stages: [
    { key: 'open', name: 'Open', type: 'start' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [{ key: 'finish', from: 'open', to: 'done' }],
}

/** `count` sla_breached events at `at` (the signal counts them; nothing else reads them here). */
async function breaches(processId: number, count: number, at: DateTime, from: number) {
  for (let i = 0; i < count; i++) {
    await db.table('process_events').insert({
      process_id: processId,
      sequence: from + i,
      type: 'sla_breached',
      payload: '{}',
      occurred_at: sqlTime(at),
    })
  }
}

/** Only the rules a test makes take part (the built-in ones watch this test process too). */
async function withoutBuiltIns() {
  await ensureBuiltInRules()
  await db.from('alert_rules').where('built_in', true).update({ enabled: false })
}

test.group('Alerts / evaluation', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  let receiver: WebhookReceiver
  group.each.setup(async () => {
    receiver = await WebhookReceiver.start()
    return () => receiver.close()
  })

  test('a trend over the event log fires once across evaluations, tells every channel, then resolves once', async ({
    assert,
    cleanup,
  }) => {
    const fake = mail.fake()
    cleanup(() => mail.restore())
    const admin = await UserFactory.apply('admin').create()
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(FLOW, admin)
    const { process } = await new StartProcess().handle({
      workflowKey: 'alerting',
      title: 'watched',
      actor: admin,
    })
    await withoutBuiltIns()
    const rule = await AlertRule.create({
      key: 'breach-trend',
      name: 'SLA breaches doubled',
      signal: 'sla_breaches',
      condition: 'trend',
      operator: '>',
      threshold: 3,
      trendFactor: 2,
      trendOffsetSeconds: 7 * 86_400,
      windowSeconds: 3600,
      cooldownSeconds: 3600,
      channels: {
        emails: ['oncall@example.test'],
        inAppRoles: ['admin'],
        webhookUrl: receiver.url,
      },
      enabled: true,
      builtIn: false,
      state: 'ok',
      version: 0,
    })

    // Evaluated an hour ago, then now: every delivery and outbox row is due when the test looks.
    const now = DateTime.now().minus({ hours: 1, minutes: 2 })
    // The same hour last week: 2 breaches. This hour: 4 (not more than 2 × 2), then 5.
    await breaches(process.id, 2, now.minus({ days: 7, minutes: 10 }), 100)
    await breaches(process.id, 4, now.minus({ minutes: 20 }), 200)
    const evaluate = async (at: DateTime) => {
      const outcomes = await new EvaluateAlerts().handle(at)
      return outcomes.find((o) => o.rule === rule.key)!
    }
    const changeAt = async (at: DateTime) => {
      const outcome = await evaluate(at)
      return outcome.change
    }

    assert.deepEqual(await evaluate(now), { rule: rule.key, value: 4, change: null })
    await breaches(process.id, 1, now.minus({ minutes: 5 }), 300)
    assert.equal(await changeAt(now), 'fire')
    // Still holding: no second firing, however many evaluations.
    for (const seconds of [30, 60, 90]) {
      assert.equal(await changeAt(now.plus({ seconds })), null)
    }
    let events = await db.from('alert_events').where('rule_id', rule.id)
    assert.lengthOf(events, 1)
    assert.equal(Number(events[0].value), 5)
    assert.isNull(events[0].resolved_at)
    assert.include(events[0].message, '5 in the last 1 h > 2 × 2')
    await rule.refresh()
    assert.equal(rule.state, 'firing')

    // E-mail and webhook go straight out; in-app goes through the outbox.
    assert.equal(await new DeliverAlerts().handle(), 2)
    assert.lengthOf(receiver.received, 1)
    const hook = receiver.received[0]!
    assert.equal(hook.contentType, 'application/json')
    const body = hook.body as { text: string; blocks: { type: string }[] }
    assert.match(body.text, /^\[FIRING\] SLA breaches doubled: 5 in the last 1 h > 2 × 2/)
    assert.deepEqual(
      body.blocks.map((b) => b.type),
      ['section', 'context']
    )
    const sent = fake.messages.sent()
    assert.lengthOf(sent, 1)
    assert.isTrue(sent[0]!.hasTo('oncall@example.test'))
    assert.isTrue(sent[0]!.hasSubject('[Stageflow] Alert: SLA breaches doubled'))
    await drainOutbox()
    const notices = await db.from('notifications').where('kind', 'alert')
    assert.deepEqual(
      notices.map((n) => [n.user_id, n.channel, n.process_id, n.title]),
      [[admin.id, 'in_app', null, 'Alert: SLA breaches doubled']],
      'admins only, not the manager'
    )
    assert.notEqual(manager.id, admin.id)

    // An hour on, the breaches have left the window: it resolves, once.
    const later = now.plus({ hours: 1, minutes: 1 })
    assert.equal(await changeAt(later), 'resolve')
    assert.equal(await changeAt(later.plus({ seconds: 30 })), null)
    events = await db.from('alert_events').where('rule_id', rule.id)
    assert.lengthOf(events, 1)
    assert.isNotNull(events[0].resolved_at)
    assert.equal(Number(events[0].resolved_value), 0)
    assert.equal(await new DeliverAlerts().handle(), 2)
    assert.lengthOf(receiver.received, 2)
    assert.match(
      (receiver.received[1]!.body as { text: string }).text,
      /^\[RESOLVED\] SLA breaches doubled after 1 h/
    )
    await drainOutbox()
    assert.lengthOf(await db.from('notifications').where('kind', 'alert'), 2)
  })

  test('a webhook that answers 500 stays pending with its error and is tried again later', async ({
    assert,
  }) => {
    await withoutBuiltIns()
    receiver.status = 500
    const rule = await AlertRule.create({
      key: 'always',
      name: 'Always',
      signal: 'stalled_processes',
      condition: 'threshold',
      operator: '>=',
      threshold: 0,
      windowSeconds: 0,
      cooldownSeconds: 0,
      channels: { emails: [], inAppRoles: [], webhookUrl: receiver.url },
      enabled: true,
      builtIn: false,
      state: 'ok',
      version: 0,
    })
    await new EvaluateAlerts().handle()
    assert.equal(await new DeliverAlerts().handle(), 0)
    const [delivery] = await db.from('alert_deliveries')
    assert.equal(delivery.status, 'pending')
    assert.equal(Number(delivery.attempts), 1)
    assert.include(delivery.last_error, 'answered 500')
    // Not due again yet (back-off); once due, it goes out.
    assert.equal(await new DeliverAlerts().handle(), 0)
    assert.lengthOf(receiver.received, 1)
    receiver.status = 200
    assert.equal(await new DeliverAlerts().handle(DateTime.now().plus({ minutes: 1 })), 1)
    assert.lengthOf(receiver.received, 2)
    assert.lengthOf(
      await db.from('outbox_messages').where('topic', 'alert.changed'),
      0,
      'no in-app roles, no outbox message'
    )
    await rule.delete()
  })

  test('two evaluators at once fire the alert once (the rule version decides)', async ({
    assert,
  }) => {
    await withoutBuiltIns()
    const rule = await AlertRule.create({
      key: 'race',
      name: 'Race',
      signal: 'stalled_processes',
      condition: 'threshold',
      operator: '>=',
      threshold: 0,
      windowSeconds: 0,
      cooldownSeconds: 0,
      channels: { emails: [], inAppRoles: ['admin'], webhookUrl: null },
      enabled: true,
      builtIn: false,
      state: 'ok',
      version: 0,
    })
    const copies = await Promise.all([AlertRule.findOrFail(rule.id), AlertRule.findOrFail(rule.id)])
    const outcomes = await Promise.all(
      copies.map((copy) => new EvaluateAlerts().evaluate(copy, DateTime.now()))
    )
    assert.deepEqual(outcomes.map((o) => o.change).sort(), ['fire', null])
    assert.lengthOf(await db.from('alert_events'), 1)
    assert.lengthOf(await db.from('outbox_messages').where('topic', 'alert.changed'), 1)
  })
})
