import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import type { WorkflowDefinition } from '#engine/definition'
import type Process from '#models/process'
import ProcessEvent from '#models/process_event'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import { rebuildTimers, sweepDueTimers, TIMER_LEASE_MS } from '#actions/processes/process_timers'
import queue from '#queue/queue_manager'
import { OutboxRelay } from '#queue/outbox_relay'
import { executeJob } from '#queue/runner'
import { sqlTime } from '#support/sql_time'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'

/** Two timed stages (SLA + automatic, SLA only), one without timers, one end. */
const TIMED: WorkflowDefinition = {
  key: 'timed',
  name: 'Timed',
  stages: [
    {
      key: 'open',
      name: 'Open',
      type: 'start',
      sla: '1h',
      automatic: { after: '2h', transition: 'to_waiting' },
    },
    { key: 'waiting', name: 'Waiting', type: 'task', sla: '30m' },
    { key: 'parked', name: 'Parked', type: 'task' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'to_waiting', from: 'open', to: 'waiting' },
    { key: 'reopen', from: 'waiting', to: 'open' },
    { key: 'park', from: 'open', to: 'parked' },
    { key: 'unpark', from: 'parked', to: 'waiting' },
    { key: 'finish', from: 'waiting', to: 'done' },
  ],
}

const SLA_ONLY: WorkflowDefinition = {
  key: 'sla-only',
  name: 'SLA only',
  stages: [
    {
      key: 'open',
      name: 'Open',
      type: 'start',
      sla: '1m',
      escalation: { reassignRole: 'manager' },
    },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [{ key: 'finish', from: 'open', to: 'done' }],
}

type TimerView = { kind: string; stage: string; enteredVersion: number; dueAt: string }

async function timersOf(processId: number): Promise<TimerView[]> {
  const rows = await db.from('process_timers').where('process_id', processId).orderBy('kind')
  return rows.map((row) => ({
    kind: row.kind,
    stage: row.stage,
    enteredVersion: Number(row.entered_version),
    dueAt: DateTime.fromJSDate(new Date(row.due_at)).toUTC().toISO()!,
  }))
}

const iso = (at: DateTime) => at.toUTC().startOf('second').toISO()!

const eventsOf = async (id: number) => {
  const events = await ProcessEvent.query().where('process_id', id).orderBy('sequence')
  return events.map((e) => e.type)
}

const timerIds = async () => {
  const rows = await db.from('process_timers').orderBy('kind').select('id')
  return rows.map((r) => r.id)
}

const reconcile = () =>
  executeJob({
    jobId: 'r',
    name: 'reconcile_timers',
    payload: {},
    attempt: 1,
    maxAttempts: 1,
    progress: async () => {},
  })

test.group('Queue / timers as rows indexed by due time', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('entering a stage arms its timers in the same transaction, re-entering replaces them, and a visit that is over fires nothing', async ({
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(TIMED, manager)
    const t0 = DateTime.now().minus({ hours: 10 }).startOf('second')
    let { process } = await new StartProcess().handle({
      workflowKey: 'timed',
      title: 'timers',
      actor: manager,
      at: t0,
    })
    assert.deepEqual(await timersOf(process.id), [
      { kind: 'automatic', stage: 'open', enteredVersion: 1, dueAt: iso(t0.plus({ hours: 2 })) },
      { kind: 'sla', stage: 'open', enteredVersion: 1, dueAt: iso(t0.plus({ hours: 1 })) },
    ])
    const ids = await timerIds()

    const move = async (transition: string, at: DateTime) => {
      ;({ process } = await new TransitionProcess().handle({
        process,
        transition,
        expectedVersion: process.version,
        actor: manager,
        at,
      }))
    }
    // To "waiting": its SLA replaces the SLA row; the automatic row of "open" is left behind.
    await move('to_waiting', t0.plus({ minutes: 5 }))
    assert.deepEqual(await timersOf(process.id), [
      { kind: 'automatic', stage: 'open', enteredVersion: 1, dueAt: iso(t0.plus({ hours: 2 })) },
      {
        kind: 'sla',
        stage: 'waiting',
        enteredVersion: 2,
        dueAt: iso(t0.plus({ minutes: 35 })),
      },
    ])
    // Back to "open": both re-armed for the new visit, still one row per kind (upserts).
    await move('reopen', t0.plus({ minutes: 10 }))
    const rearmed = await timersOf(process.id)
    assert.deepEqual(rearmed, [
      {
        kind: 'automatic',
        stage: 'open',
        enteredVersion: 3,
        dueAt: iso(t0.plus({ hours: 2, minutes: 10 })),
      },
      { kind: 'sla', stage: 'open', enteredVersion: 3, dueAt: iso(t0.plus({ minutes: 70 })) },
    ])
    assert.deepEqual(await timerIds(), ids)

    // Parked (no timers): leaving writes nothing; the rows of the visit that is over
    // are due, and the sweeper discards them without running a job.
    await move('park', t0.plus({ minutes: 15 }))
    assert.deepEqual(await timersOf(process.id), rearmed)
    await drainOutbox()
    assert.deepEqual(await timersOf(process.id), [])
    assert.deepEqual(await eventsOf(process.id), [
      'started',
      'transitioned',
      'transitioned',
      'transitioned',
    ])
  })

  test('a timer not yet due is not read; a due one fires once and its row goes', async ({
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(TIMED, manager)
    const fresh = await new StartProcess().handle({
      workflowKey: 'timed',
      title: 'fresh',
      actor: manager,
    })
    const old = await new StartProcess().handle({
      workflowKey: 'timed',
      title: 'old',
      actor: manager,
      at: DateTime.now().minus({ minutes: 90 }),
    })
    await drainOutbox()

    const armed = await timersOf(fresh.process.id)
    assert.deepEqual(
      armed.map((t) => t.kind),
      ['automatic', 'sla']
    )
    assert.deepEqual(await eventsOf(fresh.process.id), ['started'])
    // The old one: its SLA (due 30 minutes ago) breached once, its row gone; the
    // automatic transition (due in 30 minutes) still armed and never dispatched.
    assert.deepEqual(await eventsOf(old.process.id), ['started', 'sla_breached'])
    await drainOutbox()
    assert.deepEqual(await eventsOf(old.process.id), ['started', 'sla_breached'])
    const [automatic] = await db.from('process_timers').where('process_id', old.process.id)
    assert.equal(automatic.kind, 'automatic')
    assert.equal(automatic.attempts, 0)
  })

  test('with Redis data lost, the rows still fire; both paths running fire once', async ({
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(SLA_ONLY, manager)
    const { process } = await new StartProcess().handle({
      workflowKey: 'sla-only',
      title: 'lost and doubled',
      actor: manager,
      at: DateTime.now().minus({ minutes: 5 }),
    })
    const driver = queue.driver()
    await drainOutbox() // the notification; the timer fires too
    assert.deepEqual(await eventsOf(process.id), ['started', 'sla_breached', 'assigned'])

    // A second process whose dispatched job is deleted from the queue (Redis lost it).
    const second = await new StartProcess().handle({
      workflowKey: 'sla-only',
      title: 'lost',
      actor: manager,
      at: DateTime.now().minus({ minutes: 5 }),
    })
    await driver.pause('timers')
    await sweepDueTimers(driver, { limit: 100 })
    await driver.remove('timers', `timer-sla-${second.process.id}-1`)
    await driver.resume('timers')
    await drainOutbox()
    assert.deepEqual(await eventsOf(second.process.id), ['started'])
    const [row] = await db.from('process_timers').where('process_id', second.process.id)
    const leaseEnds = DateTime.fromJSDate(new Date(row.due_at))
    assert.isTrue(leaseEnds > DateTime.now().plus({ milliseconds: TIMER_LEASE_MS - 5000 }))

    // The lease ends; the relay, the reconciler and a stray duplicate all dispatch it.
    await db
      .from('process_timers')
      .where('id', row.id)
      .update({ due_at: sqlTime(DateTime.now().minus({ seconds: 1 })) })
    const relay = new OutboxRelay(driver)
    await Promise.all([relay.tick(), reconcile(), sweepDueTimers(driver, { limit: 100 })])
    await driver.add(
      'timers',
      'check_sla',
      { ...JSON.parse(row.payload), topic: 'timer.sla' },
      { jobId: 'a-duplicate' }
    )
    await drainOutbox()
    assert.deepEqual(await eventsOf(second.process.id), ['started', 'sla_breached', 'assigned'])
    assert.deepEqual(await timersOf(second.process.id), [])
  })

  test('timers:rebuild writes the rows of every active process, and running it twice changes nothing', async ({
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(TIMED, manager)
    const processes: Process[] = []
    for (const title of ['a', 'b']) {
      const { process } = await new StartProcess().handle({
        workflowKey: 'timed',
        title,
        actor: manager,
      })
      processes.push(process)
    }
    const moved = await new TransitionProcess().handle({
      process: processes[1]!,
      transition: 'to_waiting',
      expectedVersion: 1,
      actor: manager,
    })
    const before = await Promise.all(processes.map((p) => timersOf(p.id)))
    assert.lengthOf(before[1]!, 2) // its stale "open" automatic row and the "waiting" SLA

    await db.from('process_timers').delete()
    assert.deepEqual(await rebuildTimers({ batchSize: 1 }), { processes: 2, timers: 3 })
    assert.deepEqual(await timersOf(processes[0]!.id), before[0])
    assert.deepEqual(
      await timersOf(moved.process.id),
      before[1]!.filter((t) => t.stage === 'waiting')
    )
    await rebuildTimers({ batchSize: 100 })
    const total = await db.from('process_timers').count('* as n').first()
    assert.equal(Number(total.n), 3)
  })
})
