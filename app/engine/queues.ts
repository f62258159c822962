/**
 * Team work queues: where an unassigned process waits. Pure: derived from
 * the state and its stage, so the write path stores it with the row and a
 * replay gives the same answer.
 */
import type { StageDefinition } from '#engine/definition'
import type { ProcessState } from '#engine/replay'

/** The team whose queue the process is in: active, unassigned, in a stage assigned to a team. */
export function queueOf(stage: StageDefinition | undefined, state: ProcessState): string | null {
  if (state.status !== 'active' || state.assigneeId !== null) return null
  return stage?.assignee?.team ?? null
}
