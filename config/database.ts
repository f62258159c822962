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
        filename: app.makePath(env.get('SQLITE_FILE') || 'tmp/db.sqlite3'),
      },
      useNullAsDefault: true,
      pool: {
        // WAL lets readers work while a writer commits; foreign keys are off by default in SQLite.
        afterCreate: (conn: any, done: (error: Error | null, conn: any) => void) => {
          conn.pragma('journal_mode = WAL')
          conn.pragma('foreign_keys = ON')
          conn.pragma('busy_timeout = 5000')
          done(null, conn)
        },
      },
      ...shared,
    },

    mysql: {
      client: 'mysql2',
      connection: {
        host: env.get('DB_HOST') || '127.0.0.1',
        port: env.get('DB_PORT') || 3306,
        user: env.get('DB_USER') || 'root',
        password: env.get('DB_PASSWORD') || '',
        database: env.get('DB_DATABASE') || 'stageflow',
        charset: 'utf8mb4',
        timezone: 'Z',
        dateStrings: false,
      },
      pool: { min: 0, max: 20 },
      ...shared,
    },
  },
})

export default dbConfig
