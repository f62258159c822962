import db from '@adonisjs/lucid/services/db'
import { rowsOf } from '#actions/reports/sql'
import { cappedTotalQuery } from '#support/database/capped_count'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import {
  POSTING_WORD_LENGTH,
  postingWord,
  wordsOf,
  type FilterOperator,
  type SearchKind,
} from '#engine/search_fields'

/**
 * The SQL of search on process data (issue 22), used by `Process.filtered`:
 * data-field filters over `process_field_values` and free text over
 * `process_search_text` or its ordered postings `process_words` (both
 * written by app/actions/search/process_index.ts).
 */

/** One condition on a searchable field, checked against the workflow's field types. */
export type DataFilter = {
  workflowId: number
  key: string
  kind: SearchKind
  op: FilterOperator
  value: number | string
  /**
   * More than BROAD_MATCHES processes match (see `markBroadFilters`): the
   * list reads its own order and checks each row's value instead.
   */
  broad?: boolean
  /**
   * Its matches, counted from the index up to `cap` (`total` is `cap` + 1
   * above it) by `markBroadFilters`: a list filtered by this filter alone
   * shows that count without counting again.
   */
  counted?: { total: number; cap: number }
}

/** Above this many matches a data filter is checked row by row, in the list's order. */
export const BROAD_MATCHES = 2000

/**
 * Rows the list reads to fill a page (PER_PAGE + 1), twice: a filter with
 * M matches among the W processes its workflow has started is also broad
 * when M² > BROAD_READS × W. Row by row the list reads about 21 × W / M
 * rows to find 21 matches; by the index it reads and sorts all M — so 1,823
 * matches among 1,964 processes (10,000 in bench:scale) took 4.3 ms by the
 * index and 0.45 ms row by row.
 */
const BROAD_READS = 42

const SQL_OPERATOR: Record<Exclude<FilterOperator, 'contains'>, string> = {
  eq: '=',
  ne: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
}
const COLUMN: Record<SearchKind, string> = {
  number: 'num_value',
  user: 'num_value',
  boolean: 'num_value',
  date: 'date_value',
  text: 'text_value',
}

/** The filter's condition on `value` (its value column, or an expression reading it). */
function valueCondition(filter: DataFilter, value: string) {
  if (filter.op === 'contains') {
    return {
      sql: `LOWER(${value}) LIKE ? ESCAPE '!'`,
      bindings: [`%${String(filter.value).toLowerCase().replace(/[!%_]/g, '!$&')}%`],
    }
  }
  return { sql: `${value} ${SQL_OPERATOR[filter.op]} ?`, bindings: [filter.value] }
}

/**
 * Marks the filters more than BROAD_MATCHES processes match, each counted
 * up to that many + 1 index entries of (workflow, field, value) — or up to
 * `countUpTo` + 1 when a list page will show the count (its COUNT_CAP):
 * one statement then serves both, kept in `counted`.
 */
export async function markBroadFilters(filters: DataFilter[], countUpTo = BROAD_MATCHES) {
  const cap = Math.max(countUpTo, BROAD_MATCHES)
  for (const filter of filters) {
    // The workflow's started processes (its reference counter: at least the ones it has) in the same statement.
    const [row] = await dataOnlyCountQuery(filter, cap).select(
      db.raw('(SELECT process_counter FROM workflows WHERE id = ?) AS started', [filter.workflowId])
    )
    const total = Number(row?.total ?? 0)
    const started = Number(row?.started ?? 0)
    filter.broad = total > BROAD_MATCHES || (total > 0 && total * total > BROAD_READS * started)
    filter.counted = { total, cap }
  }
  return filters
}

/**
 * Each filter as `processes.id IN (an index range of process_field_values)`:
 * (workflow, field, value) is the index, so the cost follows the matches.
 * A broad filter (most of the workflow's processes match) is a check of
 * each row's own value by primary key instead, so the list reads the
 * workflow's processes in its order and stops after a page: the IN form
 * would read and sort every match (1.8 s for 185,000 at 1,000,000 processes).
 */
export function applyDataFilters(
  query: DatabaseQueryBuilderContract<any> | any,
  filters: DataFilter[]
) {
  for (const filter of filters) {
    if (filter.broad) {
      const own = `(SELECT f.${COLUMN[filter.kind]} FROM process_field_values f WHERE f.process_id = processes.id AND f.field_key = ?)`
      const condition = valueCondition(filter, own)
      query.whereRaw(condition.sql, [filter.key, ...condition.bindings])
      continue
    }
    query.whereIn('processes.id', (sub: DatabaseQueryBuilderContract<any>) => {
      const condition = valueCondition(filter, COLUMN[filter.kind])
      sub
        .from('process_field_values')
        .select('process_id')
        .where('workflow_id', filter.workflowId)
        .where('field_key', filter.key)
        .whereRaw(condition.sql, condition.bindings)
    })
  }
}

/**
 * The count of a list filtered by one data filter and nothing else on the
 * process rows (its workflow aside): the (workflow, field, value) index
 * range alone, up to `cap` entries — no process row read. A broad filter's
 * row-by-row form would read up to `cap` processes and their values
 * (40–100 ms for 10,000 at 1,000,000 processes; the index range: 3 ms).
 * The list uses it only when no other condition applies (`soleDataFilter`);
 * `markBroadFilters` uses it with a cap of BROAD_MATCHES.
 */
export function dataOnlyCountQuery(filter: DataFilter, cap: number) {
  const condition = valueCondition(filter, COLUMN[filter.kind])
  return cappedTotalQuery(
    db
      .from('process_field_values')
      .select(db.raw('1 AS one'))
      .where('workflow_id', filter.workflowId)
      .where('field_key', filter.key)
      .whereRaw(condition.sql, condition.bindings),
    cap
  )
}

/** Words MariaDB's FULLTEXT does not index (InnoDB's default stop list): matched by LIKE instead. */
const INNODB_STOPWORDS = new Set(
  'a about an are as at be by com de en for from how i in is it la of on or that the this to was what when where who will with und www'.split(
    ' '
  )
)
/** InnoDB's `innodb_ft_min_token_size` default. */
const MIN_FULLTEXT_WORD = 3
const MAX_WORDS = 8

/**
 * Free text (`q`): every word must begin a word of the title, reference
 * or a searchable text field. FTS5 on SQLite; FULLTEXT in boolean mode on
 * MySQL/MariaDB, where words it does not index (short, stop words) are
 * checked with LIKE on the candidates' text.
 */
export function applyFreeText(query: any, q: string) {
  const words = [...new Set(wordsOf(q))].slice(0, MAX_WORDS)
  if (words.length === 0) {
    // Nothing searchable was typed (only punctuation): nothing matches.
    if (q.trim() !== '') query.whereRaw('1 = 0')
    return
  }
  const mysql = query.client.dialect.name.startsWith('mysql')
  if (!mysql) {
    const match = words.map((w) => `"${w}"*`).join(' ')
    query.whereIn('processes.id', (sub: any) =>
      sub
        .from('process_search_text')
        .select('rowid')
        .whereRaw('process_search_text MATCH ?', [match])
    )
    return
  }
  const indexed = words.filter((w) => w.length >= MIN_FULLTEXT_WORD && !INNODB_STOPWORDS.has(w))
  const others = words.filter((w) => !indexed.includes(w))
  query.whereIn('processes.id', (sub: any) => {
    sub.from('process_search_text').select('process_id')
    if (indexed.length) {
      sub.whereRaw('MATCH(body) AGAINST (? IN BOOLEAN MODE)', [
        indexed.map((w) => `+${w}*`).join(' '),
      ])
    }
    for (const word of others) sub.whereRaw('body LIKE ?', [`% ${word}%`])
  })
}

/** A driving word with more completions than this (a very short prefix) is not used. */
export const MAX_COMPLETIONS = 20
/** Postings counted per candidate driving word (the fewest drives). */
const DRIVER_COUNT_CAP = 1000

/**
 * How a free-text search reads `process_words` in created_at order: the
 * postings of the driving word's completions, and a prefix check of each
 * other word per process. No completion at all: nothing matches.
 */
export type PostingPlan = { completions: string[]; others: string[] }

/** The first string after every string that begins with `prefix` (code-point order). */
function prefixEnd(prefix: string) {
  const chars = Array.from(prefix)
  let last = chars.pop()!.codePointAt(0)! + 1
  if (last === 0xd800) last = 0xe000 // no surrogate is a character
  return chars.join('') + String.fromCodePoint(last)
}

/** The condition "a word of the process begins with `prefix`" (index range on (process_id, word)). */
function hasPrefix(prefix: string) {
  return {
    sql: 'EXISTS (SELECT 1 FROM process_words w2 WHERE w2.process_id = w.process_id AND w2.word >= ? AND w2.word < ?)',
    bindings: [prefix, prefixEnd(prefix)],
  }
}

/**
 * The plan of the ordered free-text path for `q`, or null when it does
 * not apply (nothing searchable, a word longer than the postings keep, or
 * every word has more than MAX_COMPLETIONS completions): the caller uses
 * FULLTEXT/FTS5 then. Costs one short index read per word for its
 * completions (a loose scan: one seek per distinct word, not per posting)
 * and, with several candidate words, a count of at most
 * DRIVER_COUNT_CAP + 1 postings each, so the rarest word drives.
 */
export async function postingPlan(q: string | null | undefined): Promise<PostingPlan | null> {
  if (!q) return null
  const typed = [...new Set(wordsOf(q))].slice(0, MAX_WORDS)
  if (typed.length === 0 || typed.some((w) => Array.from(w).length > POSTING_WORD_LENGTH)) {
    return null
  }
  const words = [...new Set(typed.map(postingWord).filter((w) => w !== ''))]
  if (words.length === 0) return null
  const candidates: { word: string; completions: string[] }[] = []
  for (const word of words) {
    const completions = await completionsOf(word)
    if (completions.length === 0) return { completions: [], others: [] }
    if (completions.length <= MAX_COMPLETIONS) candidates.push({ word, completions })
  }
  if (candidates.length === 0) return null
  let driver = candidates[0]!
  if (candidates.length > 1) {
    let fewest = Number.POSITIVE_INFINITY
    for (const candidate of candidates) {
      const n = await postingCount(candidate.word)
      if (n < fewest) [fewest, driver] = [n, candidate]
    }
  }
  return { completions: driver.completions, others: words.filter((w) => w !== driver.word) }
}

/**
 * Up to MAX_COMPLETIONS + 1 distinct words beginning with `prefix`, one
 * index seek each (a loose index scan done by hand: `MIN(word)` over a
 * constant range is a single seek on both databases), so a word with
 * 50,000 postings costs what a rare one does. The first statement makes
 * two seeks (the first word, and the next after it, in a scalar subquery
 * over the first's one row): a whole word with no longer completions —
 * most searches — costs one round trip. MariaDB's own loose scan
 * (`SELECT DISTINCT word … LIMIT 21`) is a cost choice it declines when
 * most words are rare, and then reads every posting of the prefix; its
 * recursive CTE does not use the correlated bound for the range either.
 */
async function completionsOf(prefix: string): Promise<string[]> {
  const end = prefixEnd(prefix)
  const first = await db.rawQuery(
    `SELECT first.word AS word,
       (SELECT MIN(w.word) FROM process_words w WHERE w.word > first.word AND w.word < ?) AS next
     FROM (SELECT MIN(word) AS word FROM process_words WHERE word >= ? AND word < ?) first`,
    [end, prefix, end]
  )
  const row = (rowsOf(first) as { word: string | null; next: string | null }[])[0]
  if (row?.word === null || row?.word === undefined) return []
  const words = [String(row.word)]
  if (row.next === null || row.next === undefined) return words
  words.push(String(row.next))
  while (words.length <= MAX_COMPLETIONS) {
    const result = await db.rawQuery(
      'SELECT MIN(word) AS word FROM process_words WHERE word > ? AND word < ?',
      [words.at(-1), end]
    )
    const word = (rowsOf(result) as { word: string | null }[])[0]?.word
    if (word === null || word === undefined) break
    words.push(String(word))
  }
  return words
}

async function postingCount(prefix: string) {
  const result = await db.rawQuery(
    'SELECT COUNT(*) AS n FROM (SELECT 1 FROM process_words WHERE word >= ? AND word < ? LIMIT ?) AS capped',
    [prefix, prefixEnd(prefix), DRIVER_COUNT_CAP + 1]
  )
  return Number((rowsOf(result) as { n: number | string }[])[0]?.n ?? 0)
}

/**
 * Makes a list query (its filters on `processes`, no free text) read the
 * postings of `completions` first and join each posting's process by
 * primary key: STRAIGHT_JOIN (MariaDB) or CROSS JOIN (SQLite) keeps that
 * order, so with `ORDER BY w.created_at, w.process_id` and a LIMIT the
 * read stops after a page of matching rows. The other words are checked
 * per process. The caller selects, orders and limits. `join: false`
 * (nothing to check on the process rows: a count) reads the postings alone.
 */
export function applyPostings<Q extends DatabaseQueryBuilderContract<any> | object>(
  builder: Q,
  plan: PostingPlan,
  completions: string[],
  options: { join?: boolean } = {}
): Q {
  const query = builder as any
  const mysql = query.client.dialect.name.startsWith('mysql')
  query.from('process_words as w')
  if (options.join !== false) {
    query.joinRaw(
      `${mysql ? 'STRAIGHT_JOIN' : 'CROSS JOIN'} processes ON processes.id = w.process_id`
    )
  }
  if (completions.length === 0) query.whereRaw('1 = 0')
  else if (completions.length === 1) query.where('w.word', completions[0])
  else query.whereIn('w.word', completions)
  for (const word of plan.others) {
    const condition = hasPrefix(word)
    query.whereRaw(condition.sql, condition.bindings)
  }
  return builder
}
