import { DateTime } from 'luxon'
import {
  applyEvent,
  replay,
  type ProcessEvent as EngineEvent,
  type ProcessState,
} from '#engine/replay'
import type { WorkflowDefinition } from '#engine/definition'
import { MAX_DECISION_CHAIN } from '#engine/decisions'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import { VersionConflict } from '#exceptions/process_errors'
import { definitionOf } from '#support/definitions'
import { sqlTime } from '#support/sql_time'
import { persistedInstance } from '#support/persisted_instance'
import { stageEntryTimers, type OutboxDraft } from '#actions/processes/outbox'
import { stampSlaClock } from '#actions/processes/sla_stamp'
import { subscribedWebhookTypes } from '#actions/webhooks/webhook_outbox'
import { anyWatchedViews, viewWatchOutbox } from '#actions/views/view_watch_outbox'
import { leanTransaction } from '#support/database/lean_transaction'
import { recordEvent, type OutboxRow } from '#actions/processes/record_event'
import { actorEmail, guardContextOf } from '#actions/processes/guard_context'
import { teamsOf } from '#support/access/workflow_access'
import User from '#models/user'
import { instrumentedCommand } from '#support/observability/command'
import { isFollowUp, planFollowUps, queueColumn } from '#actions/processes/change_plan'
import { childrenOutbox } from '#actions/processes/children/outbox'
import { indexProcessChange } from '#actions/search/process_index'

/** The event a change writes, before it gets its sequence and time. */
export type EventDraft = {
  type: string
  fromStage?: string | null
  toStage?: string | null
  payload: Record<string, unknown>
  /** System events that follow in the same transaction (an approval's deciding transition). */
  then?: EventDraft[]
}

export type ChangeRequest = {
  /** The process as the caller read it. */
  process: Process
  /** The version the caller based its decision on. */
  expectedVersion: number
  /**
   * The event, or how to decide it: a function runs only after the
   * idempotency and version checks, so a command's rules (closed process,
   * transition not allowed…) never refuse a replay of an earlier success.
   */
  event: EventDraft | (() => Promise<EventDraft> | EventDraft)
  actorId: number | null
  /**
   * Who the actor is, for the conditions of decision stages the event may
   * enter (looked up by `actorId` when needed and not given).
   */
  actor?: { role: string; email?: string }
  idempotencyKey?: string | null
  /** Extra definitions the event needs (a migration's target version). */
  definitions?: Map<number, WorkflowDefinition>
  /** Extra side effects besides the default notification message. */
  outbox?: OutboxDraft[]
  at?: DateTime
}

export type ChangeResult = {
  process: Process
  /** The command's event (the one holding the idempotency key). */
  event: ProcessEvent
  /**
   * Every event the change wrote, `event` first: after it, one system
   * `transitioned` event per decision stage the process was routed through.
   */
  events: ProcessEvent[]
  /** True when the idempotency key was used before: nothing was written. */
  replayed: boolean
}

/**
 * The one write path of the engine. A change to a process is one event:
 * the new state is that event applied to the current state (so the stored
 * row always equals a replay of the log), written in one transaction as
 *   1. UPDATE processes … WHERE id = ? AND version = ?   (0 rows → 409, nothing written)
 *   2. INSERT process_events (sequence = the new version)
 *   3. INSERT outbox_messages for the side effects
 * When the event leaves the process in a decision stage, the route taken
 * from each decision stage is one more event by the system (actor null,
 * the route in its payload), written in the same transaction: the row ends
 * in the stage where the process rests, the log has no gap, and replay
 * folds the recorded routes without evaluating them.
 * An idempotency key already used on the process returns the original
 * result and writes nothing; the unique index settles races. These checks
 * live here only: commands pass their rules as `event`, decided after them.
 */
export default class CommitProcessChange {
  @instrumentedCommand()
  async handle(request: ChangeRequest): Promise<ChangeResult> {
    const { process, expectedVersion, idempotencyKey } = request

    if (idempotencyKey) {
      const earlier = await this.findEarlier(process.id, idempotencyKey)
      if (earlier) return this.replayed(process, earlier)
    }
    if (process.version !== expectedVersion) {
      throw new VersionConflict(process, expectedVersion)
    }
    const { then: followUps = [], ...draft } =
      typeof request.event === 'function' ? await request.event() : request.event

    const at = request.at ?? DateTime.now()
    const engineEvent: EngineEvent = {
      sequence: expectedVersion + 1,
      type: draft.type,
      fromStage: draft.fromStage ?? null,
      toStage: draft.toStage ?? null,
      actorId: request.actorId,
      payload: draft.payload,
      occurredAt: at.toJSDate(),
    }
    const definitions = new Map(request.definitions)
    definitions.set(process.workflowVersionId, await definitionOf(process.workflowVersionId))
    const resolve = (id: number) => {
      const definition = definitions.get(id)
      if (!definition) throw new Error(`Definition of version ${id} was not loaded`)
      return definition
    }
    const before = process.toState()
    const entered = applyEvent(before, engineEvent, resolve)
    // Decided before the transaction, written inside it with the event.
    const routed = await planFollowUps({
      before: {
        stage: process.stageKey,
        workflowVersionId: process.workflowVersionId,
        workflowId: process.workflowId,
      },
      entered,
      event: engineEvent,
      followUps,
      resolve,
      guard: async () => guardContextOf(process, await this.actorOf(request), at),
      at,
    })
    const moved = routed.events.length > 0
    // Working-time SLAs and paused clocks: recorded in the event entering the stage.
    const entering = [engineEvent, ...routed.events].filter((e) => ENTERING.has(e.type)).at(-1)
    const next = await stampSlaClock({
      workflowId: process.workflowId,
      processId: process.id,
      before,
      last: entering ?? engineEvent,
      next: routed.state,
      resolve,
    })
    const queueTeam = queueColumn(
      definitions.get(next.workflowVersionId),
      next,
      [engineEvent, ...routed.events],
      { stage: process.stageKey, queueTeam: process.queueTeam }
    )

    const webhookTypes = await subscribedWebhookTypes()
    const watching = await anyWatchedViews()
    try {
      return await leanTransaction(async (trx) => {
        const { changes } = await trx.update(
          'processes',
          { ...this.columnsOf(next, process, at, moved), queue_team: queueTeam },
          { id: process.id, version: expectedVersion }
        )
        if (changes === 0) {
          throw new StaleWrite()
        }

        // Entering a stage (re)starts its timers: SLA check, automatic transition.
        // They belong to the stage the process rests in, so to the last event.
        const last = [engineEvent, ...routed.events].findLast((e) => e.type === 'transitioned')
        const timers =
          moved ||
          next.stage !== process.stageKey ||
          next.workflowVersionId !== process.workflowVersionId
            ? stageEntryTimers(
                definitions.get(next.workflowVersionId)!,
                next,
                process.id,
                at,
                last ? String(last.payload.transition) : null
              )
            : []
        const outboxRows: OutboxRow[] = []
        const event = await recordEvent(
          trx,
          process.id,
          engineEvent,
          idempotencyKey ?? null,
          [
            ...(moved ? [] : timers),
            ...(request.outbox ?? []),
            ...childrenOutbox(process, next, resolve(process.workflowVersionId)),
            ...viewWatchOutbox(watching, process.id),
          ],
          webhookTypes,
          outboxRows
        )
        const events = [event]
        for (const [i, routeEvent] of routed.events.entries()) {
          const isLast = i === routed.events.length - 1
          events.push(
            await recordEvent(
              trx,
              process.id,
              routeEvent,
              null,
              isLast ? timers : [],
              webhookTypes,
              outboxRows
            )
          )
        }
        // The outbox rows of every event in one statement (a decision writes two events).
        if (outboxRows.length > 0) await trx.insert('outbox_messages', outboxRows)
        await indexProcessChange(trx, process, next, resolve)

        // The row now holds exactly `next`: build the answer from it instead of reading it back.
        const snapshot = this.snapshot(
          process,
          next,
          event.occurredAt,
          moved ? at : enteredAt(next, process, at)
        )
        snapshot.queueTeam = queueTeam
        return {
          process: snapshot,
          event,
          events,
          replayed: false,
        }
      })
    } catch (error) {
      if (error instanceof StaleWrite || isUniqueViolation(error)) {
        // Someone else wrote first. If it was the same command (same key), answer as it did.
        if (idempotencyKey) {
          const earlier = await this.findEarlier(process.id, idempotencyKey)
          if (earlier) return this.replayed(process, earlier)
        }
        const current = await Process.findOrFail(process.id)
        throw new VersionConflict(current, expectedVersion)
      }
      throw error
    }
  }

  /**
   * A Process instance with `state` applied over `process`, marked as
   * persisted: what the row holds after the write (or after `event`, for a
   * replayed answer).
   */
  protected snapshot(
    process: Process,
    state: ProcessState,
    updatedAt: DateTime,
    stageEnteredAt: DateTime
  ) {
    return persistedInstance(Process, {
      ...process.$attributes,
      workflowVersionId: state.workflowVersionId,
      title: state.title,
      priority: state.priority,
      stageKey: state.stage,
      status: state.status,
      data: state.data,
      assigneeId: state.assigneeId,
      version: state.version,
      dueAt: state.dueAt ? DateTime.fromJSDate(state.dueAt).startOf('second') : null,
      closedAt: state.closedAt ? DateTime.fromJSDate(state.closedAt).startOf('second') : null,
      slaBreached: state.slaBreached,
      stageEnteredAt: stageEnteredAt.startOf('second'),
      updatedAt: updatedAt.startOf('second'),
    })
  }

  protected columnsOf(state: ProcessState, before: Process, at: DateTime, routed = false) {
    return {
      workflow_version_id: state.workflowVersionId,
      title: state.title,
      priority: state.priority,
      stage_key: state.stage,
      status: state.status,
      data: JSON.stringify(state.data),
      assignee_id: state.assigneeId,
      due_at: sqlTime(state.dueAt),
      sla_breached: state.slaBreached,
      closed_at: sqlTime(state.closedAt),
      version: state.version,
      stage_entered_at: sqlTime(routed ? at : enteredAt(state, before, at)),
      updated_at: sqlTime(at),
    }
  }

  findEarlier(processId: number, key: string) {
    return ProcessEvent.query().where('process_id', processId).where('idempotency_key', key).first()
  }

  /**
   * The answer the original command gave: the process as it was right
   * after that event, rebuilt from the log.
   */
  async replayed(process: Process, event: ProcessEvent): Promise<ChangeResult> {
    const read = await ProcessEvent.query()
      .where('process_id', process.id)
      // The command's follow-ups: an approval's decision, the routes, a team assignment.
      .where('sequence', '<=', event.sequence + MAX_DECISION_CHAIN + 2)
      .orderBy('sequence')
    // The command's own route events follow it directly: its answer is the stage it came to rest in.
    let end = read.findIndex((e) => e.sequence === event.sequence)
    while (end + 1 < read.length && isFollowUp(read[end + 1])) end++
    const events = read.slice(0, end + 1)
    const versionIds = new Set(
      events
        .flatMap((e) => [e.payload.workflowVersionId, e.payload.toVersionId])
        .filter((v): v is number => typeof v === 'number')
    )
    versionIds.add(process.workflowVersionId)
    const definitions = new Map<number, WorkflowDefinition>()
    for (const id of versionIds) definitions.set(id, await definitionOf(id))
    const state = replay(
      events.map((e) => e.toEngineEvent()),
      (id) => definitions.get(id)!
    )

    const snapshot = this.snapshot(process, state, event.occurredAt, process.stageEnteredAt)
    const written = events.filter((e) => e.sequence >= event.sequence)
    return { process: snapshot, event, events: written, replayed: true }
  }

  /** The actor as a route's condition sees it (`user.email`, `user.role`). */
  protected async actorOf(request: ChangeRequest) {
    if (request.actor) {
      return {
        role: request.actor.role,
        email: await actorEmail({ id: request.actorId, email: request.actor.email }),
        teams: request.actorId === null ? [] : await teamsOf(request.actorId),
      }
    }
    if (request.actorId === null) return { role: 'system', email: '', teams: [] }
    const user = await User.find(request.actorId)
    return {
      role: user?.role ?? '',
      email: user?.email ?? '',
      teams: await teamsOf(request.actorId),
    }
  }
}

class StaleWrite extends Error {}

/** Events that put the process in a stage (and so start its SLA clock). */
const ENTERING = new Set(['started', 'transitioned', 'migrated'])

/** When the process entered its current stage, after `state` was applied. */
function enteredAt(state: ProcessState, before: Process, at: DateTime) {
  const entered =
    state.stage !== before.stageKey || state.workflowVersionId !== before.workflowVersionId
  return entered ? at : before.stageEnteredAt
}

export function isUniqueViolation(error: unknown) {
  const code = (error as { code?: string }).code
  return (
    code === 'ER_DUP_ENTRY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}
