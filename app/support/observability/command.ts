import logger from '@adonisjs/core/services/logger'
import { cachedDefinitionOf, definitionOf } from '#support/definitions'
import {
  engineCommands,
  slaBreaches,
  transitionDuration,
  transitions,
} from '#support/metrics/instruments'
import { workflowLabel } from '#support/metrics/registry'
import { annotateLogContext } from '#support/observability/log_context'
import { inSpan, tracingEnabled } from '#support/observability/tracing'

type Draft = { type: string }
type Command = {
  process: { id: number; workflowVersionId: number; stageKey: string }
  actorId: number | null
  event: Draft | (() => Promise<Draft> | Draft)
}
type Result = {
  process: { stageKey: string; version: number }
  event: { type: string; payload: Record<string, unknown> }
  replayed: boolean
}
type Span = Parameters<Parameters<typeof inSpan>[2]>[0]

/**
 * Everything the engine's write path (`CommitProcessChange`) reports about
 * a command, in one wrapper so the hot path pays for it once:
 *
 * - **metrics**: commands by workflow, command — the type of the event it
 *   writes (`transitioned`, `assigned`, …) — and outcome: ok, replayed,
 *   conflict (409), refused (422) or error; a command turned away before it
 *   decided its event (a stale expectedVersion, a closed process) counts
 *   as command "unknown". Successful transitions feed the transition
 *   counter and duration; `sla_breached` events the SLA breach counter.
 * - **traces** (only when an OpenTelemetry SDK is installed): a span
 *   `engine <command>`, child of the request's or the job's span and parent
 *   of the database spans and of the outbox rows' trace, with `process.id`,
 *   `workflow.key` and `command`.
 * - **logs**: the process and workflow on every later line of the request
 *   or job, and once committed one info line `process stage changed`
 *   (from/to stage, who acted) when the stage changed.
 *
 * The workflow key comes from the definition cache the write path has
 * just filled (a synchronous read; the database only on a cold cache).
 */
export function instrumentedCommand() {
  return (_target: object, _key: string, descriptor: PropertyDescriptor) => {
    const handle = descriptor.value as (request: Command) => Promise<Result>
    descriptor.value = function (this: unknown, request: Command) {
      return instrument(request, (observed) => handle.call(this, observed))
    }
  }
}

function instrument(request: Command, run: (request: Command) => Promise<Result>) {
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
  annotateLogContext({ process_id: request.process.id })

  const execute = async (span?: Span) => {
    try {
      const result = await run(observed)
      const workflowKey = await workflowKeyOf(request)
      report(request, result, workflowKey, performance.now() - started, span)
      return result
    } catch (error) {
      const status = (error as { status?: unknown }).status
      const outcome = status === 409 ? 'conflict' : status === 422 ? 'refused' : 'error'
      const workflow = workflowLabel.value((await workflowKeyOf(request)) ?? 'unknown')
      engineCommands.inc({ workflow, command: decided, outcome })
      throw error
    }
  }
  if (!tracingEnabled()) return execute()
  return inSpan('engine command', { attributes: { 'process.id': request.process.id } }, (span) =>
    execute(span)
  )
}

function report(
  request: Command,
  result: Result,
  workflowKey: string | null,
  elapsedMs: number,
  span?: Span
) {
  const workflow = workflowLabel.value(workflowKey ?? 'unknown')
  const command = result.event.type
  engineCommands.inc({ workflow, command, outcome: result.replayed ? 'replayed' : 'ok' })
  if (!result.replayed && command === 'transitioned') {
    transitions.inc({ workflow })
    transitionDuration.observe({ workflow }, elapsedMs / 1000)
  }
  if (!result.replayed && command === 'sla_breached') slaBreaches.inc({ workflow })

  if (span) {
    span.updateName(`engine ${command}`)
    span.setAttributes({
      'workflow.key': workflowKey ?? 'unknown',
      command,
      'process.replayed': result.replayed,
    })
  }
  if (workflowKey) annotateLogContext({ workflow_key: workflowKey })
  const fromStage = request.process.stageKey
  if (!result.replayed && result.process.stageKey !== fromStage) {
    logger.info(
      {
        process_id: request.process.id,
        workflow_key: workflowKey,
        from_stage: fromStage,
        to_stage: result.process.stageKey,
        performed_by: request.actorId,
        command,
        transition: result.event.payload.transition,
        version: result.process.version,
      },
      'process stage changed'
    )
  }
}

/** The process's workflow key: a cache hit right after the write path ran. */
async function workflowKeyOf(request: Command): Promise<string | null> {
  const versionId = request.process.workflowVersionId
  const cached = cachedDefinitionOf(versionId)
  if (cached) return cached.key
  try {
    const definition = await definitionOf(versionId)
    return definition.key
  } catch {
    return null
  }
}
