import type { ProcessEvent as EngineEvent, ProcessState } from '#engine/replay'
import type { WorkflowDefinition } from '#engine/definition'
import type { BusinessCalendar } from '#engine/calendar'
import { stageOf } from '#engine/state_machine'
import {
  dueOnEntry,
  heldClockOf,
  holdClock,
  needsCalendar,
  resumeClock,
  type SlaRecord,
} from '#engine/sla_clock'
import ProcessEvent from '#models/process_event'
import { calendarOfWorkflow } from '#actions/calendars/calendars_of'

const ENTERING = ['started', 'transitioned', 'migrated']

/**
 * Settles the SLA clock of the stage a change leaves the process in, where
 * that needs more than the definition: working-time SLAs (the workflow's
 * calendar, looked up only then), a paused stage holding the clock of the
 * stage it was entered from, and that clock resuming on the way back.
 * The result is recorded in `last` (the event entering the stage) as
 * payload `sla`, which replay reads instead of recomputing, so editing a
 * calendar later never changes a recorded due time. Returns the state with
 * its due time.
 */
export async function stampSlaClock(params: {
  workflowId: number
  processId: number | null
  before: ProcessState | null
  last: EngineEvent
  next: ProcessState
  resolve: (versionId: number) => WorkflowDefinition
}): Promise<ProcessState> {
  const { before, last, next, resolve } = params
  if (!ENTERING.includes(last.type) || next.status !== 'active') return next
  const stage = stageOf(resolve(next.workflowVersionId), next.stage)
  if (!stage) return next
  const left = before ? stageOf(resolve(before.workflowVersionId), before.stage) : undefined
  const at = last.occurredAt

  let calendar: BusinessCalendar | undefined
  const calendarNow = async () => (calendar ??= await calendarOfWorkflow(params.workflowId))
  const stamp = (sla: SlaRecord) => {
    last.payload = { ...last.payload, sla }
  }

  // The clock a paused stage being left holds (recorded when it was entered).
  const heldBefore =
    left?.slaClock === 'paused' && before && params.processId !== null
      ? await heldClockAt(params.processId, before.version)
      : null

  if (stage.slaClock === 'paused') {
    const held =
      heldBefore ??
      (before && left
        ? holdClock(
            left,
            before.dueAt,
            before.slaBreached,
            at,
            needsCalendar(left) ? await calendarNow() : undefined
          )
        : null)
    if (held) stamp({ held })
    return next
  }
  if (heldBefore && heldBefore.stage === stage.key) {
    const resumed = resumeClock(
      heldBefore,
      at,
      heldBefore.working ? await calendarNow() : undefined
    )
    stamp({
      dueAt: resumed.dueAt.toISOString(),
      breached: heldBefore.breached,
      resumed: true,
      ...(resumed.explanation ? { explanation: resumed.explanation } : {}),
    })
    return { ...next, dueAt: resumed.dueAt, slaBreached: heldBefore.breached }
  }
  if (needsCalendar(stage)) {
    const due = dueOnEntry(stage, at, await calendarNow())
    if (!due) return next
    stamp({ dueAt: due.dueAt.toISOString(), explanation: due.explanation })
    return { ...next, dueAt: due.dueAt }
  }
  return next
}

/** The clock held by the current stage visit: in the `sla` of the event that began it. */
async function heldClockAt(processId: number, version: number) {
  const entry = await ProcessEvent.query()
    .where('process_id', processId)
    .where('sequence', '<=', version)
    .whereIn('type', ENTERING)
    .orderBy('sequence', 'desc')
    .first()
  return entry ? heldClockOf(entry.payload) : null
}
