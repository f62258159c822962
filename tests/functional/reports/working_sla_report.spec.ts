import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import type { WorkflowDefinition } from '#engine/definition'
import Calendar from '#models/calendar'
import type Process from '#models/process'
import type User from '#models/user'
import ComputeReport from '#actions/reports/compute_report'
import StageVisitsProjector from '#actions/projections/stage_visits_projector'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import type { ReportResult } from '#actions/reports/types'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { stopQueues } from '#tests/helpers/queue'

/**
 * "Open" has a working-time SLA (16 working hours in the office calendar:
 * Mon–Fri 09–17 UTC, Monday 30 November 2026 a holiday) and "Waiting on
 * customer" pauses the clock; "Review" has a wall-clock SLA of 1 hour.
 */
const DEFINITION: WorkflowDefinition = {
  key: 'working-report',
  name: 'Working report',
  stages: [
    { key: 'open', name: 'Open', type: 'start', sla: '16 working hours' },
    { key: 'waiting', name: 'Waiting on customer', type: 'task', slaClock: 'paused' },
    { key: 'review', name: 'Review', type: 'task', sla: '1h' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'ask', from: 'open', to: 'waiting' },
    { key: 'answer', from: 'waiting', to: 'open' },
    { key: 'check', from: 'open', to: 'review' },
    { key: 'finish', from: 'review', to: 'done' },
  ],
}

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })
const weekday = ['09:00-17:00']

async function move(process: Process, transition: string, actor: User, at: string) {
  const result = await new TransitionProcess().handle({
    process,
    transition,
    expectedVersion: process.version,
    actor,
    at: utc(at),
  })
  return result.process
}

const table = (result: ReportResult, key: string) => {
  const found = result.tables.find((t) => t.key === key)
  if (!found) throw new Error(`no table ${key}`)
  return found.rows
}

test.group('SLA report / working-time SLAs and paused clocks', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.teardown(() => truncateAll())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('a visit spanning a weekend and a holiday is judged in working time, as the engine due time says', async ({
    assert,
  }) => {
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
    const { workflow } = await publishWorkflow(DEFINITION, manager)
    await db.from('workflows').where('id', workflow.id).update({ calendar_key: 'office' })
    const start = async (title: string, at: string) => {
      const started = await new StartProcess().handle({
        workflowKey: DEFINITION.key,
        title,
        actor: member,
        at: utc(at),
      })
      return started.process
    }

    // P1: Friday 15:00, due Wednesday 15:00 (weekend, holiday). Left Tuesday 10:00 —
    // 91 wall-clock hours (a 16h wall-clock reading says breached), 3 working hours: within.
    let p1 = await start('over the weekend', '2026-11-27T15:00:00')
    p1 = await move(p1, 'check', member, '2026-12-01T10:00:00')
    await move(p1, 'finish', member, '2026-12-01T10:30:00')

    // P2: Monday 7 Dec 09:00, due Tuesday 17:00; left Wednesday 10:00: breached either way.
    let p2 = await start('too slow', '2026-12-07T09:00:00')
    p2 = await move(p2, 'check', member, '2026-12-09T10:00:00')
    await move(p2, 'finish', member, '2026-12-09T12:00:00')

    // P3: Friday 15:00; one working hour used, then waits on the customer (clock held,
    // 15h left) until Thursday 10:00 → due Friday 4 Dec 17:00; left Friday 12:00: within.
    // The visit that left for the paused stage is not a finished SLA of its own.
    let p3 = await start('waits on the customer', '2026-11-27T15:00:00')
    p3 = await move(p3, 'ask', member, '2026-11-27T16:00:00')
    p3 = await move(p3, 'answer', member, '2026-12-03T10:00:00')
    assert.equal(p3.dueAt!.toUTC().toISO(), '2026-12-04T17:00:00.000Z')
    p3 = await move(p3, 'check', member, '2026-12-04T12:00:00')
    await move(p3, 'finish', member, '2026-12-04T12:45:00')

    // P4: after a pause, back Thursday 3 Dec 10:00 with 15 working hours left (due Fri 17:00);
    // left Monday 7 Dec 09:30 — within 16 wall-clock hours of neither entry: breached.
    let p4 = await start('waits too long', '2026-11-27T15:00:00')
    p4 = await move(p4, 'ask', member, '2026-11-27T16:00:00')
    p4 = await move(p4, 'answer', member, '2026-12-03T10:00:00')
    p4 = await move(p4, 'check', member, '2026-12-07T09:30:00')

    const params = {
      workflowId: workflow.id,
      versionId: null,
      from: '2026-11-27',
      to: '2026-12-10',
      timezone: 'UTC',
      assigneeId: null,
      role: null,
      granularity: 'day' as const,
    }
    const now = utc('2026-12-10T12:00:00')
    const result = await new ComputeReport().handle({ kind: 'sla', params, now })
    // Open: P1 within, P2 breached, P3 (resumed) within, P4 (resumed) breached.
    // Review (1h wall clock): P1 30 min, P2 2h, P3 45 min within; P4 still there.
    assert.sameDeepMembers(table(result, 'slaStages'), [
      { stage: 'Open', visits: 4, within: 2, breached: 2, compliance: 50 },
      { stage: 'Review', visits: 3, within: 2, breached: 1, compliance: 66.7 },
    ])
    assert.deepInclude(table(result, 'slaSummary')[0], { visits: 7, within: 4 })

    // The same from the projection and its hourly rollups (held clocks, stamped due times).
    await new StageVisitsProjector().rebuild()
    const projected = await new ComputeReport().handle({ kind: 'sla', params, now })
    assert.deepEqual(projected.tables, result.tables)
  })
})
