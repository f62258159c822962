import { DateTime } from 'luxon'
import { Job, type JobContext } from '#queue/job'
import DraftCheck from '#models/draft_check'
import { runDraftCheck } from '#actions/workflows/draft_check/run_draft_check'

type Payload = { checkId: number }

/**
 * Tests a draft against history on the `reports` queue (a check of more
 * processes than a request handles), saving progress after each slice.
 * Idempotent: a completed run is left alone; a retried one starts over.
 */
export default class RunDraftCheck extends Job<Payload> {
  static jobName = 'run_draft_check'

  async handle(payload: Payload, context: JobContext) {
    const check = await DraftCheck.find(payload.checkId)
    if (!check || check.status === 'completed') return
    check.merge({ status: 'running', progress: 1, startedAt: DateTime.now(), error: null })
    await check.save()

    const result = await runDraftCheck({
      workflowId: check.workflowId,
      draft: { number: check.draftNumber, definition: check.definition },
      limit: check.processLimit,
      progress: async (percent) => {
        check.progress = Math.max(1, Math.min(99, percent))
        await check.save()
        await context.progress(check.progress)
      },
    })
    check.merge({ status: 'completed', progress: 100, result, finishedAt: DateTime.now() })
    await check.save()
    context.logger.info(
      { checkId: check.id, checked: result.summary.checked, affected: result.summary.affected },
      'draft checked against history'
    )
  }

  async failed(payload: Payload, error: Error) {
    const check = await DraftCheck.find(payload.checkId)
    if (!check || check.status === 'completed') return
    check.merge({ status: 'failed', error: error.message, finishedAt: DateTime.now() })
    await check.save()
  }
}
