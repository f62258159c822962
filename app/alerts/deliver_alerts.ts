import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import alertsConfig from '#config/alerts'
import { appUrl } from '#config/app'
import AlertEvent from '#models/alert_event'
import { egressRequest } from '#support/egress/request'
import { EgressRefused } from '#support/egress/guard'
import { egressPolicy } from '#support/egress/rules'
import { sqlTime } from '#support/sql_time'
import { slackBody, textOf, title, type AlertChange, type AlertNotice } from '#alerts/messages'

type DeliveryRow = {
  id: number
  alert_event_id: number
  change: AlertChange
  channel: 'email' | 'webhook'
  target: string
  attempts: number
}

/** Deliveries sent per round, oldest first. */
const BATCH = 50

/**
 * Sends the due e-mail and webhook deliveries of alert changes, straight
 * from the evaluator (not through the queue, so they go out while Redis is
 * down). A failed send is tried again with back-off, up to
 * `delivery.attempts` times; a webhook the egress guard refuses fails at
 * once. A crash between the send and the mark sends it again: at least
 * once.
 */
export default class DeliverAlerts {
  async handle(now: DateTime = DateTime.now()) {
    const rows: DeliveryRow[] = await db
      .from('alert_deliveries')
      .where('status', 'pending')
      .where('next_attempt_at', '<=', sqlTime(now)!)
      .orderBy('id')
      .limit(BATCH)
    if (!rows.length) return 0
    const events = await AlertEvent.query()
      .whereIn('id', [...new Set(rows.map((row) => Number(row.alert_event_id)))])
      .preload('rule')
    let delivered = 0
    for (const row of rows) {
      const event = events.find((e) => e.id === Number(row.alert_event_id))
      if (!event) continue
      const notice: AlertNotice = {
        rule: event.rule,
        change: row.change,
        message: event.message,
        firedAt: event.firedAt,
        resolvedAt: row.change === 'resolved' ? event.resolvedAt : null,
        link: `${appUrl}/admin/alerts`,
      }
      try {
        await (row.channel === 'webhook'
          ? this.webhook(row.target, notice)
          : this.email(row.target, notice))
        await db
          .from('alert_deliveries')
          .where('id', row.id)
          .update({
            status: 'delivered',
            attempts: Number(row.attempts) + 1,
            last_error: null,
            delivered_at: sqlTime(DateTime.now()),
          })
        delivered++
      } catch (error) {
        await this.failed(row, error as Error)
      }
    }
    return delivered
  }

  protected async webhook(url: string, notice: AlertNotice) {
    const { delivery } = alertsConfig
    const response = await egressRequest(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Stageflow-Alerts' },
        body: JSON.stringify(slackBody(notice)),
        timeoutMs: delivery.timeoutMs,
        maxBytes: 4096,
        maxRedirects: 0,
      },
      egressPolicy()
    )
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`the webhook answered ${response.status}: ${response.text.slice(0, 200)}`)
    }
  }

  protected async email(address: string, notice: AlertNotice) {
    await mail.send((message) => {
      message
        .to(address)
        .subject(`[Stageflow] ${title(notice.rule, notice.change)}`)
        .text(`${textOf(notice)}\n\n${notice.link}\n`)
    })
  }

  protected async failed(row: DeliveryRow, error: Error) {
    const attempts = Number(row.attempts) + 1
    const final = error instanceof EgressRefused || attempts >= alertsConfig.delivery.attempts
    const waitMs = Math.min(alertsConfig.delivery.backoffMs * 2 ** (attempts - 1), 600_000)
    await db
      .from('alert_deliveries')
      .where('id', row.id)
      .update({
        status: final ? 'failed' : 'pending',
        attempts,
        last_error: String(error.message).slice(0, 1000),
        next_attempt_at: sqlTime(DateTime.now().plus({ milliseconds: waitMs })),
      })
    logger.warn(
      { err: error, delivery: row.id, channel: row.channel, final },
      final ? 'alert delivery failed for good' : 'alert delivery failed; will retry'
    )
  }
}
