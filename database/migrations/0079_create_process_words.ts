import { BaseSchema } from '@adonisjs/lucid/schema'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import { postingWordsOf } from '#engine/search_fields'
import { instantOfSql, sqlTime } from '#support/sql_time'

/** Processes per backfill transaction, and rows per INSERT statement. */
const BATCH = 1000
const ROWS_PER_INSERT = 1000
/** A progress line every this many batches. */
const LOG_EVERY = 50

/**
 * Ordered word postings for free text (docs/ARCHITECTURE.md, "Free text:
 * ordered word postings"): one row per distinct word of a process's
 * search text, keyed (word, created_at, process_id), so the processes with
 * a word come out of the index newest first and a page of a search costs
 * a page, not every match. (process_id, word) serves the per-process
 * checks of the other words, the write path's deletes and the cascade.
 *
 * Backfilled from `process_search_text` in batches, each its own
 * transaction (the migration runs without one): a run that stops halfway
 * resumes after the highest process id already done.
 */
export default class extends BaseSchema {
  static disableTransactions = true

  async up() {
    const mysql = this.db.dialect.name.startsWith('mysql')
    if (mysql) {
      // utf8mb4_bin: words compare as the code points the app wrote (no two
      // words one key under a folding collation; a prefix is a byte range).
      this.schema.raw(`CREATE TABLE IF NOT EXISTS process_words (
        word VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        created_at TIMESTAMP NOT NULL,
        process_id INT UNSIGNED NOT NULL,
        PRIMARY KEY (word, created_at, process_id),
        KEY process_words_process_index (process_id, word),
        CONSTRAINT process_words_process_id_foreign FOREIGN KEY (process_id)
          REFERENCES processes (id) ON DELETE CASCADE
      ) ENGINE = InnoDB`)
    } else {
      this.schema.raw(`CREATE TABLE IF NOT EXISTS process_words (
        word VARCHAR(40) NOT NULL,
        created_at DATETIME NOT NULL,
        process_id INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
        PRIMARY KEY (word, created_at, process_id)
      ) WITHOUT ROWID`)
      this.schema.raw(
        'CREATE INDEX IF NOT EXISTS process_words_process_index ON process_words (process_id, word)'
      )
    }
    this.defer((client) => backfill(client, mysql))
  }

  async down() {
    this.schema.dropTableIfExists('process_words')
  }
}

async function backfill(client: QueryClientContract, mysql: boolean) {
  const [done] = await client.from('process_words').max('process_id as last')
  let lastId = Number(done?.last ?? 0)
  const started = Date.now()
  let batches = 0
  let processes = 0
  let postings = 0
  const idColumn = mysql ? 't.process_id' : 't.rowid'
  for (;;) {
    const rows: { id: number; body: string; created_at: unknown }[] = await client
      .from('process_search_text as t')
      .join('processes as p', 'p.id', idColumn)
      .where(idColumn, '>', lastId)
      .orderBy(idColumn)
      .limit(BATCH)
      .select(`${idColumn} as id`, 't.body', 'p.created_at')
    if (rows.length === 0) break
    const tuples: unknown[][] = []
    for (const row of rows) {
      const createdAt = sqlTime(new Date(instantOfSql(row.created_at) ?? 0))
      for (const word of postingWordsOf(row.body)) tuples.push([word, createdAt, Number(row.id)])
    }
    await client.transaction(async (trx) => {
      for (let i = 0; i < tuples.length; i += ROWS_PER_INSERT) {
        const chunk = tuples.slice(i, i + ROWS_PER_INSERT)
        await trx.rawQuery(
          `INSERT INTO process_words (word, created_at, process_id) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
          chunk.flat() as any[]
        )
      }
    })
    lastId = Number(rows.at(-1)!.id)
    processes += rows.length
    postings += tuples.length
    if (++batches % LOG_EVERY === 0) {
      logger.info(
        `process_words: ${processes} processes, ${postings} postings (${Math.round((Date.now() - started) / 1000)} s)`
      )
    }
  }
  if (processes) {
    logger.info(
      `process_words: backfilled ${postings} postings of ${processes} processes in ${Date.now() - started} ms`
    )
  }
}
