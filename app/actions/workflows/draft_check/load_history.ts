import db from '@adonisjs/lucid/services/db'
import type { Role, WorkflowDefinition } from '#engine/definition'
import type { ActorInfo, HistoryToCheck } from '#engine/draft_check'
import ProcessEvent from '#models/process_event'

export type LoadedHistory = {
  histories: HistoryToCheck[]
  actors: Map<number, ActorInfo>
  /** The workflow's published and archived versions, by id. */
  versions: Map<number, WorkflowDefinition>
}

/**
 * The last `limit` processes of a workflow (newest first) with their whole
 * event logs, the actors named in them, and the versions they ran on — in
 * three queries whatever `limit` is. The events are read through a join
 * on the id range of those processes (MySQL cannot `IN` a subquery with
 * LIMIT), then kept only for them.
 */
export async function loadHistory(workflowId: number, limit: number): Promise<LoadedHistory> {
  const processes = await db
    .from('processes')
    .where('workflow_id', workflowId)
    .orderBy('id', 'desc')
    .limit(limit)
    .select('id', 'reference', 'title')
  const versions = new Map<number, WorkflowDefinition>()
  const actors = new Map<number, ActorInfo>()
  if (processes.length === 0) return { histories: [], actors, versions }

  const ids = processes.map((row) => Number(row.id))
  const [events, versionRows] = await Promise.all([
    ProcessEvent.query()
      .join('processes', 'processes.id', 'process_events.process_id')
      .leftJoin('users', 'users.id', 'process_events.actor_id')
      .where('processes.workflow_id', workflowId)
      .whereBetween('processes.id', [Math.min(...ids), Math.max(...ids)])
      .orderBy('process_events.process_id')
      .orderBy('process_events.sequence')
      .select('process_events.*', 'users.email as actor_email', 'users.role as actor_role'),
    db
      .from('workflow_versions')
      .where('workflow_id', workflowId)
      .whereNot('status', 'draft')
      .select('id', 'definition'),
  ])

  for (const row of versionRows) {
    versions.set(Number(row.id), JSON.parse(row.definition) as WorkflowDefinition)
  }
  const byProcess = new Map<number, HistoryToCheck['events'][number][]>()
  for (const event of events) {
    let list = byProcess.get(event.processId)
    if (!list) byProcess.set(event.processId, (list = []))
    list.push(event.toEngineEvent())
    const email = event.$extras.actor_email as string | null
    if (event.actorId !== null && email) {
      actors.set(event.actorId, { email, role: event.$extras.actor_role as Role })
    }
  }
  const histories = processes.map((row) => ({
    processId: Number(row.id),
    reference: String(row.reference),
    title: String(row.title),
    events: byProcess.get(Number(row.id)) ?? [],
  }))
  return { histories, actors, versions }
}
