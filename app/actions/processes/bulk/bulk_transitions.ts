import type User from '#models/user'
import type { BulkSelection } from '#models/bulk_operation'
import { definitionsOf } from '#support/definitions'
import { selectionQuery } from '#actions/processes/bulk/selection'

/**
 * The transitions a bulk "transition" can offer for a selection: every
 * transition leaving a stage where some selected, active process stands,
 * with how many stand there (one grouped query plus the definitions).
 * Several workflows can share a key; they are offered as one choice.
 */
export default class BulkTransitions {
  async handle(selection: BulkSelection, viewer: User) {
    const query = await selectionQuery(selection, viewer)
    const groups = await query()
      .where('processes.status', 'active')
      .select('processes.workflow_version_id', 'processes.stage_key')
      .count('* as total')
      .groupBy('processes.workflow_version_id', 'processes.stage_key')
      .pojo<{ workflow_version_id: number; stage_key: string; total: number | string }>()

    const definitions = await definitionsOf(groups.map((g) => Number(g.workflow_version_id)))
    const byKey = new Map<string, { key: string; label: string; count: number }>()
    for (const group of groups) {
      const definition = definitions.get(Number(group.workflow_version_id))
      if (!definition) continue
      for (const transition of definition.transitions) {
        if (transition.from !== group.stage_key) continue
        const entry = byKey.get(transition.key) ?? {
          key: transition.key,
          label: transition.label ?? transition.key,
          count: 0,
        }
        entry.count += Number(group.total)
        byKey.set(transition.key, entry)
      }
    }
    return [...byKey.values()].sort((a, b) => a.label.localeCompare(b.label))
  }
}
