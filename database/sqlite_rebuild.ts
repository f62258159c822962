import databaseConfig from '#config/database'

/**
 * Whether migrations run on SQLite, which drops or changes a column by
 * rebuilding the table. For a table other tables reference (users,
 * workflows, processes…) the rebuild needs foreign-key checks off, and
 * SQLite ignores that PRAGMA inside a transaction: such migrations set
 * `static disableTransactions = SQLITE_REBUILDS_TABLES`. On MySQL/MariaDB
 * they keep their transaction (and the migration lock keeps its connection).
 */
export const SQLITE_REBUILDS_TABLES =
  databaseConfig.connections[databaseConfig.connection]?.client === 'better-sqlite3'
