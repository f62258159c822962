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
}

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

/**
 * Each filter as `processes.id IN (an index range of process_field_values)`:
 * (workflow, field, value) is the index, so the cost follows the matches.
 */
export function applyDataFilters(
  query: DatabaseQueryBuilderContract<any> | any,
  filters: DataFilter[]
) {
  for (const filter of filters) {
    query.whereIn('processes.id', (sub: DatabaseQueryBuilderContract<any>) => {
      sub
        .from('process_field_values')
        .select('process_id')
        .where('workflow_id', filter.workflowId)
        .where('field_key', filter.key)
      const column = COLUMN[filter.kind]
      if (filter.op === 'contains') {
        sub.whereRaw(`LOWER(${column}) LIKE ? ESCAPE '!'`, [
          `%${String(filter.value).toLowerCase().replace(/[!%_]/g, '!$&')}%`,
        ])
      } else {
        sub.where(column, SQL_OPERATOR[filter.op], filter.value)
      }
    })
  }
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
