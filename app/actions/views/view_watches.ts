import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import SavedView from '#models/saved_view'
import User from '#models/user'
import Process from '#models/process'
import { forgetWatching } from '#actions/views/view_watch_outbox'
import { InvalidInput } from '#exceptions/domain_error'
import { hiddenWorkflowIds, teamsOf } from '#support/access/workflow_access'
import { viewParams } from '#actions/views/view_filters'
import { processListQuery } from '#actions/process_pages/list_process_page'
import NotifyUsers from '#actions/notifications/notify_users'
import { emailNotification } from '#actions/notifications/email_notification'
import { DEFAULT_PREFERENCES } from '#enums/notification_kind'
import { sqlTime } from '#support/sql_time'
import { bumpAfterCommit } from '#support/access/access_epoch'

/** Watching a view the person may see (owner, or a reader of a shared view). Idempotent. */
export async function watchView(view: SavedView, user: User) {
  await db
    .table('view_watches')
    .insert({ view_id: view.id, user_id: user.id, created_at: sqlTime(DateTime.now()) })
    .onConflict(['view_id', 'user_id'])
    .ignore()
  view.$extras.watching = true
  forgetWatching()
  // The watcher's cached views say whether they watch each (#actions/views/visible_views).
  await bumpAfterCommit()
}

export async function unwatchView(view: SavedView, user: User) {
  await db.from('view_watches').where({ view_id: view.id, user_id: user.id }).delete()
  view.$extras.watching = false
  forgetWatching()
  await bumpAfterCommit()
}

/**
 * Evaluates the watched views against one process after it changed: each
 * view's filter restricted to `id = ?`, in its watcher's sight (workflow
 * access, the view still visible to them). The rule, per (view, watcher,
 * process): a match not recorded before is recorded and notified; a
 * recorded match that no longer holds is forgotten, so the process
 * notifies again only after it stopped matching and matches again. A
 * repeated job finds the match recorded and notifies nobody twice. (A
 * process that matched already when the view was first watched notifies
 * at its next change.) One notification per watcher and change, naming
 * every view newly matched: in the app and by e-mail, as the watcher's
 * `view_match` preference says (each once per message, user and channel).
 */
export async function evaluateWatches(processId: number, outboxId: number) {
  const process = await Process.find(processId)
  if (!process) return
  const watches: { id: number; view_id: number; user_id: number }[] = await db
    .from('view_watches')
    .join('saved_views', 'saved_views.id', 'view_watches.view_id')
    .where((q) =>
      q.whereNull('saved_views.workflow_id').orWhere('saved_views.workflow_id', process.workflowId)
    )
    .select('view_watches.id', 'view_watches.view_id', 'view_watches.user_id')
    .orderBy('view_watches.id')
  if (!watches.length) return
  const recordedRows: { watch_id: number }[] = await db
    .from('view_watch_matches')
    .where('process_id', processId)
    .whereIn(
      'watch_id',
      watches.map((w) => w.id)
    )
    .select('watch_id')
  const recorded = new Set(recordedRows.map((row) => Number(row.watch_id)))
  const newly = new Map<number, string[]>()
  const users = new Map<number, User>()
  for (const watch of watches) {
    const user = await User.find(watch.user_id)
    if (user) users.set(user.id, user)
    const matches = user?.isActive ? await matchesFor(watch.view_id, user, processId) : null
    if (matches && !recorded.has(watch.id)) {
      await db
        .table('view_watch_matches')
        .insert({ watch_id: watch.id, process_id: processId, created_at: sqlTime(DateTime.now()) })
        .onConflict(['watch_id', 'process_id'])
        .ignore()
      newly.set(watch.user_id, [...(newly.get(watch.user_id) ?? []), matches])
    } else if (!matches && recorded.has(watch.id)) {
      await db
        .from('view_watch_matches')
        .where({ watch_id: watch.id, process_id: processId })
        .delete()
    }
  }
  if (!newly.size) return
  // Each watcher's choice for view matches (in the app, by e-mail), read once.
  const choices = await db
    .from('notification_preferences')
    .whereIn('user_id', [...newly.keys()])
    .where('kind', 'view_match')
    .select('user_id', 'in_app', 'email')
  const notify = new NotifyUsers()
  for (const [userId, names] of newly) {
    const saved = choices.find((row) => Number(row.user_id) === userId)
    const wants = saved
      ? { inApp: Boolean(saved.in_app), email: Boolean(saved.email) }
      : DEFAULT_PREFERENCES.view_match
    const title = `${process.reference} now matches ${names.map((n) => `“${n}”`).join(', ')}`
    const body = `${process.reference} ${process.title} newly matches your watched view ${names.join(', ')}.`
    if (wants.inApp) {
      await notify.one({
        userId,
        outboxId,
        channel: 'in_app',
        kind: 'view_match',
        processId,
        title,
        body,
      })
    }
    if (wants.email) {
      await emailNotification({
        outboxId,
        user: users.get(userId)!,
        kind: 'view_match',
        process,
        title,
        body,
      })
    }
  }
}

/** The view's name when the process matches it in the watcher's sight, else null. */
async function matchesFor(viewId: number, user: User, processId: number) {
  const hidden = await hiddenWorkflowIds(user)
  const teams = await teamsOf(user.id)
  const view = await SavedView.query()
    .withScopes((s) => s.visibleTo(user, teams, hidden))
    .where('saved_views.id', viewId)
    .first()
  if (!view) return null
  let params
  try {
    params = await viewParams(view.filters, hidden)
  } catch (error) {
    // A filter that no longer holds (a field dropped by a new version) matches nothing.
    if (error instanceof InvalidInput) return null
    throw error
  }
  const row = await processListQuery(params, user.id)
    .clearOrder()
    .where('processes.id', processId)
    .select('processes.id')
    .first()
  return row ? view.name : null
}
