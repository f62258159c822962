import { Job } from '#queue/job'
import AlertEvent from '#models/alert_event'
import User from '#models/user'
import NotifyUsers from '#actions/notifications/notify_users'
import { textOf, title, type AlertChange } from '#alerts/messages'

type Payload = { alertEventId: number; change: AlertChange; outboxId: number }

/**
 * An alert fired or resolved: every active user with one of the rule's
 * in-app roles gets a notification (once per outbox message). E-mail and
 * webhooks are sent by the evaluator itself (app/alerts/deliver_alerts.ts).
 */
export default class NotifyAlert extends Job<Payload> {
  static jobName = 'notify_alert'

  async handle(payload: Payload) {
    const event = await AlertEvent.query().where('id', payload.alertEventId).preload('rule').first()
    if (!event) return
    const roles = event.rule.channels.inAppRoles
    if (!roles.length) return
    const users = await User.query()
      .whereIn('role', roles)
      .withScopes((s) => s.active())
      .select('id')
    const notice = {
      rule: event.rule,
      change: payload.change,
      message: event.message,
      firedAt: event.firedAt,
      resolvedAt: payload.change === 'resolved' ? event.resolvedAt : null,
      link: '',
    }
    await new NotifyUsers().inApp(
      users.map((user) => user.id),
      {
        outboxId: payload.outboxId,
        kind: 'alert',
        processId: null,
        title: title(event.rule, payload.change),
        body: textOf(notice),
      }
    )
  }
}
