import { dbQueryDuration } from '#support/metrics/instruments'

/**
 * Set on a Lucid query runner by the sticky-read router when it sent the
 * query to a replica; everything else ran on the primary.
 */
export const RAN_ON_REPLICA = Symbol('stageflow.ranOnReplica')

let installed = false

/**
 * Times every database query by connection (primary or replica). Lucid
 * runs each query through one method of its query runner (`executeQuery`,
 * inside or outside a transaction, raw or built); it is wrapped once per
 * process. Reached through the package's files like sticky reads are, and
 * checked, so a Lucid upgrade that moves it fails at boot.
 */
export async function installQueryTiming() {
  if (installed) return
  const runnerUrl = new URL('./src/query_runner/index.js', import.meta.resolve('@adonisjs/lucid'))
  const { QueryRunner } = await import(runnerUrl.href)
  const proto = QueryRunner?.prototype
  if (typeof proto?.executeQuery !== 'function') {
    throw new Error('Query metrics: this Lucid version has no QueryRunner.executeQuery')
  }
  const execute = proto.executeQuery as (query: unknown) => Promise<unknown>
  proto.executeQuery = async function (this: Record<symbol, unknown>, query: unknown) {
    const started = performance.now()
    try {
      return await execute.call(this, query)
    } finally {
      dbQueryDuration.observe(
        { connection: this[RAN_ON_REPLICA] ? 'replica' : 'primary' },
        (performance.now() - started) / 1000
      )
    }
  }
  installed = true
}
