import { BaseTransformer } from '@adonisjs/core/transformers'
import type ProcessEvent from '#models/process_event'
import type User from '#models/user'

/**
 * One timeline entry: who did what, when, from which stage to which.
 */
export default class ProcessEventTransformer extends BaseTransformer<ProcessEvent> {
  toObject() {
    const e = this.resource
    const actor = e.$preloaded.actor as User | undefined
    return {
      id: e.id,
      sequence: e.sequence,
      type: e.type,
      fromStage: e.fromStage,
      toStage: e.toStage,
      actor: actor ? { id: actor.id, name: actor.name } : null,
      payload: e.payload,
      occurredAt: e.occurredAt.toISO()!,
    }
  }
}
