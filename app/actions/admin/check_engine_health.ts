import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { WorkflowDefinition } from '#engine/definition'
import Process from '#models/process'
import OutboxMessage from '#models/outbox_message'
import queue from '#queue/queue_manager'
import { definitionsOf } from '#support/definitions'
import { sqlTime } from '#support/sql_time'

/** A worker is alive while its last heartbeat (every 10 s) is this recent. */
export const HEARTBEAT_ALIVE_SECONDS = 30
/** How many rows each list shows; the counts are exact. */
const LIST_LIMIT = 50

export type OutboxBacklog = {
  /** Pending and due: should be published within a second or two. */
  due: number
  /** Pending with a future time: timers waiting for their moment. */
  scheduled: number
  /** Age in seconds of the oldest due message; null when nothing is due. */
  oldestDueSeconds: number | null
  failed: number
  /** Failed for good, or pending again after a failed publish. */
  problems: OutboxMessage[]
}

export type WorkerBeat = {
  id: string
  queues: string[]
  startedAt: DateTime
  beatAt: DateTime
  alive: boolean
}

export type StalledProcesses = {
  days: number
  total: number
  processes: Process[]
  definitions: Map<number, WorkflowDefinition>
}

export type EngineHealth = {
  driver: 'bullmq' | 'memory'
  checkedAt: DateTime
  outbox: OutboxBacklog
  workers: WorkerBeat[]
  stalled: StalledProcesses
}

/**
 * The engine's plumbing at a glance, for admins: is the outbox flowing,
 * are workers beating, and which processes sit still with nothing
 * scheduled to move them.
 */
export default class CheckEngineHealth {
  async handle(params: { stalledDays: number }): Promise<EngineHealth> {
    const now = DateTime.now()
    const [outbox, workers, stalled] = await Promise.all([
      this.outbox(now),
      this.workers(now),
      this.stalled(now, params.stalledDays),
    ])
    return { driver: queue.driver().name, checkedAt: now, outbox, workers, stalled }
  }

  protected async outbox(now: DateTime): Promise<OutboxBacklog> {
    const nowSql = sqlTime(now)!
    const [due, scheduled, failed, problems] = await Promise.all([
      db
        .from('outbox_messages')
        .where('status', 'pending')
        .where('available_at', '<=', nowSql)
        .count('* as total')
        .min('available_at as oldest')
        .first(),
      db
        .from('outbox_messages')
        .where('status', 'pending')
        .where('available_at', '>', nowSql)
        .count('* as total')
        .first(),
      db.from('outbox_messages').where('status', 'failed').count('* as total').first(),
      OutboxMessage.query()
        .where('status', 'failed')
        .orWhere((q) => q.where('status', 'pending').where('attempts', '>', 0))
        .orderBy('id', 'desc')
        .limit(LIST_LIMIT),
    ])
    const oldest = toDateTime(due?.oldest)
    return {
      due: Number(due?.total ?? 0),
      scheduled: Number(scheduled?.total ?? 0),
      oldestDueSeconds: oldest ? Math.max(0, Math.round(now.diff(oldest).as('seconds'))) : null,
      failed: Number(failed?.total ?? 0),
      problems,
    }
  }

  protected async workers(now: DateTime): Promise<WorkerBeat[]> {
    const rows = await db.from('worker_heartbeats').orderBy('id')
    const threshold = now.minus({ seconds: HEARTBEAT_ALIVE_SECONDS })
    return rows.map((row) => {
      const beatAt = toDateTime(row.beat_at)!
      return {
        id: String(row.id),
        queues: String(row.queues).split(',').filter(Boolean),
        startedAt: toDateTime(row.started_at)!,
        beatAt,
        alive: beatAt >= threshold,
      }
    })
  }

  /**
   * Active processes nothing will move by itself: no event for `days`,
   * no pending outbox message (no undelivered side effect), no timer of
   * its stage (process_timers) and no deadline ahead. Every change goes through the one
   * write path, which sets `updated_at` to the event's time, so the
   * (status, updated_at) index narrows the candidates; the event check
   * confirms them.
   */
  protected async stalled(now: DateTime, days: number): Promise<StalledProcesses> {
    const cutoff = sqlTime(now.minus({ days }))!
    const nowSql = sqlTime(now)!
    const stalledOnly = (query: ModelQueryBuilderContract<typeof Process>) =>
      query
        .where('processes.status', 'active')
        .where('processes.updated_at', '<', cutoff)
        .where((q) => q.whereNull('processes.due_at').orWhere('processes.due_at', '<=', nowSql))
        .whereNotExists((q) =>
          q
            .from('outbox_messages')
            .whereColumn('outbox_messages.process_id', 'processes.id')
            .where('outbox_messages.status', 'pending')
        )
        // A timer of the current stage visit (process_timers) will move it too.
        .whereNotExists((q) =>
          q
            .from('process_timers')
            .whereColumn('process_timers.process_id', 'processes.id')
            .whereColumn('process_timers.stage', 'processes.stage_key')
        )
        .whereNotExists((q) =>
          q
            .from('process_events')
            .whereColumn('process_events.process_id', 'processes.id')
            .where('process_events.occurred_at', '>=', cutoff)
        )

    const [processes, total] = await Promise.all([
      stalledOnly(Process.query())
        .preload('workflow', (q) => q.select('id', 'key', 'name'))
        .preload('assignee', (q) => q.select('id', 'name', 'email', 'role'))
        .orderBy('processes.updated_at', 'asc')
        .orderBy('processes.id', 'asc')
        .limit(LIST_LIMIT),
      stalledOnly(Process.query()).count('* as total').first(),
    ])
    const definitions = await definitionsOf(processes.map((p) => p.workflowVersionId))
    return {
      days,
      total: Number(total?.$extras.total ?? 0),
      processes,
      definitions,
    }
  }
}

/**
 * SQLite hands timestamps back as UTC text, MySQL as Date objects.
 */
export function toDateTime(value: unknown): DateTime | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return DateTime.fromJSDate(value)
  const text = String(value)
  const parsed = DateTime.fromSQL(text, { zone: 'utc' })
  return parsed.isValid ? parsed : DateTime.fromISO(text, { zone: 'utc' })
}
