import type { DateTime } from 'luxon'
import type ProcessEvent from '#models/process_event'
import type { WorkflowDefinition } from '#engine/definition'
import type { ProcessState } from '#engine/replay'
import { stageOf } from '#engine/state_machine'
import { parseDuration } from '#engine/duration'
import { actionDispatchOnEntry } from '#engine/actions/steps'
import { childrenOnEntry } from '#engine/children'

/**
 * A side effect to record next to an event: which queue handles it and
 * an id-only payload (job data is stored in clear text).
 */
export type OutboxDraft = {
  topic: string
  queue: 'notifications' | 'automation' | 'timers' | 'reports' | 'default'
  payload: Record<string, unknown>
  /** Not published before this time (the database is the timer's record). */
  availableAt?: DateTime
}

/**
 * The side effects every event has: its notification fan-out.
 */
export function outboxFor(event: ProcessEvent): OutboxDraft[] {
  return [
    {
      topic: `process.${event.type}`,
      queue: 'notifications',
      payload: { processId: event.processId, eventId: event.id, sequence: event.sequence },
    },
  ]
}

/**
 * Timers a process gets when it enters a stage: the SLA check at the due
 * time and the stage's automatic transition. Each carries the version at
 * which the stage was entered; a timer that fires after the process moved
 * on (or came back later) does nothing.
 */
export function stageEntryTimers(
  definition: WorkflowDefinition,
  state: ProcessState,
  processId: number,
  enteredAt: DateTime,
  /** The transition that entered the stage (its actions run first). */
  transition: string | null = null
): OutboxDraft[] {
  if (state.status !== 'active') return []
  const stage = stageOf(definition, state.stage)
  if (!stage) return []
  const timers: OutboxDraft[] = []
  const entry = { processId, stage: stage.key, enteredVersion: state.version }

  if (state.dueAt) {
    timers.push({
      topic: 'timer.sla',
      queue: 'timers',
      payload: { ...entry, dueAt: state.dueAt.toISOString() },
      availableAt: enteredAt.plus({ milliseconds: state.dueAt.getTime() - enteredAt.toMillis() }),
    })
  }
  const after = stage.automatic ? parseDuration(stage.automatic.after) : null
  if (stage.automatic && after !== null) {
    timers.push({
      topic: 'timer.automatic_transition',
      queue: 'timers',
      payload: { ...entry, transition: stage.automatic.transition },
      availableAt: enteredAt.plus({ milliseconds: after }),
    })
  }
  // The stage's (and the transition's) actions: run by the automation workers.
  timers.push(...actionDispatchOnEntry(definition, state, processId, transition, enteredAt))
  // A children stage: one message, whose job starts the children (exactly once).
  timers.push(...childrenOnEntry(stage, processId, state.version))
  return timers
}
