import type { SignalReader } from '#alerts/signals/signal'
import { readOutboxBacklog } from '#support/outbox_backlog'

/**
 * How long the oldest due, unpublished outbox message has waited (the
 * metric stageflow_outbox_oldest_pending_age_seconds): grows while the
 * relay cannot publish, e.g. while Redis is down. Read from the database
 * only, so it works when the queue does not.
 */
const outboxOldestPendingSeconds: SignalReader = async ({ at }) => {
  const backlog = await readOutboxBacklog(at)
  return Math.floor(backlog.oldestSeconds)
}

export default outboxOldestPendingSeconds
