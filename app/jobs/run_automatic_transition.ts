import { Job, type JobContext } from '#queue/job'
import Process from '#models/process'
import { DomainError } from '#exceptions/domain_error'
import { VersionConflict } from '#exceptions/process_errors'
import TransitionProcess from '#actions/processes/transition_process'
import { inSameStageVisit } from '#actions/processes/stage_visit'
import { clearTimer } from '#actions/processes/process_timers'

type Payload = { processId: number; stage: string; enteredVersion: number; transition: string }

/**
 * "If still in Waiting for customer after 3 days, close it": runs the
 * stage's automatic transition through the engine like any other, with
 * optimistic locking — a person who acted first simply wins and this does
 * nothing.
 */
export default class RunAutomaticTransition extends Job<Payload> {
  static jobName = 'run_automatic_transition'

  async handle(payload: Payload, context: JobContext) {
    await this.run(payload, context)
    await clearTimer(payload.processId, 'automatic', payload.enteredVersion)
  }

  protected async run(payload: Payload, context: JobContext) {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const process = await Process.find(payload.processId)
      if (!process || !(await inSameStageVisit(process, payload.stage, payload.enteredVersion)))
        return
      try {
        await new TransitionProcess().handle({
          process,
          transition: payload.transition,
          expectedVersion: process.version,
          actor: { id: null, role: 'system' },
          idempotencyKey: `auto-${payload.enteredVersion}-${payload.transition}`,
        })
        return
      } catch (error) {
        if (error instanceof VersionConflict) continue
        if (error instanceof DomainError) {
          // e.g. a required field is missing: nothing a retry can fix.
          context.logger.warn({ err: error, processId: process.id }, 'automatic transition refused')
          return
        }
        throw error
      }
    }
  }
}
