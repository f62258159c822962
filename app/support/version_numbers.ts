import db from '@adonisjs/lucid/services/db'

/**
 * A workflow version's number is given when the version is created and
 * never changes, so it is kept in memory after the first read (bounded;
 * oldest dropped first). The process page shows it without a query.
 */
const cache = new Map<number, { workflowId: number; number: number }>()
const LIMIT = 5000

export async function versionNumberOf(
  versionId: number
): Promise<{ workflowId: number; number: number } | null> {
  const cached = cache.get(versionId)
  if (cached) return cached
  const row = await db
    .from('workflow_versions')
    .select('workflow_id', 'number')
    .where('id', versionId)
    .first()
  if (!row) return null
  const entry = { workflowId: Number(row.workflow_id), number: Number(row.number) }
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!)
  cache.set(versionId, entry)
  return entry
}
