import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

/**
 * Shared settings of both connections. Models declare their columns
 * themselves, so the generated schema file is switched off: it would differ
 * between SQLite and MySQL.
 */
const shared = {
  migrations: { naturalSort: true, paths: ['database/migrations'] },
  seeders: { paths: ['database/seeders'], naturalSort: true },
  schemaGeneration: { enabled: false },
}

/**
 * MySQL read replicas: DB_READ_HOSTS=h1:3306,h2:3306 sends reads there and
 * writes to DB_WRITE_HOST (or DB_HOST). Lucid alone would route every
 * select to a replica; app/support/sticky_reads.ts adds sticky reads
 * (a request that wrote reads the primary), sends FOR UPDATE and raw writes
 * to the primary and skips replicas that are down or lag behind.
 */
function parseHosts(value: string | undefined) {
  return (value || '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [host, port] = item.split(':')
      return { host: host!, port: Number(port || 3306) }
    })
}

const mysqlConnection = {
  host: env.get('DB_WRITE_HOST') || env.get('DB_HOST') || '127.0.0.1',
  port: env.get('DB_PORT') || 3306,
  user: env.get('DB_USER') || 'root',
  password: env.get('DB_PASSWORD') || '',
  database: env.get('DB_DATABASE') || 'stageflow',
  charset: 'utf8mb4',
  timezone: 'Z',
  dateStrings: false,
  // A dead replica (or primary) must fail a query in seconds, not minutes.
  connectTimeout: 5000,
}

/**
 * The SQLite file's folder is created here, so every entry point
 * (`node ace migration:run` on a fresh clone included) finds it.
 */
const sqliteFile = app.makePath(env.get('SQLITE_FILE') || 'tmp/db.sqlite3')
if (env.get('DB_CONNECTION') === 'sqlite') mkdirSync(dirname(sqliteFile), { recursive: true })

const readHosts = parseHosts(env.get('DB_READ_HOSTS'))

/**
 * How sticky reads behave (see docs/ARCHITECTURE.md, "Scale-out").
 */
export const stickyReads = {
  /** Seconds a browser session keeps reading the primary after it wrote (covers the redirect). */
  stickySeconds: env.get('DB_STICKY_SECONDS') ?? 5,
  /** A replica further behind than this (seconds) is skipped. */
  maxLagSeconds: env.get('DB_REPLICA_MAX_LAG') ?? 5,
  /** How often each replica's health and lag are checked. */
  checkIntervalMs: 1000,
}

/**
 * Transactions on SQLite take the write lock when they begin. Knex opens
 * them with a plain (deferred) `BEGIN`: the lock is taken at the first
 * write, and when another process (a worker, `node ace`) committed in
 * between, that write fails at once with SQLITE_BUSY — the busy timeout
 * does not apply to a read transaction that must become a write one. With
 * `BEGIN IMMEDIATE` a second writer waits (up to busy_timeout) at its
 * BEGIN instead. Within one process nothing changes: the pool has one
 * connection. Knex sends every top-level BEGIN through `prepare`.
 */
function beginImmediate(conn: { prepare: (sql: string) => unknown }) {
  const prepare = conn.prepare.bind(conn)
  conn.prepare = (sql: string) => prepare(sql === 'BEGIN;' ? 'BEGIN IMMEDIATE;' : sql)
}

const dbConfig = defineConfig({
  /**
   * "sqlite" is the embedded default (a file under tmp/, no server);
   * "mysql" talks to MySQL 8 or MariaDB 10.11+.
   */
  connection: env.get('DB_CONNECTION'),

  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: {
        filename: sqliteFile,
      },
      useNullAsDefault: true,
      pool: {
        // WAL lets readers work while a writer commits; foreign keys are off by default in SQLite.
        afterCreate: (conn: any, done: (error: Error | null, conn: any) => void) => {
          conn.pragma('journal_mode = WAL')
          conn.pragma('foreign_keys = ON')
          conn.pragma('busy_timeout = 5000')
          beginImmediate(conn)
          done(null, conn)
        },
      },
      ...shared,
    },

    mysql: {
      client: 'mysql2',
      connection: mysqlConnection,
      ...(readHosts.length
        ? {
            replicas: {
              write: { connection: mysqlConnection },
              read: { connection: readHosts.map((h) => ({ ...mysqlConnection, ...h })) },
            },
          }
        : {}),
      pool: { min: 0, max: 20, acquireTimeoutMillis: 10_000 },
      ...shared,
    },
  },
})

export default dbConfig
