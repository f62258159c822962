import { BaseTransformer } from '@adonisjs/core/transformers'
import type DraftCheck from '#models/draft_check'

/**
 * A background draft check for its poll: status, progress and, once
 * completed, the result. `statusUrl` is where to poll (the API route or
 * the designer's session route, whichever was asked).
 */
export default class DraftCheckTransformer extends BaseTransformer<DraftCheck> {
  constructor(
    resource: DraftCheck,
    protected context: { statusUrl: string }
  ) {
    super(resource)
  }

  toObject() {
    const check = this.resource
    return {
      id: check.id,
      status: check.status,
      progress: check.progress,
      limit: check.processLimit,
      draftVersion: check.draftNumber,
      statusUrl: this.context.statusUrl,
      createdAt: check.createdAt.toISO()!,
      finishedAt: check.finishedAt?.toISO() ?? null,
      error: check.error,
      result: check.result,
    }
  }
}
