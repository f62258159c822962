import db from '@adonisjs/lucid/services/db'
import { rollupsOfAllVisits, storedRollups, type RollupMaps } from '#actions/projections/rollups'
import {
  eventRollupsOfAllTallies,
  storedEventRollups,
  talliesAgainstLog,
} from '#actions/projections/event_rollups'
import { readCheckpoint } from '#actions/projections/stage_visits_projector'
import { verifiableProcessIds } from '#actions/projections/verify_stage_visits'

export type RollupDifference = {
  table:
    'stage_rollups' | 'process_rollups' | 'rollup_histograms' | 'event_rollups' | 'event_tallies'
  /** hour|workflow_version_id|stage_key or part[|bucket]; hour|version|kind|stage|person (tallies: process|…) */
  key: string
  stored: string
  expected: string
}

/**
 * Compares the stored rollups with an aggregation of `stage_visits` made
 * afresh (the same code the projector adds with), the event rollups with
 * one of `event_tallies`, and the tallies of live processes with the log.
 * All-zero rows count as absent.
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
  const wantEvents = await eventRollupsOfAllTallies(client)
  const haveEvents = await storedEventRollups(client)
  for (const key of new Set([...wantEvents.keys(), ...haveEvents.keys()])) {
    const text = (v?: { n: number }) => (v?.n ? String(v.n) : '—')
    const a = text(haveEvents.get(key))
    const b = text(wantEvents.get(key))
    if (a !== b) differences.push({ table: 'event_rollups', key, stored: a, expected: b })
  }
  // The tallies of the processes verifyStageVisits checks (read by the projector, not archived).
  const checkpoint = await readCheckpoint(client)
  let after = 0
  while (checkpoint) {
    const ids = await verifiableProcessIds(
      client,
      checkpoint.position,
      after,
      options.batchSize ?? 1000
    )
    if (!ids.length) break
    for (const d of await talliesAgainstLog(client, ids)) {
      differences.push({ table: 'event_tallies', ...d })
    }
    after = ids.at(-1)!
  }
  return {
    rows: stored.stages.size + stored.processes.size + stored.histograms.size + haveEvents.size,
    differences,
  }
}
