import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { wordsOf, type FilterOperator, type SearchKind } from '#engine/search_fields'

/**
 * The SQL of search on process data (issue 22), used by `Process.filtered`:
 * data-field filters over `process_field_values` and free text over
 * `process_search_text` (written by app/actions/search/process_index.ts).
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
}

/** Above this many matches a data filter is checked row by row, in the list's order. */
export const BROAD_MATCHES = 2000

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
 * up to that many + 1 index entries of (workflow, field, value).
 */
export async function markBroadFilters(filters: DataFilter[]) {
  for (const filter of filters) {
    const [row] = await dataOnlyCountQuery(filter, BROAD_MATCHES)
    filter.broad = Number(row?.total ?? 0) > BROAD_MATCHES
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
  return db
    .from(
      db
        .from('process_field_values')
        .select(db.raw('1 AS one'))
        .where('workflow_id', filter.workflowId)
        .where('field_key', filter.key)
        .whereRaw(condition.sql, condition.bindings)
        .limit(cap + 1)
        .as('matching')
    )
    .count('* as total')
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
