import { definitionOf } from '#support/definitions'
import {
  engineCommands,
  slaBreaches,
  transitionDuration,
  transitions,
} from '#support/metrics/instruments'
import { workflowLabel } from '#support/metrics/registry'

type Draft = { type: string }
type Command = {
  process: { workflowVersionId: number }
  event: Draft | (() => Promise<Draft> | Draft)
}
type Result = { event: { type: string }; replayed: boolean }

/**
 * Counts the commands of the engine's write path (`CommitProcessChange`):
 * by workflow, by command — the type of the event it writes
 * (`transitioned`, `assigned`, …) — and by outcome: ok, replayed, conflict
 * (409), refused (422) or error. A command turned away before it decided
 * its event (a stale expectedVersion, a closed process) counts as
 * command "unknown". Successful transitions also feed the transition
 * counter and duration; `sla_breached` events the SLA breach counter.
 */
export function observedCommand() {
  return (_target: object, _key: string, descriptor: PropertyDescriptor) => {
    const handle = descriptor.value as (request: Command) => Promise<Result>
    descriptor.value = function (this: unknown, request: Command) {
      return observe(request, (observed) => handle.call(this, observed))
    }
  }
}

async function observe(request: Command, run: (request: Command) => Promise<Result>) {
  const started = performance.now()
  const given = request.event
  let decided = typeof given === 'function' ? 'unknown' : given.type
  const observed: Command =
    typeof given === 'function'
      ? {
          ...request,
          event: async () => {
            const draft = await given()
            decided = draft.type
            return draft
          },
        }
      : request
  try {
    const result = await run(observed)
    const workflow = await workflowOf(request)
    const command = result.event.type
    engineCommands.inc({ workflow, command, outcome: result.replayed ? 'replayed' : 'ok' })
    if (!result.replayed && command === 'transitioned') {
      transitions.inc({ workflow })
      transitionDuration.observe({ workflow }, (performance.now() - started) / 1000)
    }
    if (!result.replayed && command === 'sla_breached') slaBreaches.inc({ workflow })
    return result
  } catch (error) {
    const status = (error as { status?: unknown }).status
    const outcome = status === 409 ? 'conflict' : status === 422 ? 'refused' : 'error'
    engineCommands.inc({ workflow: await workflowOf(request), command: decided, outcome })
    throw error
  }
}

/** The workflow key (capped), from the definition cache the write path has just used. */
async function workflowOf(request: Command) {
  try {
    const definition = await definitionOf(request.process.workflowVersionId)
    return workflowLabel.value(definition.key)
  } catch {
    return 'unknown'
  }
}
