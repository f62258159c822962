import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { Job } from '#queue/job'
import Process from '#models/process'
import User from '#models/user'
import { sqlTime } from '#support/sql_time'
import { publishToUser } from '#support/live_updates'

type Payload = { processId: number; outboxId: number }

/**
 * A compensation failed after its retries: every active admin gets an
 * in-app notification (once per outbox message) pointing at the process.
 */
export default class AlertFailedCompensation extends Job<Payload> {
  static jobName = 'alert_failed_compensation'
  static queue = 'automation' as const

  async handle(payload: Payload) {
    const process = await Process.find(payload.processId)
    if (!process) return
    const admins = await User.query()
      .where('role', 'admin')
      .withScopes((s) => s.active())
    for (const admin of admins) {
      const title = `${process.reference} needs attention: a compensation failed`
      const inserted = await db
        .table('notifications')
        .insert({
          user_id: admin.id,
          outbox_message_id: payload.outboxId,
          channel: 'in_app',
          kind: 'needs_attention',
          process_id: process.id,
          title,
          body: 'Retry the compensation or resolve it by hand on Admin → Automation.',
          status: 'delivered',
          created_at: sqlTime(DateTime.now()),
        })
        .onConflict(['outbox_message_id', 'user_id', 'channel'])
        .ignore()
      if (inserted.length && Number(inserted[0])) {
        publishToUser(admin.id, { type: 'notification', title, processId: process.id })
      }
    }
  }
}
