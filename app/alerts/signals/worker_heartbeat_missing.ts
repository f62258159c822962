import db from '@adonisjs/lucid/services/db'
import type { SignalReader } from '#alerts/signals/signal'
import { sqlTime } from '#support/sql_time'

/** A worker silent for this long is taken as retired (scaled down), not missing. */
const RETIRED_AFTER_HOURS = 24

/**
 * Workers whose heartbeat (written every 10 s by `queue:work`, see
 * app/queue/worker_health.ts) is older than the window. A worker that
 * stops cleanly removes its row; one that dies leaves it, and counts here
 * until it is back or a day has passed.
 */
const workerHeartbeatMissing: SignalReader = async ({ windowSeconds, at }) => {
  const row = await db
    .from('worker_heartbeats')
    .where('beat_at', '<', sqlTime(at.minus({ seconds: windowSeconds }))!)
    .where('beat_at', '>=', sqlTime(at.minus({ hours: RETIRED_AFTER_HOURS }))!)
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}

export default workerHeartbeatMissing
