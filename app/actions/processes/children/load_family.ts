import { childrenProgress } from '#engine/children'
import { stageOf } from '#engine/state_machine'
import ChildSpawn from '#models/child_spawn'
import Process from '#models/process'
import { definitionsOf } from '#support/definitions'

type FamilyMember = {
  id: number
  reference: string
  title: string
  workflowName: string
  stageName: string
  status: Process['status']
  createdAt: string
}

export type Family = {
  parent: FamilyMember | null
  children: (FamilyMember & { index: number })[]
  /** The current children stage's wait, while the process is in it. */
  waiting: { finished: number; total: number; running: string[] } | null
  /** Why the children of the current stage could not be started, if they could not. */
  attention: string | null
}

/**
 * A process's parent and children for its page (the tree, the breadcrumb,
 * the "Waiting on" line): at most four queries, whatever the number of
 * children; none for the children or the current stage's spawn when
 * `present` says there are none.
 */
export default class LoadFamily {
  async handle(
    process: Process,
    present: { children: boolean; spawn: boolean } = { children: true, spawn: true }
  ): Promise<Family> {
    const parent = process.parentId
      ? await Process.query().where('id', process.parentId).preload('workflow').first()
      : null
    const children = present.children
      ? await Process.query()
          .where('parent_id', process.id)
          .preload('workflow')
          .orderBy('parent_sequence')
          .orderBy('parent_index')
      : []
    const spawn =
      process.status === 'active' && present.spawn
        ? await ChildSpawn.query()
            .where('parent_id', process.id)
            .where('stage_key', process.stageKey)
            .orderBy('entry_sequence', 'desc')
            .first()
        : null
    const definitions = await definitionsOf(
      [parent, ...children].filter((p): p is Process => p !== null).map((p) => p.workflowVersionId)
    )
    const member = (p: Process): FamilyMember => {
      const definition = definitions.get(p.workflowVersionId)
      return {
        id: p.id,
        reference: p.reference,
        title: p.title,
        workflowName: p.workflow?.name ?? definition?.name ?? '',
        stageName: (definition && stageOf(definition, p.stageKey)?.name) ?? p.stageKey,
        status: p.status,
        createdAt: p.createdAt.toISO()!,
      }
    }
    const current =
      spawn && spawn.status !== 'done'
        ? children.filter((c) => c.parentSequence === spawn.entrySequence)
        : []
    return {
      parent: parent ? member(parent) : null,
      children: children.map((c) => ({ ...member(c), index: c.parentIndex ?? 0 })),
      waiting: spawn && spawn.status === 'waiting' ? childrenProgress(current) : null,
      attention: spawn?.status === 'needs_attention' ? spawn.error : null,
    }
  }
}
