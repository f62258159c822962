import db from '@adonisjs/lucid/services/db'
import SavedView from '#models/saved_view'
import type User from '#models/user'
import { InvalidInput, NotFound } from '#exceptions/domain_error'
import { hiddenWorkflowIds, teamsOf } from '#support/access/workflow_access'
import {
  compiledAnew,
  countStatement,
  countsOf,
  viewParams,
  type CountStatement,
} from '#actions/views/view_filters'
import Team from '#models/team'
import { fieldLookup } from '#actions/search/data_filters'
import { EpochCache } from '#support/access/access_epoch'
import { leanModels } from '#support/lean_models'
import { plainItems } from '#support/plain_transform'
import SavedViewTransformer from '#transformers/saved_view_transformer'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { SerializeJSONTypes } from '@adonisjs/http-transformers/types'

/** Most views the list page counts at once. */
const MAX_COUNTED = 20

/**
 * The views a person may use (own and shared, of workflows they see),
 * each saying in `$extras.watching` whether they watch it (in the same
 * statement: a key lookup per view). In an object: a query builder is
 * thenable, so returning it from an async function would run it.
 */
async function viewsQuery(viewer: User, options?: { client: QueryClientContract }) {
  const hidden = await hiddenWorkflowIds(viewer)
  const teams = await teamsOf(viewer.id)
  const query = SavedView.query(options)
    .withScopes((s) => s.visibleTo(viewer, teams, hidden))
    .select(
      'saved_views.*',
      db.raw(
        'EXISTS (SELECT 1 FROM view_watches w WHERE w.view_id = saved_views.id AND w.user_id = ?) AS watching',
        [viewer.id]
      )
    )
  return { query }
}

/** The distinct teams among views' `teamId`s (null: not shared with a team). */
const distinctTeams = (teamIds: (number | null)[]) => [
  ...new Set(teamIds.filter((id): id is number => id !== null)),
]

/** Sets each view's `team` from `teams` (null when it is not shared with one). */
function attachTeams(views: SavedView[], teams: Team[]) {
  const byId = new Map(teams.map((team) => [team.id, team]))
  for (const view of views) {
    view.$setRelated('team', view.teamId === null ? null : (byId.get(view.teamId) ?? null))
  }
  return views
}

/**
 * The teams of views shared with one, set as their `team`: one query when
 * some view is, none otherwise (a preload queries even with no key).
 */
async function withTeams(views: SavedView[]) {
  const ids = distinctTeams(views.map((view) => view.teamId))
  return attachTeams(views, ids.length ? await Team.query().whereIn('id', ids) : [])
}

type Row = Record<string, unknown>

/**
 * Each person's views (rows, with the teams they are shared with), kept
 * per access epoch: every list page and its counts read them, and they
 * change rarely. Saving or deleting a view (SavedView's hooks) and
 * watching or unwatching one (view_watches.ts) bump the epoch, as do
 * changes to users, teams and workflows' access, which decide who sees a
 * shared view. Loaded from the primary, as #support/access/cached_rows.
 */
const visibleRows = new EpochCache<
  number,
  {
    views: Row[]
    teams: Row[]
    counted: readonly CountedView[]
    /** The list page's `views` prop, made from the rows when first asked (`listedViewsOf`). */
    listed?: readonly SerializeJSONTypes<ListedView>[]
  }
>(5000)

type ListedView = ReturnType<SavedViewTransformer['toObject']>

/** A view as its count needs it. */
export type CountedView = Pick<SavedView, 'id' | 'filters'>

/** A person's views' rows (see `visibleRows`), and what their counts need, frozen. */
function visibleRowsOf(viewer: User) {
  return visibleRows.get(viewer.id, async () => {
    const client = db.connection(db.primaryConnectionName, { mode: 'write' })
    const { query } = await viewsQuery(viewer, { client })
    const views = await query.orderBy('name').orderBy('id').pojo<Row>()
    const ids = distinctTeams(
      views.map((view) => (view.team_id === null ? null : Number(view.team_id)))
    )
    const teams = ids.length ? await Team.query({ client }).whereIn('id', ids).pojo<Row>() : []
    const counted = leanModels(SavedView, structuredClone(views)).map((view) =>
      Object.freeze({ id: view.id, filters: Object.freeze({ ...view.filters }) })
    )
    return { views, teams, counted: Object.freeze(counted) }
  })
}

/** The views a person may use, by name (see `viewsQuery`): fresh models from the cached rows. */
export async function visibleViews(viewer: User) {
  return modelsOf(await visibleRowsOf(viewer))
}

function modelsOf(rows: { views: Row[]; teams: Row[] }) {
  return attachTeams(
    leanModels(SavedView, structuredClone(rows.views)),
    leanModels(Team, rows.teams)
  )
}

/**
 * The views a person may use as the list page shows them (SavedViewTransformer,
 * `listedViews`), made once per access epoch with their rows: nothing in them
 * changes without a bump (their counts come apart, in `viewCounts`).
 */
export async function listedViewsOf(viewer: User) {
  const rows = await visibleRowsOf(viewer)
  rows.listed ??= Object.freeze(
    plainItems(SavedViewTransformer, listedViews(modelsOf(rows), viewer)).map((view) =>
      Object.freeze(view)
    )
  )
  // A copy of the kept list (its views stay frozen): the page's prop is an array.
  return [...rows.listed]
}

/**
 * The views a person may use as `viewCounts` takes them, with no model
 * built: the list's request for its sidebar's counts.
 */
export async function countedViews(viewer: User) {
  const { counted } = await visibleRowsOf(viewer)
  return counted
}

/** One view the person may use, or 404 (the same for a missing one). */
export async function findVisibleView(id: unknown, viewer: User) {
  const number = Number(id)
  if (!Number.isSafeInteger(number) || number < 1) throw new NotFound('View')
  const { query } = await viewsQuery(viewer)
  const view = await query.where('saved_views.id', number).first()
  if (!view) throw new NotFound('View')
  const [found] = await withTeams([view])
  return found!
}

/**
 * Each view's count statement for one viewer, kept per access epoch: the
 * list page asks for the sidebar's counts on every visit, and checking a
 * view's filter and building its statement cost more CPU than the counts'
 * index reads. Saving a view, publishing a version (searchable fields) and
 * every change to who sees what bump the epoch. Filters on the clock or on
 * free text are compiled anew (`compiledAnew`). "invalid": the filter no
 * longer holds.
 */
const countStatements = new EpochCache<string, CountStatement | 'invalid'>(5000)

/**
 * Live counts of views for the person looking (their hidden workflows
 * left out), each capped: a number, or the cap with `capped`. Every view's
 * capped count (it reads at most cap + 1 index entries) in one statement,
 * the workflows' searchable fields read once per workflow, not per view.
 */
export async function viewCounts(views: readonly CountedView[], viewer: User) {
  const hidden = await hiddenWorkflowIds(viewer)
  const lookup = fieldLookup()
  const compile = async (view: CountedView): Promise<CountStatement | 'invalid'> => {
    try {
      return await countStatement(await viewParams(view.filters, hidden, lookup), viewer.id)
    } catch (error) {
      // A view whose filter no longer holds (a field dropped by a new version) shows no count.
      if (!(error instanceof InvalidInput)) throw error
      return 'invalid'
    }
  }
  const counted: { id: number; statement: CountStatement }[] = []
  for (const view of views.slice(0, MAX_COUNTED)) {
    const statement = compiledAnew(view.filters)
      ? await compile(view)
      : await countStatements.get(`${viewer.id}:${view.id}`, () => compile(view))
    if (statement !== 'invalid') counted.push({ id: view.id, statement })
  }
  const totals = await countsOf(counted.map((view) => view.statement))
  return new Map(counted.map((view, i) => [view.id, totals[i]!]))
}

/** The views with `mine`, `watching` and their capped counts in `$extras`. */
export async function withCounts(views: SavedView[], user: User) {
  const counts = await viewCounts(views, user)
  for (const view of listedViews(views, user)) view.$extras.count = counts.get(view.id)
  return views
}

/**
 * The views beside the process list, with `mine` and `watching` but no
 * counts: the page asks for those in a second request (`viewCounts`), so
 * its rows never wait on one capped count per view.
 */
function listedViews(views: SavedView[], user: User) {
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
