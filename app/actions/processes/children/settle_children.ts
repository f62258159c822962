import { collectedRows, evaluateWait } from '#engine/children'
import { stageOf } from '#engine/state_machine'
import ChildSpawn from '#models/child_spawn'
import Process from '#models/process'
import { DomainError } from '#exceptions/domain_error'
import { VersionConflict } from '#exceptions/process_errors'
import { definitionOf } from '#support/definitions'
import TransitionProcess from '#actions/processes/transition_process'
import { inSameStageVisit } from '#actions/processes/stage_visit'

/** The idempotency key of a parent's move out of a children stage: one per stage entry. */
const settleKey = (parentId: number, sequence: number) => `children-done:${parentId}:${sequence}`

/**
 * Re-evaluates a parent's wait after one of its children closed (or once
 * all are started). When the wait policy is met, the parent takes
 * `onComplete` or `onChildFailure` as the system through the one write
 * path, with a key per stage entry: two children closing at the same
 * instant run this twice, and the parent moves once.
 */
export default class SettleChildren {
  async handle(payload: { parentId: number }): Promise<void> {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const parent = await Process.find(payload.parentId)
      if (!parent || parent.status !== 'active') return
      const spawn = await ChildSpawn.query()
        .where('parent_id', parent.id)
        .where('status', 'waiting')
        .orderBy('entry_sequence', 'desc')
        .first()
      if (!spawn || !(await inSameStageVisit(parent, spawn.stageKey, spawn.entrySequence))) return
      const definition = await definitionOf(parent.workflowVersionId)
      const settings = stageOf(definition, spawn.stageKey)?.children
      if (!settings) return

      const children = await Process.query()
        .where('parent_id', parent.id)
        .where('parent_sequence', spawn.entrySequence)
        .orderBy('parent_index')
        .select('id', 'status', 'data', 'title', 'parent_index')
      if (children.length < spawn.total) return // still spawning; the spawn job settles at its end
      const verdict = evaluateWait(settings, children)
      if (!verdict.done) return

      const data = settings.collect ? { [settings.collect]: collectedRows(children) } : undefined
      try {
        await new TransitionProcess().handle({
          process: parent,
          transition: verdict.transition,
          expectedVersion: parent.version,
          data,
          actor: { id: null, role: 'system' },
          idempotencyKey: settleKey(parent.id, spawn.entrySequence),
          origin: { childSpawnId: spawn.id },
        })
      } catch (error) {
        if (error instanceof VersionConflict) continue
        if (error instanceof DomainError) {
          spawn.merge({ status: 'needs_attention', error: error.message })
          await spawn.save()
          return
        }
        throw error
      }
      spawn.status = 'done'
      await spawn.save()
      return
    }
  }
}
