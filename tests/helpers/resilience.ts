import type { Group } from '@japa/runner/core'
import { redisServerMissing, RedisServer } from '#tests/helpers/redis_server'
import { stopAll, WorkerProcess } from '#tests/helpers/worker_process'
import type { QueueProbe } from '#tests/helpers/queue_probe'

/**
 * Why the resilience tests cannot run here (no redis-server), printed
 * once; null when they can.
 */
export const SKIP_REASON = redisServerMissing()
if (SKIP_REASON) console.warn(`[resilience] ${SKIP_REASON}`)

/**
 * A redis-server of the group's own, started before its first test and
 * stopped after its last (tests may stop and start it in between).
 */
export function ownRedis(group: Group) {
  const holder: { server: RedisServer | null } = { server: null }
  group.setup(async () => {
    if (!SKIP_REASON) holder.server = await RedisServer.start()
  })
  group.teardown(async () => {
    await holder.server?.destroy()
    holder.server = null
  })
  return {
    get server() {
      if (!holder.server) throw new Error('the group Redis is not running')
      return holder.server
    },
  }
}

/**
 * What a test spawned, stopped at its end whatever happened: workers
 * (SIGTERM, then SIGKILL) and probes.
 */
export class Spawned {
  workers: WorkerProcess[] = []
  probes: QueueProbe[] = []
  extra: (() => Promise<unknown>)[] = []

  /**
   * Spawns `node ace queue:work` and waits for its "working" line; the
   * process is tracked from the spawn on, so a failed start is cleaned
   * up too.
   */
  async worker(name: string, env: NodeJS.ProcessEnv, args: string[] = []) {
    const worker = new WorkerProcess(name, env, args)
    this.workers.push(worker)
    await worker.ready()
    if (process.env.RESILIENCE_DEBUG)
      report(`worker ${name} ready in ${Math.round(performance.now() - worker.startedAt)} ms`)
    return worker
  }

  /** Several at once (each boot takes a few seconds). */
  workersTogether(specs: [name: string, env: NodeJS.ProcessEnv, args?: string[]][]) {
    return Promise.all(specs.map(([name, env, args]) => this.worker(name, env, args)))
  }

  probe<T extends QueueProbe>(probe: T) {
    this.probes.push(probe)
    return probe
  }

  async cleanup() {
    const t0 = performance.now()
    await stopAll(this.workers)
    if (process.env.RESILIENCE_DEBUG)
      report(`cleanup: workers stopped in ${Math.round(performance.now() - t0)} ms`)
    for (const probe of this.probes) await probe.close()
    for (const step of this.extra) await step().catch(() => {})
  }

  /** Every worker's recent output, for a failure message. */
  dump() {
    return this.workers
      .map((w) => `--- worker ${w.name} (pid ${w.pid})\n${w.tail(2000)}`)
      .join('\n')
  }
}

/** How many times each id occurs. */
export function tally(ids: string[]) {
  const counts = new Map<string, number>()
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1)
  return counts
}

/** One line for the test output: what was measured. */
export function report(line: string) {
  console.log(`    [resilience] ${line}`)
}
