import { DateTime } from 'luxon'
import { HEARTBEAT_ALIVE_SECONDS, type EngineHealth } from '#actions/admin/check_engine_health'
import OutboxProblemTransformer from '#transformers/outbox_problem_transformer'
import WorkerHeartbeatTransformer from '#transformers/worker_heartbeat_transformer'
import StalledProcessTransformer from '#transformers/stalled_process_transformer'

/** Default for "no event for N days" when the page or the API call does not say. */
export const STALLED_AFTER_DAYS = 7

/**
 * Engine health as Admin → Engine health and GET /api/v1/admin/engine show
 * it: the outbox backlog and its problems, workers' heartbeats, stalled
 * processes.
 */
export function engineHealthView(health: EngineHealth) {
  const { outbox, stalled } = health
  return {
    driver: health.driver,
    checkedAt: health.checkedAt.toISO()!,
    aliveWithinSeconds: HEARTBEAT_ALIVE_SECONDS,
    outbox: {
      due: outbox.due,
      scheduled: outbox.scheduled,
      oldestDueSeconds: outbox.oldestDueSeconds,
      failed: outbox.failed,
    },
    outboxProblems: OutboxProblemTransformer.transform(outbox.problems),
    workers: WorkerHeartbeatTransformer.transform(health.workers),
    stalled: { days: stalled.days, total: stalled.total },
    stalledProcesses: StalledProcessTransformer.transform(stalled.processes, {
      definitions: stalled.definitions,
      now: DateTime.now(),
    }),
  }
}
