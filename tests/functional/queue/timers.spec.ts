import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import type { WorkflowDefinition } from '#engine/definition'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import Notification from '#models/notification'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import { executeJob } from '#queue/runner'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import queue from '#queue/queue_manager'
import { OutboxRelay } from '#queue/outbox_relay'
import { sqlTime } from '#support/sql_time'

const SHORT_SLA: WorkflowDefinition = {
  key: 'short-sla',
  name: 'Short SLA',
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

const eventsOf = async (id: number) => {
  const events = await ProcessEvent.query().where('process_id', id).orderBy('sequence')
  return events.map((e) => e.type)
}

test.group('Queue / SLA timers and automatic transitions', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('an SLA breach fires at the due time, not before, and escalates to a manager', async ({
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.create()
    await publishWorkflow(SHORT_SLA, manager)

    // Just started: due in a minute, nothing happens yet.
    const fresh = await new StartProcess().handle({
      workflowKey: 'short-sla',
      title: 'fresh',
      assigneeId: member.id,
      actor: member,
    })
    // Started two minutes ago: due a minute ago.
    const late = await new StartProcess().handle({
      workflowKey: 'short-sla',
      title: 'late',
      assigneeId: member.id,
      actor: member,
      at: DateTime.now().minus({ minutes: 2 }),
    })
    await drainOutbox()

    assert.deepEqual(await eventsOf(fresh.process.id), ['started'])
    const armed = await db
      .from('process_timers')
      .where('process_id', fresh.process.id)
      .where('kind', 'sla')
      .firstOrFail()
    assert.equal(armed.attempts, 0)
    // The fired timer's row is gone: its job deleted it.
    assert.isNull(await db.from('process_timers').where('process_id', late.process.id).first())

    assert.deepEqual(await eventsOf(late.process.id), ['started', 'sla_breached', 'assigned'])
    const breached = await Process.findOrFail(late.process.id)
    assert.isTrue(breached.slaBreached)
    assert.equal(breached.assigneeId, manager.id)

    const notified = await Notification.query()
      .where('kind', 'sla_breached')
      .where('channel', 'in_app')
    assert.sameMembers(
      notified.map((n) => n.userId),
      [member.id, manager.id]
    )
  })

  test('the reconciler catches a breach whose timer was lost', async ({ assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(SHORT_SLA, manager)
    const { process } = await new StartProcess().handle({
      workflowKey: 'short-sla',
      title: 'lost',
      actor: manager,
      at: DateTime.now().minus({ minutes: 5 }),
    })
    // The timer was dispatched (its row leased), then Redis lost the job.
    const driver = queue.driver()
    await driver.pause('timers')
    assert.equal(await new OutboxRelay(driver).tick(), 2) // its notification and its timer
    const leased = await db.from('process_timers').where('process_id', process.id).firstOrFail()
    assert.equal(leased.attempts, 1)
    await driver.remove('timers', `timer-sla-${process.id}-1`)
    await driver.resume('timers')
    await drainOutbox()
    assert.deepEqual(await eventsOf(process.id), ['started'])

    // The lease ends: the row is due again and the reconciler dispatches it.
    await db
      .from('process_timers')
      .where('id', leased.id)
      .update({ due_at: sqlTime(DateTime.now().minus({ seconds: 1 })) })

    await executeJob({
      jobId: 'r',
      name: 'reconcile_timers',
      payload: {},
      attempt: 1,
      maxAttempts: 1,
      progress: async () => {},
    })
    await drainOutbox()
    assert.include(await eventsOf(process.id), 'sla_breached')
    assert.isNull(await db.from('process_timers').where('process_id', process.id).first())
  })

  test('an automatic transition runs when the stage has waited long enough', async ({ assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.supportTicket, manager)
    const fourDaysAgo = DateTime.now().minus({ days: 4 })
    let { process } = await new StartProcess().handle({
      workflowKey: 'support-ticket',
      title: 'quiet customer',
      data: { customer_email: 'c@example.com', severity: 'low' },
      actor: manager,
      at: fourDaysAgo,
    })
    for (const transition of ['start_work', 'ask_customer']) {
      ;({ process } = await new TransitionProcess().handle({
        process,
        transition,
        expectedVersion: process.version,
        actor: manager,
        at: fourDaysAgo,
      }))
    }
    await drainOutbox()

    const closed = await Process.findOrFail(process.id)
    assert.equal(closed.stageKey, 'closed_no_response')
    assert.equal(closed.status, 'cancelled')
    const last = await ProcessEvent.query()
      .where('process_id', process.id)
      .orderBy('sequence', 'desc')
      .firstOrFail()
    assert.equal(last.payload.transition, 'close_no_response')
    assert.isNull(last.actorId)
  })

  test('an automatic transition loses cleanly to a person who acted first', async ({ assert }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.supportTicket, manager)
    const fourDaysAgo = DateTime.now().minus({ days: 4 })
    let { process } = await new StartProcess().handle({
      workflowKey: 'support-ticket',
      title: 'replied in time',
      data: { customer_email: 'c@example.com', severity: 'low' },
      actor: manager,
      at: fourDaysAgo,
    })
    for (const transition of ['start_work', 'ask_customer']) {
      ;({ process } = await new TransitionProcess().handle({
        process,
        transition,
        expectedVersion: process.version,
        actor: manager,
        at: fourDaysAgo,
      }))
    }
    // The customer replied before the timer was handled…
    ;({ process } = await new TransitionProcess().handle({
      process,
      transition: 'customer_replied',
      expectedVersion: process.version,
      actor: manager,
    }))
    // …and even came back to waiting: a new visit, with its own (future) timer.
    ;({ process } = await new TransitionProcess().handle({
      process,
      transition: 'ask_customer',
      expectedVersion: process.version,
      actor: manager,
    }))
    await drainOutbox()

    const current = await Process.findOrFail(process.id)
    assert.equal(current.stageKey, 'waiting_customer')
    assert.equal(current.status, 'active')
    const types = await eventsOf(process.id)
    assert.deepEqual(types, [
      'started',
      'transitioned',
      'transitioned',
      'transitioned',
      'transitioned',
    ])
  })
})
