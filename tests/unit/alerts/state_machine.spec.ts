import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { conditionHolds, decide, type Machine } from '#alerts/state_machine'
import { slackBody } from '#alerts/messages'
import type AlertRule from '#models/alert_rule'

const t0 = DateTime.fromISO('2026-11-02T10:00:00Z')
const at = (seconds: number) => t0.plus({ seconds })

/**
 * Runs a series of readings through the machine as the evaluator does and
 * returns the changes it made, with their times.
 */
function run(holdsAt: boolean[], cooldownSeconds: number, stepSeconds = 30) {
  let machine: Machine = { state: 'ok', lastFiredAt: null, cooldownSeconds }
  const changes: string[] = []
  holdsAt.forEach((holds, index) => {
    const now = at(index * stepSeconds)
    const decision = decide(machine, holds, now)
    if (decision.change === 'fire') {
      machine = { ...machine, state: 'firing', lastFiredAt: now }
      changes.push(`fire@${index}`)
    } else if (decision.change === 'resolve') {
      machine = { ...machine, state: 'ok' }
      changes.push(`resolve@${index}`)
    } else if (decision.suppressed) {
      changes.push(`cooling@${index}`)
    }
  })
  return changes
}

test.group('Alerts / state machine', () => {
  test('a condition that keeps holding fires once, not once per evaluation', ({ assert }) => {
    assert.deepEqual(run([false, true, true, true, true], 0), ['fire@1'])
  })

  test('it resolves once when the condition stops holding', ({ assert }) => {
    assert.deepEqual(run([true, true, false, false, false], 0), ['fire@0', 'resolve@2'])
  })

  test('after resolving it waits for the cooldown (from the last firing) before firing again', ({
    assert,
  }) => {
    // Fires at 0 s, resolves at 30 s, holds again at 60 s and 90 s: within a
    // 100 s cooldown both are held back; at 120 s it may fire again.
    assert.deepEqual(run([true, false, true, true, true], 100), [
      'fire@0',
      'resolve@1',
      'cooling@2',
      'cooling@3',
      'fire@4',
    ])
    // No cooldown: it fires again at once.
    assert.deepEqual(run([true, false, true], 0), ['fire@0', 'resolve@1', 'fire@2'])
  })

  test('a firing alert resolves even within its cooldown', ({ assert }) => {
    assert.deepEqual(run([true, false], 3600), ['fire@0', 'resolve@1'])
  })

  test('threshold conditions compare the value with each operator', ({ assert }) => {
    const rule = (operator: '>' | '>=' | '<' | '<=') => ({
      condition: 'threshold' as const,
      operator,
      threshold: 60,
      trendFactor: null,
    })
    assert.isTrue(conditionHolds(rule('>'), { value: 61 }))
    assert.isFalse(conditionHolds(rule('>'), { value: 60 }))
    assert.isTrue(conditionHolds(rule('>='), { value: 60 }))
    assert.isTrue(conditionHolds(rule('<'), { value: 59 }))
    assert.isFalse(conditionHolds(rule('<'), { value: 60 }))
    assert.isTrue(conditionHolds(rule('<='), { value: 60 }))
  })

  test('a trend compares with factor × the earlier window, and a rising trend needs the floor', ({
    assert,
  }) => {
    const doubled = {
      condition: 'trend' as const,
      operator: '>' as const,
      threshold: 3,
      trendFactor: 2,
    }
    // "More than 2× the same hour last week"
    assert.isTrue(conditionHolds(doubled, { value: 9, baseline: 4 }))
    assert.isFalse(conditionHolds(doubled, { value: 8, baseline: 4 }), 'exactly twice is not more')
    assert.isFalse(conditionHolds(doubled, { value: 5, baseline: 4 }))
    // Against an empty week, 1 or 2 breaches are below the floor of 3; 3 count.
    assert.isFalse(conditionHolds(doubled, { value: 2, baseline: 0 }))
    assert.isTrue(conditionHolds(doubled, { value: 3, baseline: 0 }))
    // A falling trend: "less than half of last week" (the floor does not apply).
    const halved = {
      condition: 'trend' as const,
      operator: '<' as const,
      threshold: 3,
      trendFactor: 0.5,
    }
    assert.isTrue(conditionHolds(halved, { value: 1, baseline: 10 }))
    assert.isFalse(conditionHolds(halved, { value: 5, baseline: 10 }))
  })

  test('the webhook body is Slack-compatible: text plus blocks, markup escaped', ({ assert }) => {
    const rule = {
      key: 'outbox_backlog',
      name: 'Outbox <oldest> & pending',
      signal: 'outbox_oldest_pending_seconds',
    } as AlertRule
    const body = slackBody({
      rule,
      change: 'resolved',
      message: '0 s > 60 s',
      firedAt: t0,
      resolvedAt: at(150),
      link: 'http://127.0.0.1/admin/alerts',
    })
    assert.equal(body.text, '[RESOLVED] Outbox <oldest> & pending after 2 min 30 s: 0 s > 60 s')
    assert.deepEqual(Object.keys(body), ['text', 'blocks'])
    const section = body.blocks[0] as { type: string; text: { type: string; text: string } }
    assert.equal(section.type, 'section')
    assert.equal(section.text.type, 'mrkdwn')
    assert.include(section.text.text, 'Outbox &lt;oldest&gt; &amp; pending')
    assert.equal(body.blocks[1]!.type, 'context')
  })
})
