import db from '@adonisjs/lucid/services/db'
import SavedView from '#models/saved_view'
import type User from '#models/user'
import { InvalidInput, NotFound } from '#exceptions/domain_error'
import { hiddenWorkflowIds, teamsOf } from '#support/access/workflow_access'
import { cappedCount, viewParams } from '#actions/views/view_filters'
import { markWatching } from '#actions/views/view_watches'
import { fieldLookup } from '#actions/search/data_filters'

/** Most views the list page counts at once. */
const MAX_COUNTED = 20

/**
 * The views a person may use (own and shared, of workflows they see), by
 * name, each saying in `$extras.watching` whether they watch it (in the
 * same statement: a key lookup per view).
 */
export async function visibleViews(viewer: User) {
  const hidden = await hiddenWorkflowIds(viewer)
  const teams = await teamsOf(viewer.id)
  return SavedView.query()
    .withScopes((s) => s.visibleTo(viewer, teams, hidden))
    .select(
      'saved_views.*',
      db.raw(
        'EXISTS (SELECT 1 FROM view_watches w WHERE w.view_id = saved_views.id AND w.user_id = ?) AS watching',
        [viewer.id]
      )
    )
    .preload('team')
    .orderBy('name')
    .orderBy('id')
}

/** One view the person may use, or 404 (the same for a missing one). */
export async function findVisibleView(id: unknown, viewer: User) {
  const number = Number(id)
  if (!Number.isSafeInteger(number) || number < 1) throw new NotFound('View')
  const hidden = await hiddenWorkflowIds(viewer)
  const teams = await teamsOf(viewer.id)
  const view = await SavedView.query()
    .withScopes((s) => s.visibleTo(viewer, teams, hidden))
    .where('saved_views.id', number)
    .preload('team')
    .first()
  if (!view) throw new NotFound('View')
  return view
}

/**
 * Live counts of views for the person looking (their hidden workflows
 * left out), each capped: a number, or the cap with `capped`. One capped
 * COUNT per view (it reads at most cap + 1 index entries), plus the
 * workflows' searchable fields read once per workflow, not per view.
 */
export async function viewCounts(views: SavedView[], viewer: User) {
  const hidden = await hiddenWorkflowIds(viewer)
  const lookup = fieldLookup()
  const counts = new Map<number, { count: number; capped: boolean }>()
  for (const view of views.slice(0, MAX_COUNTED)) {
    try {
      const params = await viewParams(view.filters, hidden, lookup)
      counts.set(view.id, await cappedCount(params, viewer.id))
    } catch (error) {
      // A view whose filter no longer holds (a field dropped by a new version) shows no count.
      if (!(error instanceof InvalidInput)) throw error
    }
  }
  return counts
}

/** The views with `mine`, `watching` and their capped counts in `$extras`. */
export async function withCounts(views: SavedView[], user: User) {
  const counts = await viewCounts(views, user)
  await markWatching(views, user)
  for (const view of views) {
    view.$extras.mine = view.ownerId === user.id
    view.$extras.count = counts.get(view.id)
  }
  return views
}

/**
 * The views beside the process list, with `mine` and `watching` but no
 * counts: the page asks for those in a second request (`viewCounts`), so
 * its rows never wait on one capped count per view.
 */
export function listedViews(views: SavedView[], user: User) {
  for (const view of views) {
    view.$extras.mine = view.ownerId === user.id
    view.$extras.watching = Boolean(Number(view.$extras.watching ?? 0))
  }
  return views
}

/** `viewCounts`' result as page props: by view id. */
export function countsById(counts: Map<number, { count: number; capped: boolean }>) {
  return Object.fromEntries(counts)
}
