import { spawn, spawnSync, execFile, type ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import mysql from 'mysql2/promise'
import { track, stopChild } from '#tests/helpers/children'
import { freePort } from '#tests/helpers/redis_server'
import { waitUntil } from '#tests/helpers/wait'

const run = promisify(execFile)

/** Why this machine cannot start its own MariaDB, or null when it can. */
export function mariadbMissing(): string | null {
  const probe = spawnSync('/usr/sbin/mariadbd', ['--version'], { encoding: 'utf8' })
  if (probe.error || probe.status !== 0)
    return 'mariadbd is not installed (apt-get install mariadb-server)'
  return null
}

/** The login every test server gets (created over the unix socket at start). */
export const TEST_USER = { user: 'sf', password: 'sf-test' }

/**
 * A MariaDB server of the test's own: its own datadir (mariadb-install-db),
 * a random loopback port, a unix socket for setup, binary log on so it can
 * be a replication primary. Never the system MariaDB on 3306.
 */
export class MariaDbServer {
  #child: ChildProcess | null = null
  #output = ''
  readonly dataDir: string
  readonly tmpDir: string
  readonly socket: string

  constructor(
    readonly dir: string,
    readonly port: number,
    readonly serverId: number
  ) {
    this.dataDir = join(dir, 'data')
    // Temporary tables of its own: in the shared /tmp they have been seen to
    // vanish mid-bootstrap ("Could not remove temporary table … error: 2").
    this.tmpDir = join(dir, 'tmp')
    this.socket = join(dir, 'mysqld.sock')
  }

  static async start(dir: string, serverId: number) {
    mkdirSync(dir, { recursive: true })
    const server = new MariaDbServer(dir, await freePort(), serverId)
    await server.install()
    await server.start()
    return server
  }

  async install() {
    const user = process.getuid?.() === 0 ? ['--user=root'] : []
    mkdirSync(this.tmpDir, { recursive: true })
    await run(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${this.dataDir}`,
        `--tmpdir=${this.tmpDir}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        ...user,
      ],
      { timeout: 60_000 }
    )
  }

  get running() {
    return Boolean(this.#child && this.#child.exitCode === null && this.#child.signalCode === null)
  }

  async start() {
    const args = [
      '--no-defaults',
      `--datadir=${this.dataDir}`,
      `--tmpdir=${this.tmpDir}`,
      `--socket=${this.socket}`,
      `--pid-file=${join(this.dir, 'mysqld.pid')}`,
      `--port=${this.port}`,
      '--bind-address=127.0.0.1',
      '--skip-name-resolve',
      `--server-id=${this.serverId}`,
      '--log-bin=mysql-bin',
      '--binlog-format=ROW',
      '--log-slave-updates',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      // Small and quick: a test server, not a production one.
      '--innodb-buffer-pool-size=32M',
      '--innodb-log-file-size=16M',
      '--innodb-flush-log-at-trx-commit=2',
      '--sync-binlog=0',
      '--performance-schema=OFF',
      '--max-connections=300',
      '--skip-log-error',
    ]
    if (process.getuid?.() === 0) args.push('--user=root')
    this.#output = ''
    const child = track(spawn('/usr/sbin/mariadbd', args, { stdio: ['ignore', 'pipe', 'pipe'] }))
    child.stdout!.on('data', (chunk) => (this.#output += chunk))
    child.stderr!.on('data', (chunk) => (this.#output += chunk))
    this.#child = child
    await waitUntil(
      async () => {
        if (!this.running) throw new Error(`mariadbd exited: ${this.#output.slice(-800)}`)
        const connection = await mysql.createConnection({ socketPath: this.socket, user: 'root' })
        await connection.end()
        return true
      },
      {
        timeoutMs: 30_000,
        intervalMs: 100,
        message: `mariadbd on ${this.port} to accept connections`,
      }
    )
    // The app's login, over TCP. Not written to the binary log: each server
    // of a replication pair creates its own.
    await this.query(
      `SET sql_log_bin = 0;
       CREATE USER IF NOT EXISTS '${TEST_USER.user}'@'127.0.0.1' IDENTIFIED BY '${TEST_USER.password}';
       GRANT ALL PRIVILEGES ON *.* TO '${TEST_USER.user}'@'127.0.0.1';
       SET sql_log_bin = 1;`
    )
  }

  /** Runs SQL as root over the socket (several statements allowed). */
  async query(sql: string, values: unknown[] = []) {
    const connection = await mysql.createConnection({
      socketPath: this.socket,
      user: 'root',
      multipleStatements: true,
    })
    try {
      const [rows] = await connection.query(sql, values)
      return rows as any
    } finally {
      await connection.end()
    }
  }

  /** Connection settings of the app's login over TCP. */
  connection(database?: string) {
    return { host: '127.0.0.1', port: this.port, ...TEST_USER, ...(database ? { database } : {}) }
  }

  get pid() {
    return this.#child?.pid
  }

  get output() {
    return this.#output
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    if (this.#child) await stopChild(this.#child, signal, 10_000)
    this.#child = null
  }

  async destroy() {
    await this.stop()
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/**
 * Makes `replica` replicate everything `primary` writes from now on
 * (GTID-based), and waits until both replication threads run. With
 * `delaySeconds` the replica applies each change that much later
 * (MASTER_DELAY): a replica that is always a little stale.
 */
export async function startReplication(
  primary: MariaDbServer,
  replica: MariaDbServer,
  delaySeconds = 0
) {
  await primary.query(
    `SET sql_log_bin = 0;
     CREATE USER IF NOT EXISTS 'repl'@'127.0.0.1' IDENTIFIED BY 'repl';
     GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';
     SET sql_log_bin = 1;`
  )
  const [{ pos }] = await primary.query('SELECT @@gtid_binlog_pos AS pos')
  await replica.query(
    `SET GLOBAL gtid_slave_pos = ?;
     CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ${primary.port},
       MASTER_USER = 'repl', MASTER_PASSWORD = 'repl', MASTER_USE_GTID = slave_pos,
       MASTER_CONNECT_RETRY = 1, MASTER_DELAY = ${Math.round(delaySeconds)};
     SET GLOBAL read_only = ON;
     START SLAVE;`,
    [pos ?? '']
  )
  await waitUntil(
    async () => {
      const [status] = await replica.query('SHOW SLAVE STATUS')
      if (status?.Last_IO_Error || status?.Last_SQL_Error) {
        throw new Error(`replication error: ${status.Last_IO_Error || status.Last_SQL_Error}`)
      }
      return status?.Slave_IO_Running === 'Yes' && status?.Slave_SQL_Running === 'Yes'
    },
    { timeoutMs: 20_000, intervalMs: 100, message: 'replication to start' }
  )
}
