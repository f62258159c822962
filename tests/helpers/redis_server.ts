import { spawn, spawnSync, execFile, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { track, stopChild } from '#tests/helpers/children'
import { waitUntil } from '#tests/helpers/wait'

const run = promisify(execFile)

/**
 * Whether this machine can start its own Redis (CI installs it). The
 * resilience tests skip, with this reason, when it cannot.
 */
export function redisServerMissing(): string | null {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' })
  if (probe.error || probe.status !== 0) {
    return 'redis-server is not installed: the resilience tests start their own Redis and are skipped'
  }
  return null
}

function portIsFree(port: number) {
  return new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

const taken = new Set<number>()

/**
 * A free loopback port, chosen at random in 20000–29999 so parallel runs
 * rarely meet; `withBus` also needs port + 10000 free (Redis Cluster's bus).
 */
export async function freePort(withBus = false) {
  for (let i = 0; i < 200; i++) {
    const port = 20000 + Math.floor(Math.random() * 10000)
    if (taken.has(port)) continue
    if (!(await portIsFree(port))) continue
    if (withBus && !(await portIsFree(port + 10000))) continue
    taken.add(port)
    return port
  }
  throw new Error('no free loopback port found')
}

/** PING over a raw socket: true when Redis answers +PONG. */
export function ping(port: number, host = '127.0.0.1') {
  return new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(500, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}

export async function redisCli(port: number, ...args: string[]) {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], {
    timeout: 20_000,
  })
  return stdout
}

/**
 * One redis-server of the test's own, on a loopback port, without
 * persistence: stopping it loses its data, as a crashed cache node would.
 * Never the shared Redis on 6379.
 */
export class RedisServer {
  #child: ChildProcess | null = null
  #output = ''
  readonly dir: string

  constructor(
    public port: number,
    protected options: { cluster?: boolean; dir?: string } = {}
  ) {
    this.dir = options.dir ?? mkdtempSync(join(tmpdir(), 'sf-redis-'))
  }

  static async start(options: { cluster?: boolean; dir?: string } = {}) {
    let lastError: unknown
    for (let attempt = 0; attempt < 5; attempt++) {
      const server = new RedisServer(await freePort(options.cluster), options)
      try {
        await server.start()
        return server
      } catch (error) {
        // Someone took the port between the check and the bind: try another.
        lastError = error
        await server.stop()
      }
    }
    throw lastError
  }

  get running() {
    return Boolean(this.#child && this.#child.exitCode === null && this.#child.signalCode === null)
  }

  get pid() {
    return this.#child?.pid
  }

  async start() {
    if (this.running) return
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--dir',
      this.dir,
      '--maxmemory-policy',
      'noeviction',
    ]
    if (this.options.cluster) {
      args.push(
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        `nodes-${this.port}.conf`,
        '--cluster-node-timeout',
        '5000'
      )
    }
    this.#output = ''
    const child = track(spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] }))
    child.stdout!.on('data', (chunk) => (this.#output += chunk))
    child.stderr!.on('data', (chunk) => (this.#output += chunk))
    this.#child = child
    await waitUntil(
      async () => {
        if (!this.running) throw new Error(`redis-server exited: ${this.#output.slice(-500)}`)
        return ping(this.port)
      },
      { timeoutMs: 10_000, message: `redis-server on ${this.port} to answer PING` }
    )
  }

  /** SIGTERM, as `systemctl stop` would; nothing is saved. */
  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    if (this.#child) await stopChild(this.#child, signal, 5000)
    this.#child = null
  }

  async destroy() {
    await this.stop()
    rmSync(this.dir, { recursive: true, force: true })
  }

  get output() {
    return this.#output
  }
}

/**
 * A Redis Cluster of three masters and no replicas on loopback ports,
 * created with `redis-cli --cluster create`, ready once every node reports
 * cluster_state:ok.
 */
export class RedisCluster {
  nodes: RedisServer[] = []
  readonly dir = mkdtempSync(join(tmpdir(), 'sf-cluster-'))

  static async start(size = 3) {
    const cluster = new RedisCluster()
    try {
      for (let i = 0; i < size; i++) {
        cluster.nodes.push(await RedisServer.start({ cluster: true, dir: cluster.dir }))
      }
      await run(
        'redis-cli',
        [
          '--cluster',
          'create',
          ...cluster.nodes.map((n) => `127.0.0.1:${n.port}`),
          '--cluster-replicas',
          '0',
          '--cluster-yes',
        ],
        { timeout: 30_000 }
      )
      await waitUntil(
        async () => {
          for (const node of cluster.nodes) {
            const info = await redisCli(node.port, 'cluster', 'info')
            if (!/cluster_state:ok/.test(info)) return false
            if (!/cluster_slots_ok:16384/.test(info)) return false
          }
          return true
        },
        { timeoutMs: 20_000, intervalMs: 200, message: 'the cluster to report cluster_state:ok' }
      )
      return cluster
    } catch (error) {
      await cluster.destroy()
      throw error
    }
  }

  /** The seeds, as REDIS_CLUSTER_NODES takes them. */
  get seeds() {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',')
  }

  async destroy() {
    for (const node of this.nodes) await node.stop()
    rmSync(this.dir, { recursive: true, force: true })
  }
}
