import db from '@adonisjs/lucid/services/db'
import { Job } from '#queue/job'
import { stageOf } from '#engine/state_machine'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import User from '#models/user'
import { DEFAULT_PREFERENCES, type NotificationKind } from '#enums/notification_kind'
import { definitionOf } from '#support/definitions'
import { publishToProcess } from '#support/live_updates'
import NotifyUsers from '#actions/notifications/notify_users'
import { emailNotification } from '#actions/notifications/email_notification'
import { audienceOf } from '#support/access/workflow_access'

type Payload = { outboxId: number; processId: number; eventId: number }

type Recipient = { userId: number; kind: NotificationKind }

/**
 * Turns one process event into notifications: in-app rows and e-mails, per
 * each recipient's preferences. Exactly-once effects come from the unique
 * (outbox message, user, channel) key: a repeated job finds its rows and
 * sends nothing again.
 */
export default class DeliverNotifications extends Job<Payload> {
  static jobName = 'deliver_notifications'

  async handle(payload: Payload) {
    const event = await ProcessEvent.find(payload.eventId)
    if (!event) return

    // Open process pages refresh themselves (after commit, once per event, from any worker).
    publishToProcess(payload.processId, {
      type: 'changed',
      version: event.sequence,
      event: event.type,
    })

    // The process row is read only when someone is to be told.
    let loaded: Process | null | undefined
    const processOf = async () => (loaded ??= await Process.find(payload.processId))
    const recipients = await this.recipientsFor(event, processOf)
    const process = recipients.length ? await processOf() : null
    if (!process) return

    // Nobody outside the workflow's `see` audience hears about its processes.
    const audience = await audienceOf(
      process.workflowId,
      recipients.map((r) => r.userId)
    )
    const users = await User.query()
      .whereIn('id', [...audience])
      .withScopes((s) => s.active())
    const preferences = await db.from('notification_preferences').whereIn(
      'user_id',
      users.map((u) => u.id)
    )
    const definition = await definitionOf(process.workflowVersionId)
    const stageName = (key: string | null) => (key ? (stageOf(definition, key)?.name ?? key) : '')

    for (const recipient of recipients) {
      const user = users.find((u) => u.id === recipient.userId)
      if (!user) continue
      const saved = preferences.find((p) => p.user_id === user.id && p.kind === recipient.kind)
      const wants = saved
        ? { inApp: Boolean(saved.in_app), email: Boolean(saved.email) }
        : DEFAULT_PREFERENCES[recipient.kind]
      const { title, body } = describe(recipient.kind, event, process, stageName)

      if (wants.inApp) {
        await new NotifyUsers().one({
          outboxId: payload.outboxId,
          userId: user.id,
          channel: 'in_app',
          kind: recipient.kind,
          processId: process.id,
          title,
          body,
        })
      }
      if (wants.email) {
        await emailNotification({
          outboxId: payload.outboxId,
          user,
          kind: recipient.kind,
          process,
          title,
          body,
        })
      }
      // An event with many recipients (an SLA breach tells every manager) must
      // not starve the event loop: on SQLite every query answers synchronously,
      // and BullMQ renews the job's lock from a timer.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  protected async recipientsFor(
    event: ProcessEvent,
    processOf: () => Promise<Process | null>
  ): Promise<Recipient[]> {
    const list: Recipient[] = []
    const add = (userId: number | null | undefined, kind: NotificationKind) => {
      if (userId && userId !== event.actorId && !list.some((r) => r.userId === userId))
        list.push({ userId, kind })
    }

    switch (event.type) {
      case 'started':
      case 'assigned': {
        const assigneeId = (event.payload.assigneeId as number | null) ?? null
        add(assigneeId, 'assigned')
        break
      }
      case 'commented': {
        const emails = (event.payload.mentions as string[] | undefined) ?? []
        if (emails.length) {
          const mentioned = await User.query().whereIn('email', emails)
          for (const user of mentioned) add(user.id, 'mentioned')
        }
        break
      }
      case 'sla_breached': {
        // Whoever had it when the deadline passed (an escalation may reassign it right after).
        const holder =
          (event.payload.assigneeId as number | null | undefined) ??
          (await processOf().then((p) => p?.assigneeId))
        add(holder, 'sla_breached')
        const managers = await User.query()
          .where('role', 'manager')
          .withScopes((s) => s.active())
        for (const manager of managers) add(manager.id, 'sla_breached')
        break
      }
      // A version migration is bookkeeping: recorded in the timeline, not announced.
      case 'transitioned':
      case 'cancelled': {
        const process = await processOf()
        if (!process) break
        for (const follower of await followersOf(process)) add(follower, 'moved')
        break
      }
    }
    return list
  }
}

/**
 * Who follows a process: its creator, its assignee and everyone who
 * commented on it.
 */
async function followersOf(process: Process) {
  const commenters = await db
    .from('process_events')
    .where('process_id', process.id)
    .where('type', 'commented')
    .distinct('actor_id')
  return [
    process.creatorId,
    process.assigneeId,
    ...commenters.map((c) => c.actor_id as number),
  ].filter((id): id is number => typeof id === 'number')
}

function describe(
  kind: NotificationKind,
  event: ProcessEvent,
  process: Process,
  stageName: (key: string | null) => string
) {
  const ref = `${process.reference} ${process.title}`
  switch (kind) {
    case 'assigned':
      return {
        title: `Assigned to you: ${process.reference}`,
        body: `${ref} is now assigned to you.`,
      }
    case 'mentioned':
      return {
        title: `You were mentioned on ${process.reference}`,
        body: String(event.payload.body ?? '').slice(0, 500),
      }
    case 'sla_breached':
      return {
        title: `SLA breached: ${process.reference}`,
        body: `${ref} stayed in "${stageName(String(event.payload.stage ?? process.stageKey))}" past its deadline.`,
      }
    default:
      return event.type === 'cancelled'
        ? { title: `${process.reference} was cancelled`, body: `${ref} was cancelled.` }
        : {
            title: `${process.reference} moved to ${stageName(event.toStage)}`,
            body: `${ref} moved from "${stageName(event.fromStage)}" to "${stageName(event.toStage)}".`,
          }
  }
}
