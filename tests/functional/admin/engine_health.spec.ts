import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { UserFactory } from '#database/factories/user_factory'
import type { WorkflowDefinition } from '#engine/definition'
import type User from '#models/user'
import StartProcess from '#actions/processes/start_process'
import { sqlTime } from '#support/sql_time'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'

const NO_DEADLINE: WorkflowDefinition = {
  key: 'no-deadline',
  name: 'No deadline',
  stages: [
    { key: 'open', name: 'Open', type: 'start' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [{ key: 'finish', from: 'open', to: 'done' }],
}

const LONG_DEADLINE: WorkflowDefinition = {
  key: 'long-deadline',
  name: 'Long deadline',
  stages: [
    { key: 'open', name: 'Open', type: 'start', sla: '30d' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [{ key: 'finish', from: 'open', to: 'done' }],
}

const daysAgo = (days: number) => DateTime.now().minus({ days })

async function start(
  workflowKey: string,
  title: string,
  actor: User,
  at?: DateTime,
  assignee?: User
) {
  const { process } = await new StartProcess().handle({
    workflowKey,
    title,
    actor,
    at,
    assigneeId: assignee?.id ?? null,
  })
  return process
}

function outboxRow(values: Record<string, unknown>) {
  const now = sqlTime(DateTime.now())
  return {
    process_id: null,
    event_id: null,
    topic: 'process.started',
    queue: 'notifications',
    payload: '{}',
    status: 'pending',
    attempts: 0,
    last_error: null,
    available_at: now,
    created_at: now,
    ...values,
  }
}

test.group('Admin / engine health', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('members and managers are refused the engine health page', async ({ client }) => {
    for (const user of [await UserFactory.create(), await UserFactory.apply('manager').create()]) {
      const response = await client.get('/admin/engine').loginAs(user).withInertia()
      response.assertStatus(403)
    }
  })

  test('the outbox backlog shows what is due, how old it is, and failed deliveries with their error', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await db.table('outbox_messages').multiInsert([
      outboxRow({ available_at: sqlTime(DateTime.now().minus({ minutes: 5 })) }),
      outboxRow({ topic: 'timer.sla', available_at: sqlTime(DateTime.now().plus({ hours: 2 })) }),
      outboxRow({
        topic: 'nothing.handles.this',
        status: 'failed',
        last_error: 'No job handles "nothing.handles.this"',
      }),
      outboxRow({
        attempts: 2,
        last_error: 'Connection is closed.',
        available_at: sqlTime(DateTime.now().plus({ seconds: 30 })),
      }),
      outboxRow({ status: 'sent' }),
    ])

    const response = await client.get('/admin/engine').loginAs(admin).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('admin/engine/show')
    const props = response.inertiaProps as any
    assert.equal(props.outbox.due, 1)
    assert.equal(props.outbox.scheduled, 2)
    assert.equal(props.outbox.failed, 1)
    assert.closeTo(props.outbox.oldestDueSeconds, 300, 5)
    assert.sameMembers(
      (props.outboxProblems as any[]).map((m) => `${m.status}:${m.attempts}:${m.lastError}`),
      ['failed:0:No job handles "nothing.handles.this"', 'pending:2:Connection is closed.']
    )
  })

  test('with nothing due the oldest age is empty', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get('/admin/engine').loginAs(admin).withInertia()
    const props = response.inertiaProps as any
    assert.deepEqual(props.outbox, { due: 0, scheduled: 0, oldestDueSeconds: null, failed: 0 })
    assert.deepEqual(props.outboxProblems, [])
  })

  test('a worker is alive while its heartbeat is under 30 seconds old', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await db.table('worker_heartbeats').multiInsert([
      {
        id: 'host-a:101',
        queues: 'notifications,timers',
        started_at: sqlTime(DateTime.now().minus({ hours: 1 })),
        beat_at: sqlTime(DateTime.now().minus({ seconds: 5 })),
      },
      {
        id: 'host-b:202',
        queues: 'default',
        started_at: sqlTime(DateTime.now().minus({ hours: 3 })),
        beat_at: sqlTime(DateTime.now().minus({ minutes: 2 })),
      },
    ])

    const response = await client.get('/admin/engine').loginAs(admin).withInertia()
    const workers = (response.inertiaProps as any).workers as any[]
    assert.deepEqual(
      workers.map((w) => [w.id, w.alive, w.queues]),
      [
        ['host-a:101', true, ['notifications', 'timers']],
        ['host-b:202', false, ['default']],
      ]
    )
  })

  test('stalled: active, idle for the period, nothing scheduled and no deadline ahead', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.merge({ name: 'Mia Member' }).create()
    await publishWorkflow(NO_DEADLINE, admin)
    await publishWorkflow(LONG_DEADLINE, admin)

    const idle = await start('no-deadline', 'idle and unassigned', admin, daysAgo(10))
    const idleAssigned = await start('no-deadline', 'idle, held', admin, daysAgo(12), member)
    const overdue = await start('no-deadline', 'deadline passed', admin, daysAgo(9))
    await start('no-deadline', 'recent', admin, daysAgo(2))
    const timerAhead = await start('no-deadline', 'timer ahead', admin, daysAgo(10))
    const timerRowAhead = await start('no-deadline', 'timer row ahead', admin, daysAgo(10))
    await start('long-deadline', 'deadline ahead', admin, daysAgo(10))
    const finished = await start('no-deadline', 'finished', admin, daysAgo(10))
    await drainOutbox()

    await db
      .from('processes')
      .where('id', overdue.id)
      .update({ due_at: sqlTime(daysAgo(8)), sla_breached: true })
    await db.from('processes').where('id', finished.id).update({ status: 'completed' })
    await db.table('outbox_messages').insert(
      outboxRow({
        process_id: timerAhead.id,
        topic: 'timer.automatic_transition',
        queue: 'timers',
        available_at: sqlTime(DateTime.now().plus({ days: 1 })),
      })
    )

    // A timer row of its current stage (process_timers) moves it too.
    await db.table('process_timers').insert({
      process_id: timerRowAhead.id,
      kind: 'automatic',
      key: '',
      stage: timerRowAhead.stageKey,
      entered_version: 1,
      due_at: sqlTime(DateTime.now().plus({ days: 1 })),
      payload: '{}',
      attempts: 0,
    })

    const response = await client.get('/admin/engine').loginAs(admin).withInertia()
    const props = response.inertiaProps as any
    assert.equal(props.stalled.days, 7)
    assert.equal(props.stalled.total, 3)
    const stalled = props.stalledProcesses as any[]
    // Idle the longest first.
    assert.deepEqual(
      stalled.map((p) => p.id),
      [idleAssigned.id, idle.id, overdue.id]
    )
    const [held, unassigned, late] = stalled
    assert.include(held, {
      reference: idleAssigned.reference,
      stageName: 'Open',
      workflowName: 'No deadline',
      idleDays: 12,
      dueAt: null,
    })
    assert.deepEqual(held.assignee, { id: member.id, name: 'Mia Member' })
    assert.isNull(unassigned.assignee)
    assert.isNotNull(late.dueAt)
    assert.isTrue(late.slaBreached)

    // A shorter period finds the two-day-old one too; a longer one fewer.
    const twoDays = await client.get('/admin/engine').qs({ days: 1 }).loginAs(admin).withInertia()
    assert.equal((twoDays.inertiaProps as any).stalled.total, 4)
    const eleven = await client.get('/admin/engine').qs({ days: 11 }).loginAs(admin).withInertia()
    assert.deepEqual(
      ((eleven.inertiaProps as any).stalledProcesses as any[]).map((p) => p.id),
      [idleAssigned.id]
    )
  })

  test('a recent event keeps a process off the stalled list', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(NO_DEADLINE, admin)
    const process = await start('no-deadline', 'commented lately', admin, daysAgo(20))
    await drainOutbox()
    // An event inside the period (as if the write path had lagged behind on updated_at).
    await db
      .from('process_events')
      .where('process_id', process.id)
      .update({ occurred_at: sqlTime(daysAgo(1)) })

    const response = await client.get('/admin/engine').loginAs(admin).withInertia()
    assert.equal((response.inertiaProps as any).stalled.total, 0)
  })

  test('an out-of-range period is refused', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .get('/admin/engine')
      .qs({ days: 0 })
      .loginAs(admin)
      .withInertia()
      .redirects(0)
    response.assertStatus(302)
  })
})
