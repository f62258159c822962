import { Writable } from 'node:stream'
import { test } from '@japa/runner'
import { Logger } from '@adonisjs/core/logger'
import loggerConfig from '#config/logger'
import { annotateLogContext, withJobContext } from '#support/observability/log_context'

/**
 * The application's logger settings (config/logger.ts) writing into a
 * buffer instead of stdout: what reaches a log line.
 */
function capturedLogger() {
  const lines: string[] = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      done()
    },
  })
  const logger = new Logger({
    ...loggerConfig.loggers.app,
    transport: undefined,
    level: 'info',
    desination: sink,
  })
  return { logger, lines }
}

test.group('Observability / log lines', () => {
  test('credentials are redacted by key, and secret values, bearer credentials and API tokens wherever they appear', ({
    assert,
  }) => {
    const { logger, lines } = capturedLogger()
    // APP_KEY is one of the configured secrets (the test runner sets a random one).
    const appKey = process.env.APP_KEY!
    const apiToken = 'sf_MTI.Zm9vYmFyYmF6cXV4cXV1eGNvcmdl'
    logger.info(
      {
        headers: { authorization: 'Bearer abc.def.ghi', cookie: 'session=1' },
        password: 'correct-horse',
        request: { token: 'tok-123', secret: 'shh' },
        error: `partner said: credentials "Bearer ${appKey}" rejected`,
      },
      `calling with ${apiToken} and Basic dXNlcjpwYXNzd29yZA==`
    )

    assert.lengthOf(lines, 1)
    const line = lines[0]!
    for (const leaked of [appKey, 'abc.def.ghi', 'session=1', 'correct-horse', 'tok-123', 'shh']) {
      assert.notInclude(line, leaked)
    }
    assert.notInclude(line, 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdl')
    assert.notInclude(line, 'dXNlcjpwYXNzd29yZA==')
    const entry = JSON.parse(line)
    assert.equal(entry.headers.authorization, '[redacted]')
    assert.equal(entry.password, '[redacted]')
    assert.equal(entry.request.token, '[redacted]')
    assert.equal(entry.error, 'partner said: credentials "Bearer [redacted]" rejected')
    assert.equal(entry.msg, 'calling with sf_[redacted] and Basic [redacted]')
  })

  test('inside a job every line says which job, process and workflow, once', async ({ assert }) => {
    const { logger, lines } = capturedLogger()
    await withJobContext({ job: 'run_action', process_id: 42 }, async () => {
      logger.info('before the engine knows the workflow')
      await Promise.resolve()
      annotateLogContext({ workflow_key: 'traced-flow' })
      logger.info('after')
      logger.child({ job: 'run_action', jobId: 'outbox-1' }).info('from the job logger')
    })
    logger.info('outside any job')

    const entries = lines.map((line) => JSON.parse(line))
    assert.include(entries[0], { job: 'run_action', process_id: 42 })
    assert.notProperty(entries[0], 'workflow_key')
    assert.include(entries[1], { job: 'run_action', process_id: 42, workflow_key: 'traced-flow' })
    assert.include(entries[2], { job: 'run_action', jobId: 'outbox-1', process_id: 42 })
    assert.equal(
      lines[2]!.split('"job":').length - 1,
      1,
      'a field the child carries is not repeated'
    )
    assert.notProperty(entries[3], 'job')
    assert.notProperty(entries[3], 'process_id')
    // No tracing in the test process: no trace ids are made up.
    assert.notProperty(entries[1], 'trace_id')
  })
})
