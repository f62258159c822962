import { BaseTransformer } from '@adonisjs/core/transformers'
import type { WorkerBeat } from '#actions/admin/check_engine_health'

/**
 * A queue worker process and its last sign of life.
 */
export default class WorkerHeartbeatTransformer extends BaseTransformer<WorkerBeat> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'queues', 'alive']),
      startedAt: this.resource.startedAt.toISO()!,
      beatAt: this.resource.beatAt.toISO()!,
    }
  }
}
