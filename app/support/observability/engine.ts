import logger from '@adonisjs/core/services/logger'
import { definitionOf } from '#support/definitions'
import { annotateLogContext } from '#support/observability/log_context'
import { inSpan } from '#support/observability/tracing'

type Command = {
  process: { id: number; workflowVersionId: number; stageKey: string }
  actorId: number | null
}
type Result = {
  process: { stageKey: string; version: number }
  event: { type: string; payload: Record<string, unknown> }
  replayed: boolean
}

/**
 * Traces and logs the commands of the engine's write path
 * (`CommitProcessChange`): a span `engine <command>` (child of the
 * request's or the job's span, parent of the database spans and of the
 * outbox rows' trace) with `process.id`, `workflow.key` and `command`;
 * the process and workflow on every later log line of the request or job;
 * and, once committed, one info line `process stage changed` (from/to
 * stage, who acted) when the stage changed.
 */
export function tracedCommand() {
  return (_target: object, _key: string, descriptor: PropertyDescriptor) => {
    const handle = descriptor.value as (request: Command) => Promise<Result>
    descriptor.value = function (this: unknown, request: Command) {
      return trace(request, () => handle.call(this, request))
    }
  }
}

function trace(request: Command, run: () => Promise<Result>) {
  const { process } = request
  const fromStage = process.stageKey
  annotateLogContext({ process_id: process.id })
  return inSpan('engine command', { attributes: { 'process.id': process.id } }, async (span) => {
    const result = await run()
    // The write path has just used the definition: this is a cache hit.
    const definition = await definitionOf(process.workflowVersionId)
    const workflowKey = definition.key
    const command = result.event.type
    span.updateName(`engine ${command}`)
    span.setAttributes({
      'workflow.key': workflowKey,
      command,
      'process.replayed': result.replayed,
    })
    annotateLogContext({ workflow_key: workflowKey })
    if (!result.replayed && result.process.stageKey !== fromStage) {
      logger.info(
        {
          process_id: process.id,
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
    return result
  })
}
