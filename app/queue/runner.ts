import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { UnrecoverableError } from 'bullmq'
import { loadJob } from '#queue/registry'
import type { JobContext } from '#queue/job'
import { jobDuration, jobFailures } from '#support/metrics/instruments'
import { withJobContext } from '#support/observability/log_context'
import { SpanKind, contextOf, inSpan } from '#support/observability/tracing'

export type Execution = {
  jobId: string
  name: string
  payload: Record<string, unknown>
  attempt: number
  maxAttempts: number
  progress(value: number): Promise<void>
}

/**
 * Runs one try of a job, the same way for every driver, in a span that
 * continues the trace of whoever queued it (the `traceparent` the outbox
 * relay put in the job data) and with the job's fields on every log line.
 */
export function executeJob(execution: Execution) {
  const processId = Number(execution.payload.processId) || undefined
  return withJobContext({ job: execution.name, process_id: processId }, () =>
    inSpan(
      `job ${execution.name}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextOf(execution.payload.traceparent),
        attributes: {
          'job.name': execution.name,
          'job.id': execution.jobId,
          'job.attempt': execution.attempt,
          ...(processId ? { 'process.id': processId } : {}),
        },
      },
      () => runJob(execution)
    )
  )
}

/**
 * Resolves the class through the container (so it can inject services),
 * logs start and end as structured lines (a routine job's success at
 * debug), and calls the job's `failed` hook when this was its last try
 * (or the error is unrecoverable).
 */
async function runJob(execution: Execution) {
  const JobClass = await loadJob(execution.name)
  const job = await app.container.make(JobClass)
  const log = logger.child({
    job: execution.name,
    jobId: execution.jobId,
    attempt: execution.attempt,
  })
  const context: JobContext = {
    jobId: execution.jobId,
    attempt: execution.attempt,
    maxAttempts: execution.maxAttempts,
    logger: log,
    progress: execution.progress,
  }

  const started = performance.now()
  log.debug('job started')
  try {
    await job.handle(execution.payload, context)
    const level = JobClass.routine ? 'debug' : 'info'
    log[level]({ ms: Math.round(performance.now() - started) }, 'job completed')
    jobDuration.observe(
      { job: execution.name, outcome: 'completed' },
      (performance.now() - started) / 1000
    )
  } catch (error) {
    const final = error instanceof UnrecoverableError || execution.attempt >= execution.maxAttempts
    jobDuration.observe(
      { job: execution.name, outcome: 'failed' },
      (performance.now() - started) / 1000
    )
    jobFailures.inc({ job: execution.name, final: String(final) })
    log.warn(
      { err: error, final, ms: Math.round(performance.now() - started) },
      final ? 'job failed for good' : 'job failed, will retry'
    )
    if (final) {
      await job
        .failed(execution.payload, error as Error)
        .catch((hookError) => log.error({ err: hookError }, 'failed hook threw'))
    }
    throw error
  }
}
