import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { WorkflowDefinition } from '#engine/definition'
import type User from '#models/user'
import type Process from '#models/process'
import { UserFactory } from '#database/factories/user_factory'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import CommitProcessChange from '#actions/processes/commit_process_change'
import { publishWorkflow } from '#tests/helpers/common'
import { sqlTime } from '#support/sql_time'

/**
 * Three stages, two plain transitions, no SLA or automatic timer: every
 * outbox message it produces is a notification fan-out, published at once.
 */
export const RELAY_FLOW: WorkflowDefinition = {
  key: 'resilience-flow',
  name: 'Resilience flow',
  stages: [
    { key: 'open', name: 'Open', type: 'start' },
    { key: 'review', name: 'Review', type: 'task' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'submit', from: 'open', to: 'review' },
    { key: 'approve', from: 'review', to: 'done' },
  ],
}

export type Cast = { manager: User; creator: User; assignee: User; token: string }

/**
 * A manager who moves processes, a creator and an assignee who follow
 * them, and the published flow. The e-mail addresses carry a random token
 * so this test's e-mail files can be told from anyone else's in tmp/mail.
 */
export async function setUpCast(): Promise<Cast> {
  const token = randomBytes(4).toString('hex')
  const manager = await UserFactory.apply('manager')
    .merge({ email: `m-${token}@resilience.test` })
    .create()
  const creator = await UserFactory.merge({ email: `c-${token}@resilience.test` }).create()
  const assignee = await UserFactory.merge({ email: `a-${token}@resilience.test` }).create()
  await publishWorkflow(RELAY_FLOW, manager)
  return { manager, creator, assignee, token }
}

/**
 * What one `runProcess` causes once delivered: the start notifies the
 * assignee in-app and by e-mail ("assigned"); each of the two moves
 * notifies the creator and the assignee in-app ("moved"); the manager
 * acts, so hears nothing.
 */
export const PER_PROCESS = { outbox: 3, notifications: 6, emails: 1 }

/** Starts a process and moves it twice: three events, three outbox messages. */
export async function runProcess(cast: Cast, title: string) {
  let { process } = await new StartProcess().handle({
    workflowKey: RELAY_FLOW.key,
    title,
    assigneeId: cast.assignee.id,
    actor: cast.creator,
  })
  for (const key of ['submit', 'approve']) {
    ;({ process } = await new TransitionProcess().handle({
      process,
      transition: key,
      expectedVersion: process.version,
      actor: cast.manager,
    }))
  }
  return process
}

/** Only the transitions, on a process started earlier. */
export async function startProcess(cast: Cast, title: string) {
  const { process } = await new StartProcess().handle({
    workflowKey: RELAY_FLOW.key,
    title,
    assigneeId: cast.assignee.id,
    actor: cast.creator,
  })
  return process
}

export async function transition(cast: Cast, process: Process, key: string) {
  const { process: moved } = await new TransitionProcess().handle({
    process,
    transition: key,
    expectedVersion: process.version,
    actor: cast.manager,
  })
  return moved
}

export async function countRows(table: string, where: (q: any) => any = (q) => q) {
  const row = await where(db.from(table)).count('* as total').first()
  return Number(row?.total ?? 0)
}

/** Notifications that would be doubled if any were: same (message, user, channel) twice. */
export async function duplicateNotifications() {
  const rows = await db
    .from('notifications')
    .select('outbox_message_id', 'user_id', 'channel')
    .count('* as copies')
    .groupBy('outbox_message_id', 'user_id', 'channel')
  return rows.filter((r) => Number(r.copies) > 1)
}

export async function outboxRows() {
  return db.from('outbox_messages').orderBy('id')
}

/**
 * The e-mail files (tmp/mail, where the file mailer the workers use in
 * tests writes) sent to addresses containing `token`, with their recipients.
 */
export async function mailFiles(token: string) {
  const directory = app.tmpPath('mail')
  const names = await readdir(directory).catch(() => [] as string[])
  const found: { path: string; to: string }[] = []
  for (const name of names) {
    const path = join(directory, name)
    const text = await readFile(path, 'utf8').catch(() => '')
    if (!text.includes(token)) continue
    const parsed = JSON.parse(text)
    const to = (parsed.to ?? []).map((t: { address: string }) => t.address).join(',')
    found.push({ path, to })
  }
  return found
}

/** Deletes this test's e-mail files (teardown). */
export async function removeMail(token: string) {
  const files = await mailFiles(token)
  await Promise.all(files.map((f) => rm(f.path, { force: true })))
}

/**
 * `count` active managers in bulk (no password hashing: they never log
 * in), who want SLA breaches in-app only, so a breach fans out to
 * `count` notification rows and no e-mail.
 */
export async function bulkManagers(count: number, token: string) {
  const now = sqlTime(DateTime.now())
  const chunk = 500
  for (let from = 0; from < count; from += chunk) {
    const rows = []
    for (let i = from; i < Math.min(count, from + chunk); i++) {
      rows.push({
        name: `Manager ${i}`,
        email: `bulk-${i}-${token}@resilience.test`,
        password: 'not-a-login',
        role: 'manager',
        is_active: true,
        created_at: now,
        updated_at: now,
      })
    }
    await db.table('users').multiInsert(rows)
  }
  const ids = await db
    .from('users')
    .where('email', 'like', `bulk-%-${token}@resilience.test`)
    .select('id')
  for (let from = 0; from < ids.length; from += chunk) {
    await db.table('notification_preferences').multiInsert(
      ids.slice(from, from + chunk).map((u) => ({
        user_id: u.id,
        kind: 'sla_breached',
        in_app: true,
        email: false,
      }))
    )
  }
  return ids.length
}

/**
 * Records an SLA breach on a process the way the check_sla job does (one
 * event, one outbox message in the same transaction). Its notification
 * job fans out to every active manager: a long job, to kill mid-way.
 * Returns the outbox message id (the job id is `outbox-<id>`).
 */
export async function recordBreach(process: Process) {
  const { event } = await new CommitProcessChange().handle({
    process,
    expectedVersion: process.version,
    actorId: null,
    idempotencyKey: `resilience-breach-${process.id}`,
    event: {
      type: 'sla_breached',
      payload: { stage: process.stageKey, assigneeId: process.assigneeId, dueAt: null },
    },
  })
  const message = await db
    .from('outbox_messages')
    .where('event_id', event.id)
    .where('topic', 'process.sla_breached')
    .firstOrFail()
  return Number(message.id)
}
