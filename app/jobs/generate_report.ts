import { DateTime } from 'luxon'
import { Job, type JobContext } from '#queue/job'
import ReportRun from '#models/report_run'
import ComputeReport from '#actions/reports/compute_report'

type Payload = { runId: number }

/**
 * Computes a report run on the `reports` queue, saving progress as it
 * goes. Idempotent: a completed run is left alone; a retried one starts over.
 */
export default class GenerateReport extends Job<Payload> {
  static jobName = 'generate_report'

  async handle(payload: Payload, context: JobContext) {
    const run = await ReportRun.find(payload.runId)
    if (!run || run.status === 'completed') return
    run.merge({ status: 'running', progress: 1, startedAt: DateTime.now(), error: null })
    await run.save()

    const result = await new ComputeReport().handle({
      kind: run.kind,
      params: run.params,
      progress: async (percent) => {
        run.progress = Math.min(99, Math.round(percent))
        await run.save()
        await context.progress(run.progress)
      },
    })
    run.merge({ status: 'completed', progress: 100, result, finishedAt: DateTime.now() })
    await run.save()
    context.logger.info({ runId: run.id, kind: run.kind }, 'report computed')
  }

  async failed(payload: Payload, error: Error) {
    const run = await ReportRun.find(payload.runId)
    if (!run || run.status === 'completed') return
    run.merge({ status: 'failed', error: error.message, finishedAt: DateTime.now() })
    await run.save()
  }
}
