/**
 * Event-sourced process state: a process's current state is the fold of its
 * events (rows of `process_events`) in sequence order.
 */
import type { StageDefinition, WorkflowDefinition } from '#engine/definition'
import { dueOnEntry, slaRecordOf } from '#engine/sla_clock'
import { stageOf, statusForStage, type ProcessStatus } from '#engine/state_machine'
import { ReplayError } from '#engine/replay_error'
import { routeOf } from '#engine/decisions'

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export type Priority = (typeof PRIORITIES)[number]

/** Event types the engine understands; others only bump the version. */
export const PROCESS_EVENT_TYPES = [
  'started',
  'transitioned',
  'data_updated',
  'assigned',
  'commented',
  'cancelled',
  'migrated',
  'sla_breached',
] as const
export type ProcessEventType = (typeof PROCESS_EVENT_TYPES)[number]

/**
 * Payload shapes of each event type: the reference for code that records
 * or reads events (kept as documentation; knip: @public).
 * @public
 */
export interface ProcessEventPayloads {
  started: {
    workflowVersionId: number
    title: string
    priority: Priority
    data: Record<string, unknown>
    assigneeId: number | null
  }
  /** `route`: set on the system's event that leaves a decision stage (index/when null = otherwise). */
  transitioned: {
    transition: string
    data?: Record<string, unknown>
    route?: { stage: string; index: number | null; when: string | null }
  }
  data_updated: { patch: Record<string, unknown> }
  assigned: { assigneeId: number | null }
  commented: { commentId?: number; body: string }
  cancelled: { reason?: string }
  migrated: { fromVersionId: number; toVersionId: number }
  sla_breached: { stage: string }
}

export interface ProcessEvent {
  /** 1 for the first event of a process, then consecutive. */
  sequence: number
  type: ProcessEventType | (string & {})
  fromStage: string | null
  toStage: string | null
  actorId: number | null
  payload: Record<string, unknown>
  occurredAt: Date
}

export interface ProcessState {
  workflowVersionId: number
  title: string
  priority: Priority
  stage: string
  status: ProcessStatus
  data: Record<string, unknown>
  assigneeId: number | null
  /** Sequence of the last applied event (= number of events). */
  version: number
  closedAt: Date | null
  /** When the current stage's SLA runs out; null without SLA or once closed. */
  dueAt: Date | null
  /** Whether the SLA of the current stage has been breached. */
  slaBreached: boolean
}

/** Looks up the definition of a workflow version (must not do I/O mid-replay; preload). */
export type DefinitionResolver = (workflowVersionId: number) => WorkflowDefinition

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isIdOrNull(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isSafeInteger(value))
}

function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value)
}

/** Copies a data map so state never aliases event payloads (or vice versa). */
function cloneData(data: Record<string, unknown>): Record<string, unknown> {
  return structuredClone(data)
}

function resolve(
  resolveDefinition: DefinitionResolver,
  workflowVersionId: number,
  sequence: number
): WorkflowDefinition {
  const definition = resolveDefinition(workflowVersionId)
  if (!definition) {
    throw new ReplayError(
      'unknown_version',
      `no definition is available for workflow version ${workflowVersionId}.`,
      sequence
    )
  }
  return definition
}

function requireStage(
  definition: WorkflowDefinition,
  stageKey: string | null,
  sequence: number
): StageDefinition {
  const stage = stageKey === null ? undefined : stageOf(definition, stageKey)
  if (!stage) {
    throw new ReplayError(
      'unknown_stage',
      `workflow "${definition.key}" has no stage ${stageKey === null ? '(none given)' : `"${stageKey}"`}.`,
      sequence
    )
  }
  return stage
}

/**
 * State changes caused by (re-)entering `stage` with `event`. The due time
 * recorded by the write path (payload `sla`: working time in the workflow's
 * calendar, a resumed clock) wins; without one it is computed — wall-clock,
 * or in the default calendar — which is what the write path would have done.
 */
function enter(
  stage: StageDefinition,
  event: ProcessEvent
): Pick<ProcessState, 'stage' | 'status' | 'closedAt' | 'dueAt' | 'slaBreached'> {
  const at = event.occurredAt
  const status = statusForStage(stage)
  if (status !== 'active') {
    return { stage: stage.key, status, closedAt: new Date(at), dueAt: null, slaBreached: false }
  }
  const recorded = stage.slaClock === 'paused' ? null : slaRecordOf(event.payload)
  const dueAt = recorded?.dueAt === undefined ? null : new Date(recorded.dueAt)
  return {
    stage: stage.key,
    status,
    closedAt: null,
    dueAt: dueAt ?? dueOnEntry(stage, at)?.dueAt ?? null,
    slaBreached: dueAt !== null && recorded?.breached === true,
  }
}

function invalid(event: ProcessEvent, message: string): ReplayError {
  return new ReplayError('invalid_event', message, event.sequence)
}

function requireActive(state: ProcessState, event: ProcessEvent): void {
  if (state.status !== 'active') {
    throw new ReplayError(
      'process_closed',
      `a "${event.type}" event cannot follow the closing of the process (status ${state.status}).`,
      event.sequence
    )
  }
}

function requireFromStage(state: ProcessState, event: ProcessEvent): void {
  if (event.fromStage !== state.stage) {
    throw new ReplayError(
      'stage_mismatch',
      `the event leaves stage "${event.fromStage}", but the process is in stage "${state.stage}".`,
      event.sequence
    )
  }
}

/**
 * Applies one event to a state, returning a new state (inputs are never
 * mutated). `state` is null only for the first event, which must be
 * `started` with sequence 1.
 *
 * @throws ReplayError when the event does not fit the state (sequence gap or
 *   reordering, malformed payload, unknown stage, moving a closed process…).
 */
export function applyEvent(
  state: ProcessState | null,
  event: ProcessEvent,
  resolveDefinition: DefinitionResolver
): ProcessState {
  const expected = (state?.version ?? 0) + 1
  if (!Number.isSafeInteger(event.sequence)) {
    throw new ReplayError('invalid_event', `event sequence ${event.sequence} is not an integer.`)
  }
  if (event.sequence > expected) {
    throw new ReplayError(
      'sequence_gap',
      `expected event #${expected} next; events are missing.`,
      event.sequence
    )
  }
  if (event.sequence < expected) {
    throw new ReplayError(
      'out_of_order',
      `expected event #${expected} next; this event is repeated or out of order.`,
      event.sequence
    )
  }
  if (!(event.occurredAt instanceof Date) || Number.isNaN(event.occurredAt.getTime())) {
    throw invalid(event, 'occurredAt is not a valid date.')
  }
  if (!isObject(event.payload)) throw invalid(event, 'the payload is not an object.')

  if (state === null) {
    if (event.type !== 'started') {
      throw new ReplayError(
        'not_started',
        `the first event must be "started", not "${event.type}".`,
        event.sequence
      )
    }
    return applyStarted(event, resolveDefinition)
  }

  const payload = event.payload
  const base: ProcessState = { ...state, version: event.sequence }

  switch (event.type) {
    case 'started':
      throw new ReplayError('already_started', 'the process was already started.', event.sequence)

    case 'transitioned': {
      requireActive(state, event)
      requireFromStage(state, event)
      if (typeof payload.transition !== 'string') {
        throw invalid(event, 'the payload has no transition key.')
      }
      if (payload.data !== undefined && !isObject(payload.data)) {
        throw invalid(event, 'the payload data is not an object.')
      }
      // A route is replayed as recorded, never evaluated again; it must at
      // least be a route out of the stage the event leaves.
      if (payload.route !== undefined && routeOf(event)?.stage !== event.fromStage) {
        throw invalid(event, 'the route is malformed or does not leave the stage the event leaves.')
      }
      const definition = resolve(resolveDefinition, state.workflowVersionId, event.sequence)
      const stage = requireStage(definition, event.toStage, event.sequence)
      const data = payload.data ? { ...state.data, ...cloneData(payload.data) } : state.data
      return { ...base, data, ...enter(stage, event) }
    }

    case 'data_updated':
      if (!isObject(payload.patch)) throw invalid(event, 'the payload has no patch object.')
      return { ...base, data: { ...state.data, ...cloneData(payload.patch) } }

    case 'assigned':
      if (!isIdOrNull(payload.assigneeId)) {
        throw invalid(event, 'assigneeId must be a user id or null.')
      }
      return { ...base, assigneeId: payload.assigneeId }

    case 'cancelled': {
      requireActive(state, event)
      let stage = state.stage
      if (event.toStage !== null) {
        const definition = resolve(resolveDefinition, state.workflowVersionId, event.sequence)
        stage = requireStage(definition, event.toStage, event.sequence).key
      }
      return {
        ...base,
        stage,
        status: 'cancelled',
        closedAt: new Date(event.occurredAt),
        dueAt: null,
      }
    }

    case 'migrated':
      return applyMigrated(state, base, event, resolveDefinition)

    case 'sla_breached':
      // A breach recorded for a stage the process has since left (the SLA
      // job raced a transition) says nothing about the current stage.
      if (
        state.status === 'active' &&
        (payload.stage === undefined || payload.stage === state.stage)
      ) {
        return { ...base, slaBreached: true }
      }
      return base

    default:
      // 'commented' and types added later carry no state: keep old code
      // able to replay newer histories.
      return base
  }
}

function applyStarted(event: ProcessEvent, resolveDefinition: DefinitionResolver): ProcessState {
  const payload = event.payload
  if (
    typeof payload.workflowVersionId !== 'number' ||
    !Number.isSafeInteger(payload.workflowVersionId)
  ) {
    throw invalid(event, 'workflowVersionId must be an integer.')
  }
  if (typeof payload.title !== 'string') throw invalid(event, 'title must be text.')
  if (!isPriority(payload.priority)) {
    throw invalid(event, `priority must be one of ${PRIORITIES.join(', ')}.`)
  }
  if (payload.data !== undefined && !isObject(payload.data)) {
    throw invalid(event, 'data must be an object.')
  }
  const assigneeId = payload.assigneeId ?? null
  if (!isIdOrNull(assigneeId)) throw invalid(event, 'assigneeId must be a user id or null.')

  const definition = resolve(resolveDefinition, payload.workflowVersionId, event.sequence)
  const stage = requireStage(definition, event.toStage, event.sequence)
  return {
    workflowVersionId: payload.workflowVersionId,
    title: payload.title,
    priority: payload.priority,
    data: payload.data ? cloneData(payload.data) : {},
    assigneeId,
    version: event.sequence,
    ...enter(stage, event),
  }
}

/**
 * Moves the process to another version of its workflow. Timers carry over
 * when the process stays in a stage with the same key; otherwise the new
 * stage is entered as usual. Closed processes only get relabelled.
 */
function applyMigrated(
  state: ProcessState,
  base: ProcessState,
  event: ProcessEvent,
  resolveDefinition: DefinitionResolver
): ProcessState {
  const { fromVersionId, toVersionId } = event.payload
  if (typeof toVersionId !== 'number' || !Number.isSafeInteger(toVersionId)) {
    throw invalid(event, 'toVersionId must be an integer.')
  }
  if (fromVersionId !== state.workflowVersionId) {
    throw new ReplayError(
      'version_mismatch',
      `the migration starts from workflow version ${String(fromVersionId)}, but the process is on version ${state.workflowVersionId}.`,
      event.sequence
    )
  }
  if (event.fromStage !== null) requireFromStage(state, event)
  const definition = resolve(resolveDefinition, toVersionId, event.sequence)
  const stage = requireStage(definition, event.toStage ?? state.stage, event.sequence)

  const moved = { ...base, workflowVersionId: toVersionId, stage: stage.key }
  if (state.status !== 'active') return moved
  // A migration enters the stage of the new version: its SLA (which the new
  // version may have changed) starts again from the moment of the move.
  return { ...moved, ...enter(stage, event) }
}

/**
 * Rebuilds a process's state from its complete event history.
 *
 * @throws ReplayError when there are no events or the history is
 *   inconsistent (gaps, reordering, impossible events).
 */
export function replay(
  events: readonly ProcessEvent[],
  resolveDefinition: DefinitionResolver
): ProcessState {
  if (events.length === 0) throw new ReplayError('no_events', 'a process needs at least one event.')
  // A history usually references one or two versions; avoid resolving the
  // same one for every transition.
  const cache = new Map<number, WorkflowDefinition>()
  const cachedResolve: DefinitionResolver = (id) => {
    let definition = cache.get(id)
    if (!definition) {
      definition = resolveDefinition(id)
      if (definition) cache.set(id, definition)
    }
    return definition
  }
  let state: ProcessState | null = null
  for (const event of events) state = applyEvent(state, event, cachedResolve)
  return state!
}
