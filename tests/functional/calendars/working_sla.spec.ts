import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import type { WorkflowDefinition } from '#engine/definition'
import type { SlaRecord } from '#engine/sla_clock'
import Calendar from '#models/calendar'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import VerifyProcesses from '#actions/processes/verify_processes'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'

const WORKING_SLA: WorkflowDefinition = {
  key: 'working-sla',
  name: 'Working SLA',
  stages: [
    {
      key: 'open',
      name: 'Open',
      type: 'start',
      sla: '16 working hours',
      escalation: { reassignRole: 'manager' },
    },
    { key: 'waiting', name: 'Waiting on customer', type: 'task', slaClock: 'paused' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'ask', from: 'open', to: 'waiting' },
    { key: 'answer', from: 'waiting', to: 'open' },
    { key: 'finish', from: 'open', to: 'done' },
  ],
}

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })
const weekday = ['09:00-17:00']

/** The office calendar: Mon–Fri 09–17 UTC; Monday 30 November 2026 is a holiday. */
async function setUp() {
  const manager = await UserFactory.apply('manager').create()
  const member = await UserFactory.create()
  await Calendar.create({
    key: 'office',
    name: 'Office',
    timeZone: 'UTC',
    hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
    holidays: ['2026-11-30'],
    isDefault: false,
  })
  const { workflow } = await publishWorkflow(WORKING_SLA, manager)
  await db.from('workflows').where('id', workflow.id).update({ calendar_key: 'office' })
  return { manager, member }
}

const slaTimer = (processId: number) =>
  db.from('process_timers').where('process_id', processId).where('kind', 'sla')

test.group('Business calendars / working-time SLAs', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  // Leaves no processes behind: rolling back 0043 on SQLite rebuilds `workflows`.
  group.teardown(() => truncateAll())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('an SLA started on Friday afternoon skips the weekend and a holiday; the check fires at the due time', async ({
    assert,
    client,
  }) => {
    const { manager, member } = await setUp()
    // Friday 27 Nov 15:00: 2h on Friday, weekend, Monday holiday, 8h Tuesday, 6h Wednesday.
    const { process } = await new StartProcess().handle({
      workflowKey: 'working-sla',
      title: 'over the weekend',
      assigneeId: member.id,
      actor: member,
      at: utc('2026-11-27T15:00:00'),
    })
    assert.equal(process.dueAt!.toUTC().toISO(), '2026-12-02T15:00:00.000Z')
    const started = await ProcessEvent.query().where('process_id', process.id).firstOrFail()
    const sla = started.payload.sla as SlaRecord
    assert.equal(sla.dueAt, '2026-12-02T15:00:00.000Z')
    assert.deepInclude(sla.explanation!.skipped, { date: '2026-11-30', reason: 'holiday' })
    assert.equal(sla.explanation!.calendar, 'office')

    // The process page explains the due date.
    const page = await client.get(`/processes/${process.id}`).loginAs(member).withInertia()
    const timerWait = (page.inertiaProps as any).process.waits.find(
      (w: { kind: string }) => w.kind === 'timer'
    )
    assert.include(timerWait.explanation, { amount: 16, unit: 'hours', calendar: 'office' })
    assert.deepInclude(timerWait.explanation.skipped, { date: '2026-11-30', reason: 'holiday' })

    // The timer is available exactly at the due time, not at a wall-clock 16 hours.
    const timer = await slaTimer(process.id).firstOrFail()
    assert.equal(utc(new Date(timer.due_at).toISOString()).toISO(), '2026-12-02T15:00:00.000Z')

    // A process started on a future Friday: its check is not due yet and stays pending.
    const later = await new StartProcess().handle({
      workflowKey: 'working-sla',
      title: 'next year',
      actor: member,
      at: utc('2027-01-08T16:00:00'),
    })
    assert.equal(later.process.dueAt!.toUTC().toISO(), '2027-01-12T16:00:00.000Z')

    await drainOutbox()
    const breached = await Process.findOrFail(process.id)
    assert.isTrue(breached.slaBreached)
    assert.equal(breached.assigneeId, manager.id)
    const types = await ProcessEvent.query().where('process_id', process.id).orderBy('sequence')
    assert.deepEqual(
      types.map((e) => e.type),
      ['started', 'sla_breached', 'assigned']
    )
    const laterTimer = await slaTimer(later.process.id).firstOrFail()
    assert.equal(laterTimer.attempts, 0)
    const notYet = await Process.findOrFail(later.process.id)
    assert.isFalse(notYet.slaBreached)
  })

  test('a paused stage holds the clock; coming back resumes it with the working time left', async ({
    assert,
  }) => {
    const { member } = await setUp()
    const { process } = await new StartProcess().handle({
      workflowKey: 'working-sla',
      title: 'waits on the customer',
      actor: member,
      at: utc('2026-11-27T15:00:00'),
    })
    // One working hour used; 15 left.
    const asked = await new TransitionProcess().handle({
      process,
      transition: 'ask',
      expectedVersion: process.version,
      actor: member,
      at: utc('2026-11-27T16:00:00'),
    })
    assert.isNull(asked.process.dueAt)
    const pausing = await ProcessEvent.query()
      .where('process_id', process.id)
      .where('sequence', 2)
      .firstOrFail()
    assert.deepEqual((pausing.payload.sla as SlaRecord).held, {
      stage: 'open',
      remainingMs: 15 * 3_600_000,
      working: true,
      breached: false,
    })
    assert.lengthOf(await slaTimer(process.id).where('entered_version', pausing.sequence), 0)

    // Back a week later, Thursday 10:00: 7h Thursday + 8h Friday.
    const answered = await new TransitionProcess().handle({
      process: asked.process,
      transition: 'answer',
      expectedVersion: asked.process.version,
      actor: member,
      at: utc('2026-12-03T10:00:00'),
    })
    assert.equal(answered.process.dueAt!.toUTC().toISO(), '2026-12-04T17:00:00.000Z')

    // Changing the calendar later does not change what was recorded: replay agrees with the row.
    await Calendar.query()
      .where('key', 'office')
      .update({ holidays: '[]', time_zone: 'Asia/Kolkata' })
    const verified = await new VerifyProcesses().handle({})
    assert.equal(verified.checked, 1)
    assert.deepEqual(verified.discrepancies, [])
  })

  test('a workflow without a calendar of its own counts in the default calendar', async ({
    assert,
  }) => {
    const { member } = await setUp()
    await db.from('workflows').update({ calendar_key: null })
    await Calendar.create({
      key: 'kolkata',
      name: 'Kolkata',
      timeZone: 'Asia/Kolkata',
      hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
      holidays: [],
      isDefault: true,
    })
    // Friday 09:30Z = 15:00 IST: 2h Friday, then 14h from Monday 09:00 IST (8h Mon, 6h Tue).
    const { process } = await new StartProcess().handle({
      workflowKey: 'working-sla',
      title: 'in India',
      actor: member,
      at: utc('2026-11-27T09:30:00'),
    })
    assert.equal(process.dueAt!.toUTC().toISO(), '2026-12-01T09:30:00.000Z')
  })
})
