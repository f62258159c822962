import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import type { WorkflowDefinition } from '#engine/definition'

/**
 * Published versions never change, so their parsed definitions are kept in
 * memory after the first read (bounded; oldest dropped first).
 */
const cache = new Map<number, WorkflowDefinition>()
const LIMIT = 500

/** The cached definition of a published version, if it is in memory (no I/O). */
export function cachedDefinitionOf(versionId: number): WorkflowDefinition | undefined {
  return cache.get(versionId)
}

export async function definitionOf(
  versionId: number,
  client?: TransactionClientContract
): Promise<WorkflowDefinition> {
  const cached = cache.get(versionId)
  if (cached) return cached

  const row = await (client ?? db)
    .from('workflow_versions')
    .select('definition', 'status')
    .where('id', versionId)
    .first()
  if (!row) throw new Error(`Workflow version ${versionId} does not exist`)
  const definition = JSON.parse(row.definition) as WorkflowDefinition
  if (row.status !== 'draft') {
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!)
    cache.set(versionId, definition)
  }
  return definition
}

/**
 * Definitions for several versions at once (one query for the missing ones).
 */
export async function definitionsOf(
  versionIds: number[]
): Promise<Map<number, WorkflowDefinition>> {
  const result = new Map<number, WorkflowDefinition>()
  const missing = [...new Set(versionIds)].filter((id) => {
    const cached = cache.get(id)
    if (cached) result.set(id, cached)
    return !cached
  })
  if (missing.length) {
    const rows = await db
      .from('workflow_versions')
      .select('id', 'definition', 'status')
      .whereIn('id', missing)
    for (const row of rows) {
      const definition = JSON.parse(row.definition) as WorkflowDefinition
      result.set(row.id, definition)
      if (row.status !== 'draft') cache.set(row.id, definition)
    }
  }
  return result
}
