import { BaseTransformer } from '@adonisjs/core/transformers'
import { availableTransitions, stageOf } from '#engine/state_machine'
import ProcessTransformer, { person, type ProcessContext } from '#transformers/process_transformer'
import type { BoardCard } from '#actions/board/load_board'

/**
 * A process as a card on a workflow board: what a card shows (reference,
 * title, stage, assignee, due date) and the moves the viewer may make from
 * it — each transition their role may run, with the fields it still needs
 * (the board asks for those before moving). Not the list row: a board
 * sends a few hundred cards, all of one workflow, so the workflow, the
 * priority and the timestamps no card shows are left out.
 */
export default class BoardCardTransformer extends BaseTransformer<BoardCard> {
  constructor(
    resource: BoardCard,
    protected context: ProcessContext & { now: number }
  ) {
    super(resource)
  }

  toObject() {
    const p = this.resource
    const definition = this.context.definitions.get(p.workflowVersionId)
    const viewer = this.context.viewer
    const stage = definition ? stageOf(definition, p.stageKey) : undefined
    const moves =
      definition && viewer && p.status === 'active'
        ? availableTransitions(definition, {
            stage: p.stageKey,
            role: viewer.role,
            data: p.data,
            guard: ProcessTransformer.guardOf(p, this.context),
          })
            // A failed guard removes the move unless its form asks for data that may make it hold.
            .filter(
              (t) =>
                !t.reasons.includes('role') &&
                !(t.reasons.includes('guard_failed') && !t.transition.requires?.length)
            )
            .map((t) => ({
              key: t.transition.key,
              label: t.transition.label ?? t.transition.key,
              to: t.transition.to,
              missingFields: t.missingFields,
            }))
        : []
    return {
      id: p.id,
      reference: p.reference,
      title: p.title,
      stage: { key: p.stageKey, name: stage?.name ?? p.stageKey },
      status: p.status,
      assignee: person(p.assignee),
      dueAt: p.dueAt?.toISO() ?? null,
      overdue: p.status === 'active' && p.dueAt !== null && p.dueAt.toMillis() < this.context.now,
      closedAt: p.closedAt?.toISO() ?? null,
      version: p.version,
      moves,
    }
  }
}
