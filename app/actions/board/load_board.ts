import db from '@adonisjs/lucid/services/db'
import { OUTCOMES, type FieldDefinition, type WorkflowDefinition } from '#engine/definition'
import { collectFields } from '#engine/data'
import Process from '#models/process'
import { NotFound } from '#exceptions/domain_error'
import { definitionsOf } from '#support/definitions'
import { rowsOf } from '#actions/reports/sql'
import { publishedVersionOf } from '#support/definition_cache'
import { mayAccess, type Viewer } from '#support/access/workflow_access'
import {
  listedRows,
  type AttributesOf,
  type ListedProcess,
} from '#actions/processes/listed_processes'
import { cachedWorkflowByKey } from '#support/access/cached_rows'
import {
  decodeSortedCursor,
  encodeSortedCursor,
  storedValue,
  whereAfter,
  type SortedCursor,
} from '#support/sorted_cursor'

/** Cards shown per column; the count says how many there are in all. */
export const ACTIVE_CARDS_PER_COLUMN = 50
/** Closed processes are shown only in end columns, latest first. */
export const CLOSED_CARDS_PER_COLUMN = 20
const capped = (count: number) =>
  count > LoadBoard.COUNT_CAP
    ? { count: LoadBoard.COUNT_CAP, capped: true }
    : { count, capped: false }

/** Column for active processes in a stage the latest version no longer has. */
export const OTHER_STAGES = '__other'

export type BoardColumn = {
  key: string
  name: string
  type: 'start' | 'task' | 'end' | 'other'
  outcome: string | null
  /** Processes the column stands for (active ones, or closed ones in an end column). */
  count: number
  /** More than LoadBoard.COUNT_CAP: `count` is the cap ("1,000+"). */
  capped: boolean
  /** Cursor of the column's next cards (after its last card shown), null when none are left. */
  next: string | null
  /** The column shows a later page of its cards (by cursor). */
  paged: boolean
}

/** One column's later cards: `?column=<stage>&after=<cursor>` on the board. */
export type BoardPage = { column?: string; after?: string }

/**
 * A workflow's board: one column per stage of its latest published
 * version, in definition order, with counts and the first cards of each.
 * Three queries (the capped counts of every column, the card ids, the
 * cards) plus the workflow, its published version, the assignees and the
 * definitions when they are not in memory yet — the same for 1 card or
 * 1,000.
 */
export default class LoadBoard {
  /**
   * Counts above this show as "1,000+": closed processes grow with history,
   * so an end column counts at most this many + 1 index entries, never all.
   */
  static COUNT_CAP = 1_000

  async handle(key: string, viewer: Viewer, page: BoardPage = {}) {
    // Workflow and published version from memory (per access epoch / until published again).
    const workflow = await cachedWorkflowByKey(key)
    // Outside the workflow's `see` audience the board does not exist.
    if (!workflow || !(await mayAccess(viewer, workflow.id, 'see')))
      throw new NotFound(`Workflow "${key}"`)
    const published = await publishedVersionOf(workflow.id)
    if (!published) {
      return { workflow, definition: null, columns: [], cards: [], closedElsewhere: 0 }
    }
    const definition = published.definition
    const endKeys = definition.stages.filter((s) => s.type === 'end').map((s) => s.key)

    const counts = await columnCounts(workflow.id, definition)

    // One column by cursor: the cards after `after` in the column's order.
    const pagedStage = definition.stages.find((s) => s.key === page.column && s.type !== 'decision')
    const cursor = pagedStage && page.after ? decodeSortedCursor(page.after, 'after') : null
    const paged =
      pagedStage && cursor && cursor.sort === columnSort(pagedStage.type === 'end')
        ? { stage: pagedStage.key, end: pagedStage.type === 'end', cursor }
        : null

    // The card ids first (one UNION ALL of LIMITed index ranges: a few per column,
    // whatever the number of processes), then the rows by primary key.
    const known = definition.stages.map((s) => s.key)
    const parts: Sql[] = []
    for (const stage of definition.stages) {
      if (stage.type === 'end' || stage.type === 'decision' || stage.key === paged?.stage) continue
      parts.push(activeCards(workflow.id, { stage: stage.key }, ACTIVE_CARDS_PER_COLUMN))
    }
    if (counts.some((c) => c.stage_key === OTHER_ACTIVE && c.total > 0)) {
      parts.push(activeCards(workflow.id, { notIn: known }, ACTIVE_CARDS_PER_COLUMN))
    }
    // Closed cards: the latest few of each end column, read by index (closed ones grow with history).
    for (const endKey of endKeys) {
      if (endKey !== paged?.stage) parts.push(sqlOf(latestClosed(workflow.id, endKey)))
    }
    if (paged?.end) parts.push(sqlOf(pageOfClosedColumn(workflow.id, paged)))
    else if (paged) {
      parts.push(
        activeCards(workflow.id, { stage: paged.stage }, ACTIVE_CARDS_PER_COLUMN + 1, paged.cursor)
      )
    }
    const idRows = parts.length
      ? rowsOf(
          await db.rawQuery(
            parts.map((part) => part.sql).join(' UNION ALL '),
            parts.flatMap((part) => part.bindings)
          )
        )
      : []
    const ids = idRows.map((row: { id: number }) => Number(row.id))
    // The list's loader: plain rows (no models), workflow and assignee from the per-epoch
    // cache; only the columns a card, its moves and its column's cursor read (see CARD_COLUMNS).
    const cards = inBoardOrder(
      await listedRows<CardAttribute>(
        Process.query()
          .select(...CARD_COLUMNS)
          .whereIn('id', ids)
      )
    )

    const total = (stage: string, active: boolean) =>
      counts
        .filter((c) => c.stage_key === stage && (c.status === 'active') === active)
        .reduce((sum, c) => sum + Number(c.total), 0)

    // A column's next page starts after its last card; a paged column read one card more to know.
    const columnPage = (stage: string, end: boolean) => {
      const shown = cards.filter((c) => c.stageKey === stage && (c.status === 'active') === !end)
      const limit = end ? CLOSED_CARDS_PER_COLUMN : ACTIVE_CARDS_PER_COLUMN
      const isPaged = paged?.stage === stage
      const more = isPaged ? shown.length > limit : total(stage, !end) > shown.length
      if (isPaged && shown.length > limit) {
        const extra = shown[limit]!
        cards.splice(cards.indexOf(extra), 1)
      }
      const last = shown[Math.min(shown.length, limit) - 1]
      return {
        next:
          more && last
            ? encodeSortedCursor({
                sort: columnSort(end),
                direction: end ? 'desc' : 'asc',
                value: storedValue(end ? last.closedAt : last.dueAt),
                id: last.id,
              })
            : null,
        paged: isPaged,
      }
    }

    // A process never rests in a decision stage: it has no column.
    const columns: BoardColumn[] = definition.stages.flatMap((stage) =>
      stage.type === 'decision'
        ? []
        : [
            {
              key: stage.key,
              name: stage.name,
              type: stage.type,
              outcome: stage.outcome ?? null,
              ...capped(total(stage.key, stage.type !== 'end')),
              ...columnPage(stage.key, stage.type === 'end'),
            },
          ]
    )
    const elsewhere = total(OTHER_ACTIVE, true)
    if (elsewhere > 0) {
      columns.push({
        key: OTHER_STAGES,
        name: '',
        type: 'other',
        outcome: null,
        ...capped(elsewhere),
        next: null,
        paged: false,
      })
    }
    // Closed before reaching an end stage (cancelled midway): counted, not shown.
    const closedElsewhere = Math.min(
      LoadBoard.COUNT_CAP,
      counts
        .filter((c) => c.status !== 'active' && !endKeys.includes(c.stage_key))
        .reduce((sum, c) => sum + Number(c.total), 0)
    )

    const definitions = await definitionsOf([
      published.versionId,
      ...cards.map((c) => c.workflowVersionId),
    ])
    return {
      workflow,
      definition,
      columns,
      cards,
      definitions,
      fields: fieldsOf(definition, definitions),
      closedElsewhere,
    }
  }
}

/**
 * The columns of a card's process: what BoardCardTransformer shows, what
 * its moves' guards read (guardContextOf: reference, title, priority,
 * stage, created and due dates; the data), the workflow and assignee it is
 * listed with, and its column's order and cursor (due or closed date, id).
 * Not the idempotency key, the parent's links, the queue team, nor the
 * other timestamps: a board reads a few hundred rows, and each column
 * less is a value less to read and convert per card (two luxon dates
 * among them).
 */
const CARD_COLUMNS = [
  'id',
  'workflow_id',
  'workflow_version_id',
  'reference',
  'title',
  'data',
  'stage_key',
  'status',
  'priority',
  'assignee_id',
  'due_at',
  'version',
  'created_at',
  'closed_at',
] as const

/** CARD_COLUMNS' attributes. */
type CardAttribute = AttributesOf<typeof CARD_COLUMNS>

/** A card's process as the board reads it (CARD_COLUMNS): a plain row, not a model. */
export type BoardCard = ListedProcess<CardAttribute>

/**
 * Ids of the first `limit` active processes of a stage (or of the stages
 * the version no longer has) in the column's order — by due date, undated
 * last — after a cursor when one is given: two index ranges on
 * (workflow_id, status, stage_key, due_at), dated and undated, each
 * LIMITed, merged and cut to `limit`. Never a ranking of every active
 * process of the workflow (seconds at 1,000,000 processes).
 */
function activeCards(
  workflowId: number,
  scope: { stage: string } | { notIn: string[] },
  limit: number,
  after?: SortedCursor
): Sql {
  const where =
    'stage' in scope
      ? { sql: 'stage_key = ?', bindings: [scope.stage] }
      : { sql: `stage_key NOT IN (${marks(scope.notIn)})`, bindings: scope.notIn }
  const base = `SELECT id, due_at FROM processes WHERE workflow_id = ? AND status = 'active' AND ${where.sql}`
  const bindings: unknown[] = []
  const parts: string[] = []
  // Past a cursor on an undated card, only undated ones remain.
  if (!after || after.value !== null) {
    const keyset = after ? 'AND (due_at > ? OR (due_at = ? AND id > ?))' : ''
    parts.push(
      `SELECT id, due_at FROM (${base} AND due_at IS NOT NULL ${keyset} ORDER BY due_at, id LIMIT ${limit}) dated`
    )
    bindings.push(workflowId, ...where.bindings)
    if (after) bindings.push(after.value, after.value, after.id)
  }
  const undatedAfter = after && after.value === null ? 'AND id > ?' : ''
  parts.push(
    `SELECT id, due_at FROM (${base} AND due_at IS NULL ${undatedAfter} ORDER BY id LIMIT ${limit}) undated`
  )
  bindings.push(workflowId, ...where.bindings)
  if (after && after.value === null) bindings.push(after.id)
  return {
    sql: `SELECT id FROM (SELECT id FROM (${parts.join(' UNION ALL ')}) merged
      ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id LIMIT ${limit}) column_cards`,
    bindings,
  }
}

/**
 * Rows of `{ stage_key, status, total }`: active processes per stage of the
 * version and in stages it no longer has (OTHER_ACTIVE), closed ones per end
 * stage and those closed elsewhere (CLOSED_ELSEWHERE), each counted up to
 * LoadBoard.COUNT_CAP + 1 index entries — one query whatever the history.
 */
async function columnCounts(workflowId: number, definition: WorkflowDefinition) {
  const endKeys = definition.stages.filter((s) => s.type === 'end').map((s) => s.key)
  const known = definition.stages.map((s) => s.key)
  const limit = LoadBoard.COUNT_CAP + 1
  const count = (
    label: string,
    status: 'active' | 'closed',
    where: string,
    bindings: unknown[]
  ) => ({
    sql: `SELECT ? AS stage_key, ? AS status, COUNT(*) AS total FROM (SELECT 1 AS one FROM processes
      WHERE workflow_id = ? AND ${where} LIMIT ${limit}) c`,
    bindings: [label, status, workflowId, ...bindings],
  })
  const parts: Sql[] = []
  for (const stage of definition.stages) {
    if (stage.type === 'end' || stage.type === 'decision') continue
    parts.push(count(stage.key, 'active', `status = 'active' AND stage_key = ?`, [stage.key]))
  }
  parts.push(
    count(OTHER_ACTIVE, 'active', `status = 'active' AND stage_key NOT IN (${marks(known)})`, known)
  )
  // Closed = one of the outcomes, named: equalities on (workflow_id, status) let the
  // stage condition be index ranges too. `status <> 'active'` read every closed
  // process of the workflow to find those of no end stage (16 ms at 1,000,000).
  const closed = `status IN (${marks(OUTCOMES)})`
  for (const endKey of endKeys) {
    parts.push(count(endKey, 'closed', `${closed} AND stage_key = ?`, [...OUTCOMES, endKey]))
  }
  const notEnd = endKeys.length ? `AND stage_key NOT IN (${marks(endKeys)})` : ''
  parts.push(count(CLOSED_ELSEWHERE, 'closed', `${closed} ${notEnd}`, [...OUTCOMES, ...endKeys]))
  const rows = rowsOf(
    await db.rawQuery(
      parts.map((part) => part.sql).join(' UNION ALL '),
      parts.flatMap((part) => part.bindings) as any[]
    )
  )
  return rows.map((r: any) => ({
    stage_key: String(r.stage_key),
    status: String(r.status),
    total: Number(r.total),
  }))
}

type Sql = { sql: string; bindings: unknown[] }
const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ')
const sqlOf = (query: { toSQL(): { sql: string; bindings: readonly unknown[] } }): Sql => {
  const { sql, bindings } = query.toSQL()
  return { sql, bindings: [...bindings] }
}

/** The stage key the count of active processes in stages the version no longer has comes under. */
const OTHER_ACTIVE = ' other stages'

/** The stage key the closed-elsewhere count comes under (no stage has it: keys are identifiers). */
const CLOSED_ELSEWHERE = ' closed elsewhere'

/**
 * Ids of the latest CLOSED_CARDS_PER_COLUMN closed processes of an end
 * stage: an index range on (workflow_id, stage_key, closed_at), read
 * backwards, whatever the number of closed processes.
 */
function latestClosed(workflowId: number, stage: string) {
  const inner = db
    .from('processes')
    .select('id')
    .where('workflow_id', workflowId)
    .where('stage_key', stage)
    .whereNot('status', 'active')
    .orderBy('closed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(CLOSED_CARDS_PER_COLUMN)
  return db.from(inner.as('latest_closed')).select('id')
}

/** The cursor's sort name: a column's order (active by due date, undated last; closed latest first). */
const columnSort = (end: boolean) => (end ? 'board_closed' : 'board_due')

/**
 * Ids of an end column's closed cards after a cursor, latest first, one
 * more than a page (to know whether another follows).
 */
function pageOfClosedColumn(workflowId: number, paged: { stage: string; cursor: SortedCursor }) {
  const { stage, cursor } = paged
  const inner = db
    .from('processes')
    .select('id')
    .where('workflow_id', workflowId)
    .where('stage_key', stage)
    .whereNot('status', 'active')
  whereAfter(inner, 'closed_at', 'id', 'desc', cursor.value, cursor.id)
  inner
    .orderBy('closed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(CLOSED_CARDS_PER_COLUMN + 1)
  // MariaDB/MySQL refuse LIMIT in an IN subquery; a derived table is fine.
  return db.from(inner.as('column_page')).select('id')
}

/**
 * The cards in board order: active ones by due date (undated last), closed
 * ones latest first — each card's sort key read once, not per comparison.
 */
function inBoardOrder(cards: BoardCard[]) {
  const keyed = cards.map((card) => ({
    card,
    active: card.status === 'active',
    due: card.dueAt?.toMillis() ?? Number.POSITIVE_INFINITY,
    closed: card.closedAt?.toMillis() ?? 0,
  }))
  keyed.sort((a, b) => {
    if (!a.active || !b.active) return b.closed - a.closed || b.card.id - a.card.id
    return a.due - b.due || a.card.id - b.card.id
  })
  return keyed.map((k) => k.card)
}

/**
 * Fields the board may have to ask for before a move: the latest
 * version's, plus any that only older versions of the cards declare.
 */
function fieldsOf(latest: WorkflowDefinition, definitions: Map<number, WorkflowDefinition>) {
  const fields = new Map<string, FieldDefinition>()
  for (const definition of [latest, ...definitions.values()]) {
    for (const field of collectFields(definition)) {
      if (!fields.has(field.key)) fields.set(field.key, field)
    }
  }
  return [...fields.values()]
}
