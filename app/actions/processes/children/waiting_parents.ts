import Process from '#models/process'

/** The message a migration gives for a parent that waits on children. */
export const WAITING_ON_CHILDREN =
  'It is waiting on child processes; migrate it once they have finished (or cancel them).'

/** Which of `parentIds` have children still running (one query). */
export async function parentsWaitingOnChildren(parentIds: number[]): Promise<Set<number>> {
  if (parentIds.length === 0) return new Set()
  const rows = await Process.query()
    .whereIn('parent_id', parentIds)
    .where('status', 'active')
    .distinct('parent_id')
    .select('parent_id')
  return new Set(rows.map((row) => row.parentId!))
}
