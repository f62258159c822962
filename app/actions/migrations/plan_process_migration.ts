import type { WorkflowDefinition } from '#engine/definition'
import { stageOf } from '#engine/state_machine'
import { isFilled } from '#engine/data'
import Process from '#models/process'
import {
  WAITING_ON_CHILDREN,
  parentsWaitingOnChildren,
} from '#actions/processes/children/waiting_parents'

export type PlannedMove = {
  processId: number
  reference: string
  title: string
  fromStage: string
  toStage: string
}
export type PlannedRefusal = {
  processId: number
  reference: string
  title: string
  fromStage: string
  reason: string
}
export type MigrationPlan = { moves: PlannedMove[]; refused: PlannedRefusal[] }

/**
 * Why one process cannot move to `toStage` of the new version, or null.
 * Shared by the dry run and the real run, so both say the same.
 */
export function refusalFor(
  process: Process,
  target: WorkflowDefinition,
  mapping: Record<string, string>,
  /** The process has children still running: it cannot move now. */
  waitingOnChildren = false
) {
  if (waitingOnChildren)
    return { toStage: mapping[process.stageKey] ?? null, reason: WAITING_ON_CHILDREN }
  const toKey = mapping[process.stageKey]
  if (!toKey) return { toStage: null, reason: `No mapping for stage "${process.stageKey}"` }
  const stage = stageOf(target, toKey)
  if (!stage)
    return { toStage: toKey, reason: `Stage "${toKey}" does not exist in the new version` }
  if (stage.type === 'end')
    return {
      toStage: toKey,
      reason: `"${stage.name}" is an end stage; close the process with a transition instead`,
    }
  const missing = (stage.fields ?? [])
    .filter((f) => f.required && !isFilled(process.data[f.key]))
    .map((f) => f.label)
  if (missing.length)
    return {
      toStage: toKey,
      reason: `Required field${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}`,
    }
  return { toStage: toKey, reason: null }
}

/**
 * The dry run: which active processes on `fromVersionId` would move, to
 * which stage, and which would be refused and why. Nothing is written.
 */
export default class PlanProcessMigration {
  async handle(params: {
    fromVersionId: number
    target: WorkflowDefinition
    mapping: Record<string, string>
  }): Promise<MigrationPlan> {
    const processes = await Process.query()
      .where('workflow_version_id', params.fromVersionId)
      .where('status', 'active')
      .orderBy('id')
    const plan: MigrationPlan = { moves: [], refused: [] }
    const waiting = await parentsWaitingOnChildren(processes.map((p) => p.id))
    for (const process of processes) {
      const verdict = refusalFor(process, params.target, params.mapping, waiting.has(process.id))
      const base = {
        processId: process.id,
        reference: process.reference,
        title: process.title,
        fromStage: process.stageKey,
      }
      if (verdict.reason) plan.refused.push({ ...base, reason: verdict.reason })
      else plan.moves.push({ ...base, toStage: verdict.toStage! })
    }
    return plan
  }
}
