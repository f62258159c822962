import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { replay } from '#engine/replay'
import { ReplayError } from '#engine/replay_error'
import type { WorkflowDefinition } from '#engine/definition'
import ProcessEvent from '#models/process_event'
import { NotFound, InvalidInput } from '#exceptions/domain_error'
import { processesOf, verifyLines } from '#support/archives/bundle'
import { readBundle } from '#support/archives/storage'
import { definitionsOf } from '#support/definitions'
import { sqlTime } from '#support/sql_time'
import RebuildSearchIndex from '#actions/search/rebuild_search_index'

/**
 * Brings an archived process back into the live tables: its bundle is
 * read and checked first (a bundle that fails `archive:verify` restores
 * nothing), then, in one transaction, its process row, attachment rows and
 * events are inserted with their original ids, and the row's state is
 * rebuilt by replaying the events (so `processes:verify` agrees with it).
 * People deleted since are left out (null), as their deletion did to the
 * live rows. The stub stays, with `restored_at`: retention leaves the
 * process alone from then on.
 */
export default class RestoreArchivedProcess {
  async handle(reference: string, options: { workflow?: string | null } = {}) {
    const query = db
      .from('archived_processes as a')
      .join('archive_bundles as b', 'b.id', 'a.bundle_id')
      .join('workflows as w', 'w.id', 'a.workflow_id')
      .where('a.reference', reference)
      .whereNull('a.restored_at')
      .select('a.id', 'a.process_id', 'a.reference', 'b.name as bundle', 'w.key as workflow')
    if (options.workflow) query.where('w.key', options.workflow)
    const stubs = await query
    if (!stubs.length) throw new NotFound('Archived process')
    if (stubs.length > 1) {
      throw new InvalidInput(
        `${stubs.length} archived processes have the reference ${reference}: name the workflow (${stubs.map((s: any) => s.workflow).join(', ')}).`
      )
    }
    const stub = stubs[0]
    const lines = await readBundle(stub.bundle)
    const check = verifyLines(lines)
    if (check.problems.length) {
      throw new InvalidInput(
        `Bundle ${stub.bundle} fails verification (${check.problems[0].message} at line ${check.problems[0].position}); nothing restored.`
      )
    }
    const archived = processesOf(lines).find(
      (p) => Number(p.process.id) === Number(stub.process_id)
    )
    if (!archived) throw new NotFound('Archived process')

    const definitions = await definitionsOf([
      ...new Set(
        archived.events
          .flatMap((e) => {
            const payload = parse(e.payload)
            return [payload.workflowVersionId, payload.toVersionId]
          })
          .concat([archived.process.workflow_version_id])
          .filter((v): v is number => typeof v === 'number')
      ),
    ])

    // Read before the transaction: SQLite's pool has one connection.
    for (const table of ['processes', 'process_events', 'attachments']) await columnsOf(table)
    await db.transaction(async (trx) => {
      const people = await existingUsers(trx, [
        archived.process.creator_id,
        archived.process.assignee_id,
        ...archived.events.map((e) => e.actor_id),
        ...archived.attachments.map((a) => a.uploaded_by),
      ])
      const person = (id: unknown) => (id !== null && people.has(Number(id)) ? id : null)
      await trx.table('processes').insert(
        only('processes', {
          ...archived.process,
          creator_id: person(archived.process.creator_id),
          assignee_id: person(archived.process.assignee_id),
        })
      )
      for (let i = 0; i < archived.events.length; i += 200) {
        const chunk = archived.events.slice(i, i + 200)
        const rows = []
        for (const event of chunk) {
          rows.push(only('process_events', { ...event, actor_id: person(event.actor_id) }))
        }
        await trx.table('process_events').multiInsert(rows)
      }
      for (const attachment of archived.attachments) {
        await trx.table('attachments').insert(
          only('attachments', {
            ...attachment,
            uploaded_by: person(attachment.uploaded_by),
          })
        )
      }

      const events = await ProcessEvent.query({ client: trx })
        .where('process_id', stub.process_id)
        .orderBy('sequence')
      const state = replay(
        events.map((e) => e.toEngineEvent()),
        (id): WorkflowDefinition => {
          const definition = definitions.get(id)
          if (!definition)
            throw new ReplayError('unknown_version', `workflow version ${id} does not exist.`)
          return definition
        }
      )
      await trx
        .from('processes')
        .where('id', stub.process_id)
        .update({
          workflow_version_id: state.workflowVersionId,
          title: state.title,
          priority: state.priority,
          stage_key: state.stage,
          status: state.status,
          data: JSON.stringify(state.data),
          assignee_id: person(state.assigneeId),
          version: state.version,
          closed_at: sqlTime(state.closedAt),
          due_at: sqlTime(state.dueAt),
          sla_breached: state.slaBreached,
        })
      await trx
        .from('archived_processes')
        .where('id', stub.id)
        .update({ restored_at: sqlTime(DateTime.utc()) })
    })
    // Its search rows went with it (cascade, or the purge on SQLite's FTS5 table).
    await new RebuildSearchIndex().handle({ processId: Number(stub.process_id) })
    return { processId: Number(stub.process_id), reference: stub.reference, bundle: stub.bundle }
  }
}

function parse(value: unknown): Record<string, any> {
  return typeof value === 'string' ? JSON.parse(value) : ((value ?? {}) as Record<string, any>)
}

async function existingUsers(trx: TransactionClientContract, ids: unknown[]) {
  const wanted = [...new Set(ids.filter((id) => id !== null && id !== undefined).map(Number))]
  if (!wanted.length) return new Set<number>()
  const rows = await trx.from('users').whereIn('id', wanted).select('id')
  return new Set(rows.map((row: { id: number }) => Number(row.id)))
}

const columnCache = new Map<string, Set<string>>()

async function columnsOf(table: string) {
  let columns = columnCache.get(table)
  if (!columns) {
    columns = new Set(Object.keys(await db.connection().columnsInfo(table)))
    columnCache.set(table, columns)
  }
  return columns
}

/** The row limited to the table's columns today (a column added since takes its default). */
function only(table: string, row: Record<string, unknown>) {
  const columns = columnCache.get(table)!
  return Object.fromEntries(Object.entries(row).filter(([key]) => columns.has(key)))
}
