import { Job } from '#queue/job'
import Process from '#models/process'
import User from '#models/user'
import NotifyUsers from '#actions/notifications/notify_users'

type Payload = { processId: number; outboxId: number }

/**
 * A compensation failed after its retries: every active admin gets an
 * in-app notification (once per outbox message) pointing at the process.
 */
export default class AlertFailedCompensation extends Job<Payload> {
  static jobName = 'alert_failed_compensation'

  async handle(payload: Payload) {
    const process = await Process.find(payload.processId)
    if (!process) return
    const admins = await User.query()
      .where('role', 'admin')
      .withScopes((s) => s.active())
    await new NotifyUsers().inApp(
      admins.map((admin) => admin.id),
      {
        outboxId: payload.outboxId,
        kind: 'needs_attention',
        processId: process.id,
        title: `${process.reference} needs attention: a compensation failed`,
        body: 'Retry the compensation or resolve it by hand on Admin → Automation.',
      }
    )
  }
}
