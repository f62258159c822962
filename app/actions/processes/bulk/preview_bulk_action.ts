import type User from '#models/user'
import type { BulkSelection } from '#models/bulk_operation'
import { definitionsOf } from '#support/definitions'
import { judge, type BulkPlan, type RefusalCode } from '#actions/processes/bulk/judge'
import { BULK_LIMIT, processBatches, selectionQuery } from '#actions/processes/bulk/selection'

/** Refused rows listed by name in a preview; the rest are counted by reason. */
export const PREVIEW_SAMPLE = 50

export type BulkPreview = {
  total: number
  applicable: number
  refused: number
  limit: number
  tooMany: boolean
  reasons: { code: RefusalCode; count: number }[]
  samples: {
    processId: number
    reference: string
    title: string
    code: RefusalCode
    detail: string | null
  }[]
}

/**
 * What a bulk action would do, without doing it: how many processes it
 * would change and which it would refuse, and why. Reads the selection in
 * batches (one query per 500 rows, plus the definitions not cached yet),
 * so the number of queries does not grow with the rows up to a batch.
 */
export default class PreviewBulkAction {
  async handle(params: { plan: BulkPlan; selection: BulkSelection; viewer: User }) {
    const query = await selectionQuery(params.selection, params.viewer)
    const preview: BulkPreview = {
      total: 0,
      applicable: 0,
      refused: 0,
      limit: BULK_LIMIT,
      tooMany: false,
      reasons: [],
      samples: [],
    }
    const reasons = new Map<RefusalCode, number>()

    for await (const batch of processBatches(query, { limit: BULK_LIMIT })) {
      const definitions = await definitionsOf(batch.map((p) => p.workflowVersionId))
      for (const process of batch) {
        preview.total++
        const verdict = judge(process, params.plan, definitions.get(process.workflowVersionId)!)
        if (verdict.ok) {
          preview.applicable++
          continue
        }
        preview.refused++
        reasons.set(verdict.code, (reasons.get(verdict.code) ?? 0) + 1)
        if (preview.samples.length < PREVIEW_SAMPLE) {
          preview.samples.push({
            processId: process.id,
            reference: process.reference,
            title: process.title,
            code: verdict.code,
            detail: verdict.detail,
          })
        }
      }
    }
    preview.tooMany = preview.total > BULK_LIMIT
    preview.reasons = [...reasons].map(([code, count]) => ({ code, count }))
    return preview
  }
}
