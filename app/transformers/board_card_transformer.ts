import { availableTransitions } from '#engine/state_machine'
import ProcessTransformer from '#transformers/process_transformer'

/**
 * A process as a card on a workflow board: the list row plus the moves
 * the viewer may make from it — each transition their role may run, with
 * the fields it still needs (the board asks for those before moving).
 */
export default class BoardCardTransformer extends ProcessTransformer {
  toObject() {
    const p = this.resource
    const definition = this.context.definitions.get(p.workflowVersionId)
    const viewer = this.context.viewer
    const moves =
      definition && viewer && p.status === 'active'
        ? availableTransitions(definition, {
            stage: p.stageKey,
            role: viewer.role,
            data: p.data,
            guard: this.guardFor(p),
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
    return { ...super.toObject(), moves }
  }
}
