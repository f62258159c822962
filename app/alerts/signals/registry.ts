import type { AlertSignal } from '#enums/alert_signal'
import type { SignalReader } from '#alerts/signals/signal'

/**
 * Every signal's reader, loaded lazily. Typed by the ALERT_SIGNALS union:
 * a signal without a reader does not compile.
 */
export const SIGNAL_READERS: Record<AlertSignal, () => Promise<{ default: SignalReader }>> = {
  outbox_oldest_pending_seconds: () => import('#alerts/signals/outbox_oldest_pending_seconds'),
  failed_jobs: () => import('#alerts/signals/failed_jobs'),
  worker_heartbeat_missing: () => import('#alerts/signals/worker_heartbeat_missing'),
  circuit_open_seconds: () => import('#alerts/signals/circuit_open_seconds'),
  stalled_processes: () => import('#alerts/signals/stalled_processes'),
  sla_breaches: () => import('#alerts/signals/sla_breaches'),
}
