import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { replay, type ProcessState } from '#engine/replay'
import { ReplayError } from '#engine/replay_error'
import type { WorkflowDefinition } from '#engine/definition'
import ProcessEvent from '#models/process_event'
import { definitionsOf } from '#support/definitions'
import { sqlTime } from '#support/sql_time'

export type Discrepancy = {
  processId: number
  reference: string
  differences: { column: string; stored: unknown; replayed: unknown }[]
  error?: string
}

const COMPARED: (keyof ProcessState)[] = [
  'workflowVersionId',
  'title',
  'priority',
  'stage',
  'status',
  'data',
  'assigneeId',
  'version',
  'closedAt',
  'dueAt',
  'slaBreached',
]

/**
 * Rebuilds every process from its events and compares the result with the
 * stored row, in batches (keyset pagination, one events query per batch),
 * so it runs in constant memory over millions of events. With `fix`,
 * rows that differ are rewritten from the replay.
 */
export default class VerifyProcesses {
  async handle(options: {
    fix?: boolean
    batchSize?: number
    onProgress?: (done: number, total: number) => void
  }) {
    const batchSize = options.batchSize ?? 500
    const totalRow = await db.from('processes').count('* as total').first()
    const total = Number(totalRow?.total ?? 0)
    const discrepancies: Discrepancy[] = []
    let checked = 0
    let fixed = 0
    let lastId = 0

    for (;;) {
      const rows = await db
        .from('processes')
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(batchSize)
      if (!rows.length) break
      lastId = rows[rows.length - 1].id

      const events = await ProcessEvent.query()
        .whereIn(
          'process_id',
          rows.map((r) => r.id)
        )
        .orderBy('process_id')
        .orderBy('sequence')
      const byProcess = new Map<number, ProcessEvent[]>()
      for (const event of events) {
        const list = byProcess.get(event.processId) ?? []
        list.push(event)
        byProcess.set(event.processId, list)
      }
      const versionIds = events
        .flatMap((e) => [e.payload.workflowVersionId, e.payload.toVersionId])
        .filter((v): v is number => typeof v === 'number')
      const definitions = await definitionsOf([
        ...versionIds,
        ...rows.map((r) => r.workflow_version_id),
      ])
      const resolve = (id: number): WorkflowDefinition => {
        const definition = definitions.get(id)
        if (!definition)
          throw new ReplayError('unknown_version', `workflow version ${id} does not exist.`)
        return definition
      }

      for (const row of rows) {
        checked++
        const found = this.compare(row, byProcess.get(row.id) ?? [], resolve)
        if (!found) continue
        discrepancies.push(found)
        if (options.fix && !found.error) {
          const state = replay(
            (byProcess.get(row.id) ?? []).map((e) => e.toEngineEvent()),
            resolve
          )
          await db
            .from('processes')
            .where('id', row.id)
            .update({
              workflow_version_id: state.workflowVersionId,
              title: state.title,
              priority: state.priority,
              stage_key: state.stage,
              status: state.status,
              data: JSON.stringify(state.data),
              assignee_id: state.assigneeId,
              version: state.version,
              closed_at: sqlTime(state.closedAt),
              due_at: sqlTime(state.dueAt),
              sla_breached: state.slaBreached,
            })
          fixed++
        }
      }
      options.onProgress?.(checked, total)
    }
    return { checked, discrepancies, fixed }
  }

  protected compare(
    row: Record<string, any>,
    events: ProcessEvent[],
    resolve: (id: number) => WorkflowDefinition
  ): Discrepancy | null {
    let state: ProcessState
    try {
      state = replay(
        events.map((e) => e.toEngineEvent()),
        resolve
      )
    } catch (error) {
      return {
        processId: row.id,
        reference: row.reference,
        differences: [],
        error: (error as Error).message,
      }
    }
    const stored: Record<keyof ProcessState, unknown> = {
      workflowVersionId: row.workflow_version_id,
      title: row.title,
      priority: row.priority,
      stage: row.stage_key,
      status: row.status,
      data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
      assigneeId: row.assignee_id ?? null,
      version: row.version,
      closedAt: normalizeTime(row.closed_at),
      dueAt: normalizeTime(row.due_at),
      slaBreached: Boolean(row.sla_breached),
    }
    const replayed: Record<keyof ProcessState, unknown> = {
      ...state,
      closedAt: normalizeTime(state.closedAt),
      dueAt: normalizeTime(state.dueAt),
    }
    const differences = COMPARED.filter(
      (column) => JSON.stringify(stored[column]) !== JSON.stringify(replayed[column])
    ).map((column) => ({ column, stored: stored[column], replayed: replayed[column] }))
    return differences.length ? { processId: row.id, reference: row.reference, differences } : null
  }
}

/** Timestamps compared at second precision in UTC, as stored. */
function normalizeTime(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const dt =
    value instanceof Date
      ? DateTime.fromJSDate(value)
      : DateTime.fromSQL(String(value), { zone: 'utc' })
  return dt.isValid ? dt.toUTC().toFormat('yyyy-MM-dd HH:mm:ss') : String(value)
}
