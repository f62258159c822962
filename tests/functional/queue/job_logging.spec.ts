import { test } from '@japa/runner'
import logger from '@adonisjs/core/services/logger'
import { Job } from '#queue/job'
import { JOBS } from '#queue/registry'
import { executeJob } from '#queue/runner'
import { freshDatabase } from '#tests/helpers/common'

type Line = { level: string; job: unknown; message: unknown }

/**
 * Records what the runner logs for each job, by level, instead of writing
 * it (the expected warning would read as a failure in the test output).
 */
function recordJobLogs(lines: Line[]) {
  const original = logger.child
  logger.child = function (this: typeof logger, bindings: Record<string, unknown>, ...rest: any[]) {
    const child = original.call(this, bindings, ...rest)
    return new Proxy(child, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver)
        if (!['debug', 'info', 'warn', 'error'].includes(String(property))) return value
        return (...args: unknown[]) => {
          lines.push({ level: String(property), job: bindings.job, message: args.at(-1) })
        }
      },
    })
  } as typeof logger.child
  return () => {
    logger.child = original
  }
}

class FlakyHousekeeping extends Job<{ fail?: boolean }> {
  static jobName = 'test_flaky_housekeeping'
  static routine = true
  async handle(payload: { fail?: boolean }) {
    if (payload.fail) throw new Error('housekeeping broke')
  }
}

class PlainWork extends Job {
  static jobName = 'test_plain_work'
  async handle() {}
}

const run = (name: string, payload: Record<string, unknown> = {}) =>
  executeJob({
    jobId: `${name}-1`,
    name,
    payload,
    attempt: 1,
    maxAttempts: 1,
    progress: async () => {},
  })

test.group('Queue / job logging', (group) => {
  freshDatabase(group)
  const lines: Line[] = []
  group.each.setup(() => {
    lines.length = 0
    JOBS[FlakyHousekeeping.jobName] = {
      queue: 'timers',
      load: async () => ({ default: FlakyHousekeeping }),
    }
    JOBS[PlainWork.jobName] = { queue: 'default', load: async () => ({ default: PlainWork }) }
    const restore = recordJobLogs(lines)
    return () => {
      restore()
      delete JOBS[FlakyHousekeeping.jobName]
      delete JOBS[PlainWork.jobName]
    }
  })

  test('the minutely timer reconciler completes at debug, not info', async ({ assert }) => {
    await run('reconcile_timers')

    const completed = lines.filter((l) => l.message === 'job completed')
    assert.deepEqual(completed, [
      { level: 'debug', job: 'reconcile_timers', message: 'job completed' },
    ])
    assert.notIncludeMembers(
      lines.map((l) => l.level),
      ['info', 'warn', 'error']
    )
  })

  test('a routine job that fails still warns', async ({ assert }) => {
    await assert.rejects(() => run(FlakyHousekeeping.jobName, { fail: true }), 'housekeeping broke')

    assert.deepInclude(lines, {
      level: 'warn',
      job: FlakyHousekeeping.jobName,
      message: 'job failed for good',
    })
  })

  test('other jobs still report completion at info', async ({ assert }) => {
    await run(PlainWork.jobName)

    assert.deepInclude(lines, { level: 'info', job: PlainWork.jobName, message: 'job completed' })
  })
})
