import { protectionReport } from '#automation/protection'
import { StateStore } from '#automation/state_store'
import type { SignalReader } from '#alerts/signals/signal'

/** Where the evaluator remembers since when each host's breaker has not been closed. */
const MEMORY = { scope: 'global', key: 'alerts.circuits_open_since' } as const

/**
 * The longest time any host's circuit breaker has stayed away from closed
 * (open, or half-open between trial calls). A breaker opens for a cooldown
 * and then tries again, so "open for 5 minutes" is remembered across
 * evaluations in the state store: the first evaluation that sees a host
 * not closed notes the time; one that sees it closed forgets it.
 */
const circuitOpenSeconds: SignalReader = async ({ at }) => {
  const store = new StateStore()
  const now = at.toMillis()
  const report = await protectionReport(now)
  const entry = await store.get(MEMORY.scope, MEMORY.key)
  const remembered = (entry?.value ?? {}) as Record<string, number>
  const since: Record<string, number> = {}
  for (const host of report) {
    if (host.state !== 'closed') since[host.host] = remembered[host.host] ?? now
  }
  if (JSON.stringify(since) !== JSON.stringify(remembered)) {
    await store.set(MEMORY.scope, MEMORY.key, since)
  }
  const longest = Math.max(0, ...Object.values(since).map((from) => now - from))
  return Math.floor(longest / 1000)
}

export default circuitOpenSeconds
