import type { DateTime } from 'luxon'
import type { LeanTransaction } from '#support/database/lean_transaction'
import type { WorkflowDefinition } from '#engine/definition'
import type { ProcessState } from '#engine/replay'
import { sqlTime } from '#support/sql_time'
import {
  indexedValue,
  postingWordsOf,
  searchBody,
  searchableFieldsOf,
  type SearchableField,
} from '#engine/search_fields'

/**
 * The search index, written by the write path inside its transaction:
 * `process_field_values` (typed values of searchable fields) and
 * `process_search_text` (the words of title, reference and searchable
 * text fields; FULLTEXT on MySQL/MariaDB, FTS5 on SQLite) with its
 * ordered postings `process_words` (one row per distinct word, keyed by
 * the process's created_at, so a search reads its matches newest first).
 *
 * A change to a process of a version without searchable fields whose
 * title did not change costs two cached lookups and writes nothing.
 */

/** What the index needs of a process row. */
export type IndexedProcess = {
  id: number
  workflowId: number
  reference: string
  title: string
  workflowVersionId: number
  data: Record<string, unknown>
  /** Never changes: the postings' order. */
  createdAt: DateTime | Date
}

/**
 * After a change (in the change's transaction): the changed searchable
 * values in one upsert, and the free-text row when its words changed.
 * Returns undefined (no promise, nothing to await for) when there is
 * nothing to write.
 */
export function indexProcessChange(
  client: LeanTransaction,
  before: IndexedProcess,
  next: ProcessState,
  resolve: (versionId: number) => WorkflowDefinition
): Promise<void> | undefined {
  const fields = searchableFieldsOf(resolve(next.workflowVersionId))
  const versionChanged = next.workflowVersionId !== before.workflowVersionId
  const oldFields = versionChanged ? searchableFieldsOf(resolve(before.workflowVersionId)) : fields
  if (fields.length === 0 && oldFields.length === 0 && next.title === before.title) return
  return writeChange(client, before, next, fields, oldFields, versionChanged)
}

async function writeChange(
  client: LeanTransaction,
  before: IndexedProcess,
  next: ProcessState,
  fields: SearchableField[],
  oldFields: SearchableField[],
  versionChanged: boolean
) {
  const changed = versionChanged
    ? fields
    : fields.filter((field) => !sameValue(before.data[field.key], next.data[field.key]))
  await upsertValues(client, before.id, before.workflowId, changed, next.data)
  if (versionChanged) {
    const kept = new Set(fields.map((field) => field.key))
    const dropped = oldFields.filter((field) => !kept.has(field.key)).map((field) => field.key)
    if (dropped.length) {
      await client.run(
        `DELETE FROM process_field_values WHERE process_id = ? AND field_key IN (${dropped.map(() => '?').join(', ')})`,
        [before.id, ...dropped]
      )
    }
  }
  if (
    versionChanged ||
    next.title !== before.title ||
    changed.some((field) => field.kind === 'text')
  ) {
    // The words written last time, from the state before: only the difference is written.
    const previous = postingWordsOf(
      searchBody(before.title, before.reference, oldFields, before.data)
    )
    await writeText(
      client,
      before.id,
      before.workflowId,
      // Named, not spread: a model's columns are accessors, not own properties.
      {
        reference: before.reference,
        title: next.title,
        data: next.data,
        fields,
        createdAt: before.createdAt,
      },
      previous
    )
  }
}

/**
 * A new process (in the start transaction: `fresh`, it has no postings
 * yet), or any process again (`search:rebuild`, a restore: its postings
 * are replaced).
 */
export async function indexWholeProcess(
  client: LeanTransaction,
  process: IndexedProcess,
  definition: WorkflowDefinition,
  options: { fresh?: boolean } = {}
) {
  const fields = searchableFieldsOf(definition)
  await upsertValues(client, process.id, process.workflowId, fields, process.data)
  await writeText(
    client,
    process.id,
    process.workflowId,
    { ...process, fields },
    options.fresh ? [] : null
  )
}

/** One statement for all the values (insert, or update the existing row). */
async function upsertValues(
  client: LeanTransaction,
  processId: number,
  workflowId: number,
  fields: SearchableField[],
  data: Record<string, unknown>
) {
  if (fields.length === 0) return
  const rows = fields.map((field) => ({
    process_id: processId,
    workflow_id: workflowId,
    field_key: field.key,
    ...indexedValue(field.kind, data[field.key]),
  }))
  const tuples = rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')
  const bindings = rows.flatMap((row) => [
    row.process_id,
    row.workflow_id,
    row.field_key,
    row.num_value,
    row.text_value,
    row.date_value,
  ])
  const insert = `INSERT INTO process_field_values (process_id, workflow_id, field_key, num_value, text_value, date_value) VALUES ${tuples}`
  await client.run(
    client.dialect === 'mysql'
      ? `${insert} ON DUPLICATE KEY UPDATE workflow_id = VALUES(workflow_id), num_value = VALUES(num_value), text_value = VALUES(text_value), date_value = VALUES(date_value)`
      : `${insert} ON CONFLICT (process_id, field_key) DO UPDATE SET workflow_id = excluded.workflow_id, num_value = excluded.num_value, text_value = excluded.text_value, date_value = excluded.date_value`,
    bindings
  )
}

/**
 * The free-text row and its postings. `previous` are the posting words
 * written before (null: unknown, all are deleted first): only the words
 * that changed are written, so a title edit touches a few index entries,
 * not every word's.
 */
async function writeText(
  client: LeanTransaction,
  processId: number,
  workflowId: number,
  source: {
    title: string
    reference: string
    data: Record<string, unknown>
    fields: SearchableField[]
    createdAt: DateTime | Date
  },
  previous: string[] | null
) {
  const body = searchBody(source.title, source.reference, source.fields, source.data)
  await writePostings(client, processId, source.createdAt, postingWordsOf(body), previous)
  if (client.dialect === 'mysql') {
    await client.run(
      'INSERT INTO process_search_text (process_id, workflow_id, body) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE body = VALUES(body)',
      [processId, workflowId, body]
    )
  } else {
    // FTS5 has no upsert; REPLACE on its rowid (= the process id) does the same.
    await client.run(
      'INSERT OR REPLACE INTO process_search_text (rowid, body, workflow_id) VALUES (?, ?, ?)',
      [processId, body, workflowId]
    )
  }
}

async function writePostings(
  client: LeanTransaction,
  processId: number,
  createdAt: DateTime | Date,
  words: string[],
  previous: string[] | null
) {
  let added = words
  if (previous === null) {
    await client.run('DELETE FROM process_words WHERE process_id = ?', [processId])
  } else {
    const kept = new Set(words)
    const removed = previous.filter((word) => !kept.has(word))
    const had = new Set(previous)
    added = words.filter((word) => !had.has(word))
    if (removed.length) {
      await client.run(
        `DELETE FROM process_words WHERE process_id = ? AND word IN (${removed.map(() => '?').join(', ')})`,
        [processId, ...removed]
      )
    }
  }
  if (added.length === 0) return
  const at = sqlTime(createdAt)
  // A posting already there (an index that drifted) is kept, not an error.
  const insert = `INSERT INTO process_words (word, created_at, process_id) VALUES ${added.map(() => '(?, ?, ?)').join(', ')}`
  await client.run(
    client.dialect === 'mysql'
      ? `${insert} ON DUPLICATE KEY UPDATE process_id = process_id`
      : `${insert} ON CONFLICT DO NOTHING`,
    added.flatMap((word) => [word, at, processId])
  )
}

function sameValue(a: unknown, b: unknown) {
  if (a === b) return true
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null)
    return JSON.stringify(a) === JSON.stringify(b)
  return false
}
