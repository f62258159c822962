import db from '@adonisjs/lucid/services/db'
import { mayAccess, type Viewer } from '#support/access/workflow_access'
import { asDateTime } from '#actions/archives/run_retention'

/** What is left of an archived process in the live database, and where the rest lives. */
export type ArchivedStub = {
  processId: number
  reference: string
  title: string
  status: string
  stageKey: string
  workflowKey: string
  workflowName: string
  eventCount: number
  createdAt: string
  closedAt: string
  archivedAt: string
  bundle: string
  bundleMonth: string
}

function query() {
  return db
    .from('archived_processes as a')
    .join('archive_bundles as b', 'b.id', 'a.bundle_id')
    .join('workflows as w', 'w.id', 'a.workflow_id')
    .whereNull('a.restored_at')
    .select(
      'a.process_id',
      'a.reference',
      'a.title',
      'a.status',
      'a.stage_key',
      'a.event_count',
      'a.created_at',
      'a.closed_at',
      'a.archived_at',
      'a.workflow_id',
      'b.name as bundle',
      'b.month as bundle_month',
      'w.key as workflow_key',
      'w.name as workflow_name'
    )
}

function toStub(row: Record<string, any>): ArchivedStub {
  return {
    processId: Number(row.process_id),
    reference: row.reference,
    title: row.title,
    status: row.status,
    stageKey: row.stage_key,
    workflowKey: row.workflow_key,
    workflowName: row.workflow_name,
    eventCount: Number(row.event_count),
    createdAt: asDateTime(row.created_at).toISO()!,
    closedAt: asDateTime(row.closed_at).toISO()!,
    archivedAt: asDateTime(row.archived_at).toISO()!,
    bundle: row.bundle,
    bundleMonth: row.bundle_month,
  }
}

/**
 * The stub of an archived process the viewer may see (its workflow's `see`
 * audience), or null — the process page answers 404 then, as for any id.
 */
export async function archivedStubFor(id: number | string, viewer: Viewer) {
  if (!Number.isSafeInteger(Number(id))) return null
  const row = await query().where('a.process_id', Number(id)).first()
  if (!row || !(await mayAccess(viewer, Number(row.workflow_id), 'see'))) return null
  return toStub(row)
}

/**
 * Archived processes whose reference is `text` (any case), outside the
 * hidden workflows: the list's search shows them below its rows.
 */
export async function archivedByReference(text: string, hiddenWorkflows: number[], limit = 10) {
  const reference = text.trim().toUpperCase()
  // References are "<prefix>-<number>" (StartProcess): other words need no lookup.
  if (reference.length > 24 || !/^[^\s-]+-\d+$/.test(reference)) return []
  const rows = await query()
    .where('a.reference', reference)
    .if(hiddenWorkflows.length > 0, (q) => q.whereNotIn('a.workflow_id', hiddenWorkflows))
    .orderBy('a.process_id')
    .limit(limit)
  return rows.map(toStub)
}
