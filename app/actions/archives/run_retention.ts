import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import Workflow from '#models/workflow'
import { bundleLines, type ArchivedProcess } from '#support/archives/bundle'
import { freeBundleName, plainRow, removeBundle, writeBundle } from '#support/archives/storage'
import { sqlTime } from '#support/sql_time'
import PurgeArchived from '#actions/archives/purge_archived'

export type RetentionResult = {
  bundles: { name: string; workflow: string; month: string; processes: number; events: number }[]
  archived: number
  purged: number
}

/** Processes per read while a bundle is built (each read: rows, events, attachments). */
const READ_BATCH = 200

/**
 * The retention job's work. For each workflow with a policy, whole months
 * of closing that lie before `now − archiveClosedAfterDays` are archived:
 * their closed top-level processes (no parent, no children) are written
 * to one bundle per month through drive, the stubs and the bundle's row
 * are recorded in one transaction (which also checks that no archived
 * process changed meanwhile), then the live rows are removed in small
 * batches (`PurgeArchived`). A process with a stub is never picked again,
 * so running twice archives nothing twice; a run that stopped after the
 * stubs finishes the removal on the next run.
 */
export default class RunRetention {
  async handle(options: { now?: DateTime; batchSize?: number } = {}): Promise<RetentionResult> {
    const now = options.now ?? DateTime.utc()
    const purge = new PurgeArchived()
    const result: RetentionResult = { bundles: [], archived: 0, purged: 0 }
    // Left over by a run that stopped between the stubs and the removal.
    result.purged += await purge.handle({ batchSize: options.batchSize })

    const workflows = await Workflow.query().whereNotNull('retention').orderBy('id')
    for (const workflow of workflows) {
      const days = Number(workflow.retention?.archiveClosedAfterDays)
      if (!Number.isInteger(days) || days < 1) continue
      const before = now.toUTC().minus({ days }).startOf('month')
      for (;;) {
        const first = await this.candidates(workflow.id, before).select('closed_at').first()
        if (!first) break
        const start = asDateTime(first.closed_at).startOf('month')
        const end = DateTime.min(start.plus({ months: 1 }), before)
        const bundle = await this.archiveMonth(workflow, start, end, now)
        if (!bundle) break
        result.bundles.push(bundle)
        result.archived += bundle.processes
        result.purged += await purge.handle({ batchSize: options.batchSize })
      }
    }
    return result
  }

  /** Closed top-level processes without children, closed before `before`, with no stub yet. */
  protected candidates(workflowId: number, before: DateTime, from?: DateTime) {
    const query = db
      .from('processes')
      .where('processes.workflow_id', workflowId)
      .whereNotNull('processes.closed_at')
      .where('processes.closed_at', '<', sqlTime(before)!)
      .whereNot('processes.status', 'active')
      .whereNull('processes.parent_id')
      .whereNotExists((sub) =>
        sub.from('archived_processes as a').whereColumn('a.process_id', 'processes.id')
      )
      .whereNotExists((sub) =>
        sub.from('processes as c').whereColumn('c.parent_id', 'processes.id')
      )
      .whereNotExists((sub) =>
        sub.from('child_spawns as s').whereColumn('s.parent_id', 'processes.id')
      )
      .orderBy('processes.closed_at')
      .orderBy('processes.id')
    if (from) query.where('processes.closed_at', '>=', sqlTime(from)!)
    return query
  }

  protected async archiveMonth(workflow: Workflow, start: DateTime, end: DateTime, now: DateTime) {
    const month = start.toFormat('yyyy-MM')
    const found: { id: number }[] = await this.candidates(workflow.id, end, start).select(
      'processes.id'
    )
    const ids = found.map((row) => Number(row.id))
    if (!ids.length) return null

    const processes: ArchivedProcess[] = []
    for (let i = 0; i < ids.length; i += READ_BATCH) {
      processes.push(...(await readProcesses(ids.slice(i, i + READ_BATCH))))
    }
    const { lines, manifest } = bundleLines(workflow.key, month, processes)
    const name = await freeBundleName(workflow.key, month, new Set())
    const file = await writeBundle(name, lines)

    try {
      await db.transaction(async (trx) => {
        // Nothing archived may have changed since it was read.
        for (let i = 0; i < processes.length; i += READ_BATCH) {
          const chunk = processes.slice(i, i + READ_BATCH)
          const rows = await trx
            .from('processes')
            .whereIn(
              'id',
              chunk.map((p) => Number(p.process.id))
            )
            .select('id', 'version')
            .forUpdate()
          const versions = new Map(rows.map((r: any) => [Number(r.id), Number(r.version)]))
          const changed = chunk.find(
            (p) => versions.get(Number(p.process.id)) !== Number(p.process.version)
          )
          if (changed)
            throw new Error(`process ${changed.process.reference} changed while archived`)
        }
        const [bundleId] = await trx.table('archive_bundles').insert({
          name,
          workflow_id: workflow.id,
          month,
          process_count: manifest.processCount,
          event_count: manifest.eventCount,
          line_count: manifest.lineCount,
          first_hash: manifest.firstHash,
          last_hash: manifest.lastHash,
          sha256: file.sha256,
          bytes: file.bytes,
          created_at: sqlTime(now),
        })
        const stubs = processes.map(({ process, events }) => ({
          process_id: Number(process.id),
          workflow_id: workflow.id,
          reference: process.reference,
          title: process.title,
          status: process.status,
          stage_key: process.stage_key,
          event_count: events.length,
          created_at: sqlTime(asDateTime(process.created_at)),
          closed_at: sqlTime(asDateTime(process.closed_at)),
          bundle_id: Number(bundleId),
          archived_at: sqlTime(now),
        }))
        for (let i = 0; i < stubs.length; i += READ_BATCH) {
          await trx.table('archived_processes').multiInsert(stubs.slice(i, i + READ_BATCH))
        }
      })
    } catch (error) {
      await removeBundle(name)
      logger.warn({ err: error, bundle: name }, 'archive bundle abandoned; retried on the next run')
      return null
    }
    logger.info({ bundle: name, processes: processes.length }, 'archive bundle written')
    return {
      name,
      workflow: workflow.key,
      month,
      processes: manifest.processCount,
      events: manifest.eventCount,
    }
  }
}

/** The rows of some processes, their attachments and events (sequence order). */
async function readProcesses(ids: number[]): Promise<ArchivedProcess[]> {
  const client = db.connection(undefined, { mode: 'write' })
  const [rows, attachments, events] = await Promise.all([
    client.from('processes').whereIn('id', ids).orderBy('closed_at').orderBy('id'),
    client.from('attachments').whereIn('process_id', ids).orderBy('id'),
    client
      .from('process_events')
      .whereIn('process_id', ids)
      .orderBy('process_id')
      .orderBy('sequence'),
  ])
  const byId = new Map<number, ArchivedProcess>()
  const order = new Map(ids.map((id, index) => [id, index]))
  for (const row of rows) {
    byId.set(Number(row.id), { process: plainRow(row), attachments: [], events: [] })
  }
  for (const row of attachments) byId.get(Number(row.process_id))?.attachments.push(plainRow(row))
  for (const row of events) byId.get(Number(row.process_id))?.events.push(plainRow(row))
  return [...byId.entries()]
    .sort((a, b) => order.get(a[0])! - order.get(b[0])!)
    .map(([, value]) => value)
}

/** A stored timestamp (a Date from MySQL, text from SQLite or a bundle) in UTC. */
export function asDateTime(value: unknown): DateTime {
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone: 'utc' })
  const sql = DateTime.fromSQL(String(value), { zone: 'utc' })
  return sql.isValid ? sql : DateTime.fromISO(String(value), { zone: 'utc' })
}
