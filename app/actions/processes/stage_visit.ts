import db from '@adonisjs/lucid/services/db'
import type Process from '#models/process'

/**
 * Whether the process is still in the stage visit that began at
 * `enteredVersion` (no stage change since). Timers use it to do nothing
 * once a person moved the process on, even if it later came back.
 */
export async function inSameStageVisit(process: Process, stage: string, enteredVersion: number) {
  if (process.status !== 'active' || process.stageKey !== stage) return false
  const latestEntry = await db
    .from('process_events')
    .where('process_id', process.id)
    .whereIn('type', ['started', 'transitioned', 'migrated'])
    .max('sequence as sequence')
    .first()
  return Number(latestEntry?.sequence) === enteredVersion
}
