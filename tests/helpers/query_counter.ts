import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'

/**
 * Counts the SQL queries run while `work` runs (in this process: the test
 * HTTP server shares it).
 *
 * How, in Lucid 22: every query reports itself through the app emitter as
 * a `db:query` event, but only when its query client has `debug` on, and a
 * client copies `debug` from the connection config when it is created
 * (`db.connection()` creates one per call; models and preloads do too).
 * So the counter switches `debug` on in the live connection config for
 * the duration and listens to `db:query`. Queries inside transactions
 * report the same way. Nothing else is patched.
 *
 * Set LOG_QUERY_COUNTS=1 to print each count (and the SQL) while tuning.
 */
export async function countQueries<T>(work: () => Promise<T>): Promise<{
  result: T
  count: number
  queries: string[]
  statements: { sql: string; bindings: unknown[] }[]
}> {
  const connection = db.getRawConnection(db.primaryConnectionName)!.connection!
  const config = connection.config as { debug?: boolean }
  const before = config.debug
  const queries: string[] = []
  const statements: { sql: string; bindings: unknown[] }[] = []
  const listener = (query: { sql: string; bindings?: unknown[] }) => {
    queries.push(query.sql)
    statements.push({ sql: query.sql, bindings: query.bindings ?? [] })
  }

  config.debug = true
  emitter.on('db:query', listener)
  try {
    const result = await work()
    if (process.env.LOG_QUERY_COUNTS) {
      console.log(`${queries.length} queries:\n  ${queries.join('\n  ')}`)
    }
    return { result, count: queries.length, queries, statements }
  } finally {
    emitter.off('db:query', listener)
    config.debug = before
  }
}

/** Every statement `work` runs, with its bindings. */
export async function statementsOf(work: () => Promise<unknown>) {
  const { statements } = await countQueries(work)
  return statements
}
