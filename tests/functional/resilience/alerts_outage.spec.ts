import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/common'
import { uniquePrefix, workerEnv } from '#tests/helpers/worker_process'
import { waitUntil } from '#tests/helpers/wait'
import { ownRedis, SKIP_REASON, Spawned, report } from '#tests/helpers/resilience'
import { setUpCast, runProcess, removeMail } from '#tests/helpers/stageflow'
import { WebhookReceiver } from '#tests/helpers/webhook_receiver'
import { ensureBuiltInRules } from '#actions/alerts/built_in_rules'
import { toDateTime } from '#actions/admin/check_engine_health'
import { UserFactory } from '#database/factories/user_factory'

/** How often the workers evaluate in this test (production: every 30 s). */
const EVERY_MS = 400

type SlackBody = { text: string; blocks: { type: string; text?: { type: string; text: string } }[] }

/** A body a Slack-compatible receiver accepts: JSON with a text and well-formed blocks. */
function wellFormed(hook: { contentType?: string; body: unknown }) {
  const body = hook.body as SlackBody | null
  return (
    hook.contentType === 'application/json' &&
    body !== null &&
    typeof body.text === 'string' &&
    body.text.length > 0 &&
    Array.isArray(body.blocks) &&
    body.blocks.every((block) => typeof block.type === 'string') &&
    body.blocks[0]?.type === 'section' &&
    body.blocks[0]?.text?.type === 'mrkdwn'
  )
}

test.group('Resilience / alerts during a Redis outage', (group) => {
  freshDatabase(group)
  const redis = ownRedis(group)

  test('the outbox alert fires once while Redis is down, its webhook arrives, and it resolves once Redis is back', async ({
    assert,
    cleanup,
  }) => {
    const spawned = new Spawned()
    const receiver = await WebhookReceiver.start()
    cleanup(async () => {
      await spawned.cleanup()
      await receiver.close()
      await redis.server.start()
    })

    // The built-in outbox rule, tuned so the test need not wait a minute; the others stay out of it.
    await ensureBuiltInRules()
    await db.from('alert_rules').whereNot('key', 'outbox_backlog').update({ enabled: false })
    await db
      .from('alert_rules')
      .where('key', 'outbox_backlog')
      .update({
        threshold: 2,
        cooldown_seconds: 0,
        channels: JSON.stringify({ emails: [], inAppRoles: ['admin'], webhookUrl: receiver.url }),
      })
    const rule = await db.from('alert_rules').where('key', 'outbox_backlog').first()
    const admin = await UserFactory.apply('admin').create()

    const env = {
      ...workerEnv({ port: redis.server.port }, uniquePrefix('alerts')),
      ALERTS_EVALUATOR: 'on',
      ALERTS_EVALUATE_EVERY_MS: String(EVERY_MS),
    }
    await spawned.workersTogether([
      ['alerts-A', env],
      ['alerts-B', env],
    ])
    const cast = await setUpCast()
    spawned.extra.push(() => removeMail(cast.token))
    const events = () => db.from('alert_events').where('rule_id', rule.id).orderBy('id')
    const ruleRow = () => db.from('alert_rules').where('id', rule.id).firstOrFail()
    const evaluatedAt = async () => {
      const row = await ruleRow()
      return row.last_evaluated_at
    }
    const firstEvent = async () => {
      const rows = await events()
      return rows[0] ?? null
    }
    const alertNotices = async () => {
      const rows = await db.from('notifications').where('user_id', admin.id).where('kind', 'alert')
      return rows.length
    }

    // Healthy: the rule is evaluated and stays ok.
    await runProcess(cast, 'before')
    await waitUntil(async () => (await evaluatedAt()) !== null, {
      timeoutMs: 15_000,
      message: () => `a first evaluation\n${spawned.dump()}`,
    })
    assert.lengthOf(await events(), 0)

    // Redis goes away; messages written now wait in the outbox.
    await redis.server.stop()
    const downAt = performance.now()
    await runProcess(cast, 'during')
    const [fired] = await waitUntil(
      async () => {
        const rows = await events()
        return rows.length ? rows : null
      },
      {
        timeoutMs: 30_000,
        intervalMs: 100,
        message: () => `the outbox alert to fire while Redis is down\n${spawned.dump()}`,
      }
    )
    const firedAt = toDateTime(fired.fired_at)!
    const firedAfterMs = Math.round(performance.now() - downAt)
    // Its webhook arrives while Redis is still down: deliveries do not use the queue.
    await waitUntil(() => receiver.received.length >= 1, {
      timeoutMs: 15_000,
      message: () => `the firing webhook\n${spawned.dump()}`,
    })
    assert.isFalse(redis.server.running, 'Redis was still down when the webhook arrived')
    // Several more evaluations (by either worker) while it keeps holding: still one firing.
    await waitUntil(
      async () => {
        const row = await ruleRow()
        return toDateTime(row.last_evaluated_at)!.diff(firedAt).as('milliseconds') > 4 * EVERY_MS
      },
      { timeoutMs: 15_000, message: () => `more evaluations\n${spawned.dump()}` }
    )
    const whileDown = await events()
    assert.lengthOf(whileDown, 1, 'fired once, not once per evaluation')
    assert.isNull(whileDown[0].resolved_at)
    const firingRow = await ruleRow()
    assert.equal(firingRow.state, 'firing')
    assert.lengthOf(receiver.received, 1)
    const firing = receiver.received[0]!
    assert.isTrue(wellFormed(firing), `a well-formed body: ${firing.raw}`)
    assert.match(
      (firing.body as SlackBody).text,
      /^\[FIRING\] Outbox oldest pending message: \d+ s > 2 s$/
    )

    // Redis is back: the outbox drains and the alert resolves, once.
    await redis.server.start()
    const upAt = performance.now()
    await waitUntil(
      async () => {
        const event = await firstEvent()
        return event?.resolved_at
      },
      {
        timeoutMs: 45_000,
        intervalMs: 200,
        message: () => `the alert to resolve after Redis came back\n${spawned.dump()}`,
      }
    )
    const resolvedAfterMs = Math.round(performance.now() - upAt)
    await waitUntil(() => receiver.received.length >= 2, {
      timeoutMs: 15_000,
      message: () => `the resolving webhook\n${spawned.dump()}`,
    })
    const resolving = receiver.received[1]!
    assert.isTrue(wellFormed(resolving), `a well-formed body: ${resolving.raw}`)
    assert.match(
      (resolving.body as SlackBody).text,
      /^\[RESOLVED\] Outbox oldest pending message after /
    )
    // In-app notices go through the outbox: they arrive once Redis is back.
    await waitUntil(async () => (await alertNotices()) === 2, {
      timeoutMs: 30_000,
      message: () => `two in-app alert notices\n${spawned.dump()}`,
    })
    const after = await events()
    assert.lengthOf(after, 1, 'one firing, resolved once')
    assert.lengthOf(receiver.received, 2, 'one webhook per change')
    const deliveries = await db.from('alert_deliveries').where('alert_event_id', after[0].id)
    assert.sameMembers(
      deliveries.map((d) => `${d.change}:${d.status}`),
      ['fired:delivered', 'resolved:delivered']
    )
    report(
      `alerts: fired ≤ ${firedAfterMs} ms after Redis stopped (threshold 2 s, evaluated every ${EVERY_MS} ms), ` +
        `resolved ≤ ${resolvedAfterMs} ms after it returned; 1 firing, ${receiver.received.length} webhooks`
    )
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(120_000)
})
