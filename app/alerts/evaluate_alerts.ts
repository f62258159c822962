import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import alertsConfig from '#config/alerts'
import AlertRule from '#models/alert_rule'
import { ensureBuiltInRules } from '#actions/alerts/built_in_rules'
import { SIGNAL_READERS } from '#alerts/signals/registry'
import { conditionHolds, decide, type Reading } from '#alerts/state_machine'
import { conditionText, type AlertChange } from '#alerts/messages'
import { sqlTime } from '#support/sql_time'

export type RuleOutcome = {
  rule: string
  value: number | null
  change: 'fire' | 'resolve' | null
  error?: string
}

/**
 * One evaluation round: reads every enabled rule's signal and moves its
 * state machine. A change is one transaction: a conditional UPDATE of the
 * rule on its `version` (0 rows: another evaluator got there first, and
 * nothing else is written), the firing's `alert_events` row (inserted on
 * fire, closed on resolve), one `alert_deliveries` row per e-mail address
 * and webhook, and an `alert.changed` outbox message for the in-app
 * notices. A signal that cannot be read leaves the state as it is and
 * records the error on the rule.
 */
export default class EvaluateAlerts {
  async handle(now: DateTime = DateTime.now()): Promise<RuleOutcome[]> {
    await ensureBuiltInRules()
    const rules = await AlertRule.query().where('enabled', true).orderBy('id')
    // Read concurrently: a slow signal (Redis unreachable) delays no other.
    return Promise.all(rules.map((rule) => this.evaluate(rule, now)))
  }

  async evaluate(rule: AlertRule, now: DateTime): Promise<RuleOutcome> {
    let reading: Reading
    try {
      reading = await this.read(rule, now)
    } catch (error) {
      const message = String((error as Error).message).slice(0, 1000)
      await db
        .from('alert_rules')
        .where('id', rule.id)
        .update({ last_error: message, last_evaluated_at: sqlTime(now) })
      return { rule: rule.key, value: null, change: null, error: message }
    }

    const decision = decide(rule, conditionHolds(rule, reading), now)
    if (!decision.change) {
      await db
        .from('alert_rules')
        .where('id', rule.id)
        .update({
          last_value: reading.value,
          last_error: null,
          last_evaluated_at: sqlTime(now),
        })
      return { rule: rule.key, value: reading.value, change: null }
    }

    const message = conditionText(rule, reading.value, reading.baseline ?? null)
    const changed = await db.transaction(async (trx) => {
      const stamp = sqlTime(now)
      const state =
        decision.change === 'fire'
          ? { state: 'firing', firing_since: stamp, last_fired_at: stamp }
          : { state: 'ok', firing_since: null, last_resolved_at: stamp }
      const updated = await trx
        .from('alert_rules')
        .where('id', rule.id)
        .where('version', rule.version)
        .update({
          ...state,
          version: rule.version + 1,
          last_value: reading.value,
          last_error: null,
          last_evaluated_at: stamp,
        })
      if (Number(updated) !== 1) return false

      if (decision.change === 'fire') {
        const [eventId] = await trx.table('alert_events').insert({
          rule_id: rule.id,
          fired_at: stamp,
          value: reading.value,
          message: message.slice(0, 500),
        })
        await this.tell(trx, rule, Number(eventId), 'fired', now)
      } else {
        const open = await trx
          .from('alert_events')
          .where('rule_id', rule.id)
          .whereNull('resolved_at')
          .orderBy('id', 'desc')
          .first()
        if (open) {
          await trx
            .from('alert_events')
            .where('id', open.id)
            .update({ resolved_at: stamp, resolved_value: reading.value })
          await this.tell(trx, rule, Number(open.id), 'resolved', now)
        }
      }
      return true
    })
    if (changed) {
      logger.info(
        { alert: rule.key, value: reading.value, change: decision.change },
        `alert ${decision.change === 'fire' ? 'fired' : 'resolved'}: ${rule.name} (${message})`
      )
    }
    return { rule: rule.key, value: reading.value, change: changed ? decision.change : null }
  }

  /** The signal now and, for a trend, the same window `trendOffsetSeconds` earlier. */
  protected async read(rule: AlertRule, now: DateTime): Promise<Reading> {
    const entry = SIGNAL_READERS[rule.signal]
    if (!entry) throw new Error(`Unknown signal "${rule.signal}"`)
    const { default: reader } = await entry()
    const read = (at: DateTime) =>
      withTimeout(reader({ windowSeconds: rule.windowSeconds, at }), rule.signal)
    if (rule.condition !== 'trend') return { value: await read(now) }
    const [value, baseline] = await Promise.all([
      read(now),
      read(now.minus({ seconds: rule.trendOffsetSeconds ?? 0 })),
    ])
    return { value, baseline }
  }

  /** Who is told: deliveries for the evaluator to send, an outbox message for in-app notices. */
  protected async tell(
    trx: TransactionClientContract,
    rule: AlertRule,
    eventId: number,
    change: AlertChange,
    now: DateTime
  ) {
    const stamp = sqlTime(now)
    const deliveries = [
      ...rule.channels.emails.map((address) => ({ channel: 'email', target: address })),
      ...(rule.channels.webhookUrl
        ? [{ channel: 'webhook', target: rule.channels.webhookUrl }]
        : []),
    ]
    if (deliveries.length) {
      await trx.table('alert_deliveries').multiInsert(
        deliveries.map((delivery) => ({
          ...delivery,
          alert_event_id: eventId,
          change,
          status: 'pending',
          attempts: 0,
          next_attempt_at: stamp,
          created_at: stamp,
        }))
      )
    }
    if (rule.channels.inAppRoles.length) {
      await trx.table('outbox_messages').insert({
        topic: 'alert.changed',
        queue: 'notifications',
        payload: JSON.stringify({ alertEventId: eventId, change }),
        status: 'pending',
        attempts: 0,
        available_at: stamp,
        created_at: stamp,
      })
    }
  }
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Reading ${what} took longer than ${alertsConfig.readTimeoutMs} ms`)),
      alertsConfig.readTimeoutMs
    )
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
