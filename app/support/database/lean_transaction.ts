import db from '@adonisjs/lucid/services/db'
import type { Knex } from 'knex'
import { dbQueryDuration } from '#support/metrics/instruments'
import { markWrite } from '#support/sticky_reads'
import { tracedStatement } from '#support/observability/statement_span'

/** What a statement reports: rows it changed, and the id of a row it inserted. */
export type StatementResult = { changes: number; insertId: number }

/**
 * A transaction on one pooled connection that runs prepared SQL text as
 * it is: no query builder, no model, no per-transaction knex instance.
 * The engine's write path runs several thousand of these a second on one
 * Node thread, and those layers were most of its CPU (docs/benchmarks.md,
 * "Where the engine's time goes"). Everything else keeps using Lucid.
 *
 * The SQL must be portable between MySQL/MariaDB and SQLite (plain
 * identifiers, `?` placeholders); `dialect` is there for what is not.
 */
export interface LeanTransaction {
  readonly dialect: 'mysql' | 'sqlite'
  run(sql: string, bindings: readonly unknown[]): Promise<StatementResult>
  all<Row = Record<string, unknown>>(sql: string, bindings: readonly unknown[]): Promise<Row[]>
  /** INSERT of one or more rows with the same columns; `insertId` is the first row's on MySQL, the last's on SQLite. */
  insert(table: string, rows: readonly Record<string, unknown>[]): Promise<StatementResult>
  /** UPDATE `table` SET `values` WHERE each column of `where` equals its value. */
  update(
    table: string,
    values: Record<string, unknown>,
    where: Record<string, unknown>
  ): Promise<StatementResult>
}

/** SQL text by shape: built once, so a statement costs no string work after the first. */
const texts = new Map<string, string>()

function textOf(key: string, build: () => string) {
  let text = texts.get(key)
  if (text === undefined) {
    text = build()
    if (texts.size > 500) texts.clear()
    texts.set(key, text)
  }
  return text
}

function insertText(table: string, columns: string[], rows: number) {
  return textOf(`i ${table} ${columns.join(',')} ${rows}`, () => {
    const tuple = `(${columns.map(() => '?').join(', ')})`
    return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}`
  })
}

function updateText(table: string, columns: string[], where: string[]) {
  return textOf(`u ${table} ${columns.join(',')} ${where.join(',')}`, () => {
    const set = columns.map((column) => `${column} = ?`).join(', ')
    return `UPDATE ${table} SET ${set} WHERE ${where.map((column) => `${column} = ?`).join(' AND ')}`
  })
}

type Driver = {
  dialect: 'mysql' | 'sqlite'
  execute(connection: any, sql: string, bindings: readonly unknown[], rows: boolean): Promise<any>
}

const mysqlDriver: Driver = {
  dialect: 'mysql',
  execute(connection, sql, bindings, rows) {
    return new Promise((resolve, reject) => {
      connection.query(sql, bindings, (error: Error | null, result: any) => {
        if (error) return reject(error)
        resolve(rows ? result : { changes: result.affectedRows, insertId: result.insertId })
      })
    })
  },
}

/** Prepared statements per SQLite connection: preparing is most of a small statement's cost. */
const prepared = new WeakMap<object, Map<string, any>>()

const sqliteDriver: Driver = {
  dialect: 'sqlite',
  async execute(connection, sql, bindings, rows) {
    let statements = prepared.get(connection)
    if (!statements) prepared.set(connection, (statements = new Map()))
    let statement = statements.get(sql)
    if (!statement) {
      statement = connection.prepare(sql)
      if (statements.size > 200) statements.clear()
      statements.set(sql, statement)
    }
    const values = bindings.map((value) => (typeof value === 'boolean' ? Number(value) : value))
    if (rows) return statement.all(values)
    if (!statement.reader) {
      const { changes, lastInsertRowid } = statement.run(values)
      return { changes, insertId: Number(lastInsertRowid) }
    }
    // BEGIN/COMMIT are not readers; a reader here is a caller's mistake.
    throw new Error(`Use all() for a query that returns rows: ${sql}`)
  },
}

function driverOf(client: Knex.Client): Driver {
  const name = String(client.config.client)
  if (name === 'mysql2' || name === 'mysql') return mysqlDriver
  if (name === 'better-sqlite3') return sqliteDriver
  throw new Error(`Lean transactions do not support the "${name}" client`)
}

const primaryTiming = dbQueryDuration.labels({ connection: 'primary' })

/**
 * Runs `work` in a transaction on the default connection's primary: BEGIN,
 * the statements, COMMIT — or ROLLBACK and the error when anything throws.
 * Each statement is timed in the same histogram as Lucid's queries, traced
 * like the query builder's when tracing is on, and the request's reads
 * stick to the primary afterwards (as after any Lucid transaction).
 */
export async function leanTransaction<T>(work: (trx: LeanTransaction) => Promise<T>): Promise<T> {
  const queryClient = db.connection()
  const client = queryClient.getWriteClient().client as Knex.Client
  const driver = driverOf(client)
  // Reported as `db:query` like Lucid's own queries when the connection has `debug` on.
  const report = queryClient.debug && queryClient.emitter.hasListeners('db:query')
  markWrite()
  const connection = await client.acquireConnection()
  const execute = async (sql: string, bindings: readonly unknown[], rows: boolean) => {
    const started = performance.now()
    const startedAt = report ? process.hrtime() : undefined
    try {
      return await tracedStatement(driver.dialect, sql, () =>
        driver.execute(connection, sql, bindings, rows)
      )
    } finally {
      primaryTiming.observe((performance.now() - started) / 1000)
      if (startedAt) {
        queryClient.emitter.emit('db:query', {
          connection: queryClient.connectionName,
          inTransaction: true,
          method: 'raw',
          sql,
          bindings: [...bindings],
          duration: process.hrtime(startedAt),
        } as any)
      }
    }
  }
  const trx: LeanTransaction = {
    dialect: driver.dialect,
    run: (sql, bindings) => execute(sql, bindings, false),
    all: (sql, bindings) => execute(sql, bindings, true),
    insert(table, rows) {
      const columns = Object.keys(rows[0]!)
      const bindings: unknown[] = []
      for (const row of rows) for (const column of columns) bindings.push(row[column] ?? null)
      return execute(insertText(table, columns, rows.length), bindings, false)
    },
    update(table, values, where) {
      const columns = Object.keys(values)
      const keys = Object.keys(where)
      const bindings = [...columns, ...keys].map((column, i) =>
        i < columns.length ? (values[column] ?? null) : where[column]
      )
      return execute(updateText(table, columns, keys), bindings, false)
    },
  }
  try {
    await execute('BEGIN', [], false)
    const result = await work(trx)
    await execute('COMMIT', [], false)
    return result
  } catch (error) {
    // After a failed statement or COMMIT (SQLite keeps the transaction open on a busy COMMIT).
    await execute('ROLLBACK', [], false).catch(() => {})
    throw error
  } finally {
    await client.releaseConnection(connection)
  }
}
