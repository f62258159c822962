import db from '@adonisjs/lucid/services/db'
import { rollupsOfAllVisits, storedRollups, type RollupMaps } from '#actions/projections/rollups'

export type RollupDifference = {
  table: 'stage_rollups' | 'process_rollups' | 'rollup_histograms'
  /** hour|workflow_version_id|stage_key or part[|bucket] */
  key: string
  stored: string
  expected: string
}

/**
 * Compares the stored rollups with an aggregation of `stage_visits` made
 * afresh (the same code the projector adds with). All-zero rows count as
 * absent.
 */
export async function verifyRollups(options: { batchSize?: number } = {}) {
  const client = db.connection(undefined, { mode: 'write' })
  const expected = await rollupsOfAllVisits(client, options.batchSize)
  const stored = await storedRollups(client)
  const differences: RollupDifference[] = []
  const tables: [RollupDifference['table'], keyof RollupMaps][] = [
    ['stage_rollups', 'stages'],
    ['process_rollups', 'processes'],
    ['rollup_histograms', 'histograms'],
  ]
  for (const [table, part] of tables) {
    const want = expected[part] as Map<string, Record<string, number>>
    const have = stored[part] as Map<string, Record<string, number>>
    const text = (v: Record<string, number> | undefined) => {
      if (!v) return '—'
      const counters = Object.fromEntries(
        Object.entries(v).filter(([name]) => name !== 'workflowId')
      )
      return Object.values(counters).every((n) => n === 0) ? '—' : JSON.stringify(counters)
    }
    for (const key of new Set([...want.keys(), ...have.keys()])) {
      const a = text(have.get(key))
      const b = text(want.get(key))
      if (a !== b) differences.push({ table, key, stored: a, expected: b })
    }
  }
  return {
    rows: stored.stages.size + stored.processes.size + stored.histograms.size,
    differences,
  }
}
