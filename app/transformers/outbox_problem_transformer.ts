import { BaseTransformer } from '@adonisjs/core/transformers'
import type OutboxMessage from '#models/outbox_message'

/**
 * An outbox message that could not be published: failed for good (no job
 * handles its topic) or pending again after a failed try.
 */
export default class OutboxProblemTransformer extends BaseTransformer<OutboxMessage> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'topic', 'queue', 'status', 'attempts', 'processId']),
      lastError: this.resource.lastError ?? '',
      availableAt: this.resource.availableAt.toISO()!,
      createdAt: this.resource.createdAt.toISO()!,
    }
  }
}
