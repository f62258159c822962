import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import queue from '#queue/queue_manager'
import { JOBS } from '#queue/registry'
import { Job } from '#queue/job'
import { freshDatabase } from '#tests/helpers/common'
import { drainOutbox, stopQueues, waitForIdle } from '#tests/helpers/queue'

/**
 * A real job class, registered for these tests only: it fails while
 * `FlakyJob.broken` is true. It runs through the configured driver
 * (BullMQ on Redis, or in-process) like any other job.
 */
class FlakyJob extends Job<{ n: number }> {
  static jobName = 'admin_test_flaky'
  static queue = 'default' as const
  static broken = true
  static runs: number[] = []

  async handle(payload: { n: number }) {
    if (FlakyJob.broken) throw new Error(`flaky job ${payload.n} is broken`)
    FlakyJob.runs.push(payload.n)
  }
}

let sequence = 0
/** Dispatches a flaky job that fails on its only try, and waits until it has. */
async function failedJob() {
  const n = ++sequence
  const id = await queue.dispatch(
    FlakyJob,
    { n },
    { attempts: 1, jobId: `flaky-${n}-${Date.now()}` }
  )
  await waitForIdle()
  return { id, n }
}

test.group('Admin / queues', (group) => {
  freshDatabase(group)
  group.setup(async () => {
    JOBS[FlakyJob.jobName] = { queue: 'default', load: async () => ({ default: FlakyJob }) }
    await drainOutbox() // starts this process's workers on every queue
  })
  group.teardown(async () => {
    delete JOBS[FlakyJob.jobName]
    await queue.driver().resume('default')
    await stopQueues()
  })
  group.each.setup(() => {
    FlakyJob.broken = true
    FlakyJob.runs = []
  })

  test('members and managers are refused every queue page and action', async ({ client }) => {
    const member = await UserFactory.create()
    const manager = await UserFactory.apply('manager').create()
    for (const user of [member, manager]) {
      for (const path of ['/admin/queues', '/admin/queues/default']) {
        const page = await client.get(path).loginAs(user).withInertia()
        page.assertStatus(403)
      }
      for (const path of ['retry', 'pause', 'resume', 'jobs/x/retry']) {
        const response = await client
          .post(`/admin/queues/default/${path}`)
          .loginAs(user)
          .withCsrfToken()
          .redirects(0)
        response.assertStatus(403)
      }
      const removal = await client
        .delete('/admin/queues/default/jobs/x')
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
      removal.assertStatus(403)
    }
    const signedOut = await client.get('/admin/queues').redirects(0)
    signedOut.assertStatus(302)
    signedOut.assertHeader('location', '/login')
  })

  test('the overview shows every queue with its counts and an hour of throughput', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    FlakyJob.broken = false
    await queue.dispatch(FlakyJob, { n: 1 })
    await waitForIdle()

    const response = await client.get('/admin/queues').loginAs(admin).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('admin/queues/index')
    const queues = (response.inertiaProps as any).queues as any[]
    assert.deepEqual(
      queues.map((q) => q.name),
      ['notifications', 'reports', 'automation', 'timers', 'default']
    )
    for (const q of queues) {
      assert.isNull(q.error)
      assert.lengthOf(q.throughput, 60)
      assert.properties(q.counts, ['waiting', 'active', 'delayed', 'completed', 'failed'])
    }
    const defaultQueue = queues.find((q) => q.name === 'default')
    assert.isAtLeast(defaultQueue.counts.completed, 1)
    assert.deepEqual(FlakyJob.runs, [1])
  })

  test('an unknown queue is not found', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get('/admin/queues/nope').loginAs(admin).withInertia()
    response.assertStatus(404)
  })

  test('a job that failed for good is listed with its error and stack; retrying it runs it again', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const before = await queue.driver().counts('default')
    const { id, n } = await failedJob()

    const page = await client.get('/admin/queues/default').loginAs(admin).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('admin/queues/show')
    const props = page.inertiaProps as any
    assert.equal(props.queue.counts.failed, before.failed + 1)
    const listed = (props.failed as any[]).find((job) => job.id === id)
    assert.exists(listed, 'the failed job is listed')
    assert.equal(listed.name, 'admin_test_flaky')
    assert.equal(listed.error, `flaky job ${n} is broken`)
    assert.include(listed.stack, 'FlakyJob.handle')
    assert.equal(JSON.parse(listed.payload).n, n)

    FlakyJob.broken = false
    const retry = await client
      .post(`/admin/queues/default/jobs/${encodeURIComponent(id)}/retry`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    retry.assertStatus(302)
    retry.assertHeader('location', '/admin/queues/default')
    assert.equal(retry.flashMessage('success'), `Job ${id} is queued again.`)
    await waitForIdle()

    assert.deepEqual(FlakyJob.runs, [n])
    const after = await client.get('/admin/queues/default').loginAs(admin).withInertia()
    const afterProps = after.inertiaProps as any
    assert.notExists((afterProps.failed as any[]).find((job) => job.id === id))
    assert.equal(afterProps.queue.counts.failed, before.failed)
  })

  test('retry all sends every failed job of the queue back', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const first = await failedJob()
    const second = await failedJob()
    FlakyJob.broken = false

    const response = await client
      .post('/admin/queues/default/retry')
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.match(String(response.flashMessage('success')), /^\d+ jobs are queued again\.$/)
    await waitForIdle()

    assert.includeMembers(FlakyJob.runs, [first.n, second.n])
    const counts = await queue.driver().counts('default')
    assert.equal(counts.failed, 0)
  })

  test('removing a failed job takes it off the list for good', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { id } = await failedJob()

    const response = await client
      .delete(`/admin/queues/default/jobs/${encodeURIComponent(id)}`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.equal(response.flashMessage('success'), `Job ${id} was removed.`)

    const failed = await queue.driver().failed('default', 100)
    assert.notExists(failed.find((job) => job.id === id))
    // Retrying it now finds nothing to retry.
    const retry = await client
      .post(`/admin/queues/default/jobs/${encodeURIComponent(id)}/retry`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    assert.equal(retry.flashMessage('error'), `Job ${id} no longer exists.`)
    assert.deepEqual(FlakyJob.runs, [])
  })

  test('pausing a queue holds its jobs back; resuming lets them run', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    FlakyJob.broken = false

    const pause = await client
      .post('/admin/queues/default/pause')
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    pause.assertStatus(302)
    await queue.dispatch(FlakyJob, { n: 42 })
    await new Promise((resolve) => setTimeout(resolve, 300))

    const paused = await client.get('/admin/queues/default').loginAs(admin).withInertia()
    const pausedQueue = (paused.inertiaProps as any).queue
    assert.isTrue(pausedQueue.paused)
    assert.equal(pausedQueue.counts.waiting, 1)
    assert.deepEqual(FlakyJob.runs, [])

    const resume = await client
      .post('/admin/queues/default/resume')
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    resume.assertStatus(302)
    await waitForIdle()
    assert.deepEqual(FlakyJob.runs, [42])
    const running = await client.get('/admin/queues/default').loginAs(admin).withInertia()
    assert.isFalse((running.inertiaProps as any).queue.paused)
  })

  test('a job scheduled for later counts as delayed until it is removed', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const before = await queue.driver().counts('reports')
    const id = await queue.dispatch(
      FlakyJob,
      { n: 7 },
      { queue: 'reports', delayMs: 60_000, jobId: `later-${Date.now()}` }
    )

    const page = await client.get('/admin/queues/reports').loginAs(admin).withInertia()
    assert.equal((page.inertiaProps as any).queue.counts.delayed, before.delayed + 1)

    await client
      .delete(`/admin/queues/reports/jobs/${encodeURIComponent(id)}`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    const after = await queue.driver().counts('reports')
    assert.equal(after.delayed, before.delayed)
  })

  test('the API pages through every failed job, most recent first, by cursor', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()
    const api = (user: typeof admin) => (request: any) => request.withGuard('api').loginAs(user)
    // Whatever earlier tests left in the failed set, these three are the most recent.
    const made = [await failedJob(), await failedJob(), await failedJob()]
    const newestFirst = made.map((job) => job.id).reverse()

    const denied = await api(member)(client.get('/api/v1/admin/queues/default/failed-jobs'))
    denied.assertStatus(403)

    const first = await api(admin)(client.get('/api/v1/admin/queues/default/failed-jobs?limit=2'))
    first.assertStatus(200)
    assert.deepEqual(
      first.body().data.map((job: { id: string }) => job.id),
      newestFirst.slice(0, 2)
    )
    const cursor = first.body().metadata.nextCursor
    assert.isString(cursor)
    const second = await api(admin)(
      client.get(`/api/v1/admin/queues/default/failed-jobs?limit=2&cursor=${cursor}`)
    )
    second.assertStatus(200)
    assert.equal(second.body().data[0].id, newestFirst[2])
    assert.include(second.body().data[0].error, 'is broken')

    const bad = await api(admin)(client.get('/api/v1/admin/queues/default/failed-jobs?cursor=!'))
    bad.assertStatus(422)
    // Leave no failed job behind: the built-in "failed jobs" alert would fire in later tests.
    for (const job of made) await queue.driver().remove('default', job.id)
  })
})
