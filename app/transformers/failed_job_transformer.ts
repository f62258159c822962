import { BaseTransformer } from '@adonisjs/core/transformers'
import type { FailedJob } from '#queue/driver'

/**
 * A job that failed for good: what it was, why, and where it broke. The
 * payload holds ids only (job data is stored in clear text), shown as JSON.
 */
export default class FailedJobTransformer extends BaseTransformer<FailedJob> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'name', 'attempts', 'error', 'stack', 'failedAt']),
      payload: JSON.stringify(this.resource.payload ?? {}),
    }
  }
}
