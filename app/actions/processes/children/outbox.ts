import type { WorkflowDefinition } from '#engine/definition'
import type { ProcessState } from '#engine/replay'
import { stageOf } from '#engine/state_machine'
import type Process from '#models/process'
import type { OutboxDraft } from '#actions/processes/outbox'

/**
 * The sub-process messages a change writes with its event, in the same
 * transaction: a child that closes tells its parent (which re-evaluates its
 * wait), and a parent cancelled while in a children stage cancels the
 * children still running.
 */
export function childrenOutbox(
  before: Process,
  next: ProcessState,
  definition: WorkflowDefinition
): OutboxDraft[] {
  if (before.status !== 'active' || next.status === 'active') return []
  const drafts: OutboxDraft[] = []
  if (before.parentId) {
    drafts.push({
      topic: 'children.child_closed',
      queue: 'default',
      payload: { parentId: before.parentId, childId: before.id },
    })
  }
  if (next.status === 'cancelled' && stageOf(definition, before.stageKey)?.children) {
    drafts.push({
      topic: 'children.parent_cancelled',
      queue: 'default',
      payload: { processId: before.id },
    })
  }
  return drafts
}
