import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import ace from '@adonisjs/core/services/ace'
import { UserFactory } from '#database/factories/user_factory'
import type { WorkflowDefinition } from '#engine/definition'
import { workingTimeBetween, type BusinessCalendar } from '#engine/calendar'
import Calendar from '#models/calendar'
import type User from '#models/user'
import StartProcess from '#actions/processes/start_process'
import SaveCalendar from '#actions/calendars/save_calendar'
import ComputeReport from '#actions/reports/compute_report'
import ExportReport from '#actions/reports/export_report'
import StageVisitsProjector from '#actions/projections/stage_visits_projector'
import { verifyStageVisits } from '#actions/projections/verify_stage_visits'
import { verifyRollups } from '#actions/projections/verify_rollups'
import ProjectionsVerify from '#commands/projections_verify'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { move } from '#tests/helpers/process_fixtures'
import { instantOfSql } from '#support/sql_time'
import type { ReportResult } from '#actions/reports/types'

/*
| Working time of stage visits (issue 22): `stage_visits.working_seconds` is
| the time of a visit inside the business calendar of its workflow (its own,
| else the default), as `workingTimeBetween` measures it; the rollups sum it
| and the cycle-time report averages it per stage beside wall-clock time.
*/

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })
const weekdays = (range: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [range]]))

/** Office: São Paulo (UTC−3), Mon–Fri 09–18, Monday 30 November 2026 a holiday. */
const OFFICE = {
  key: 'office',
  name: 'Office',
  timeZone: 'America/Sao_Paulo',
  hours: weekdays('09:00-18:00'),
  holidays: ['2026-11-30'],
}
/** The default calendar: UTC, Mon–Fri 08–16, no holidays. */
const HQ = { key: 'hq', name: 'HQ', timeZone: 'UTC', hours: weekdays('08:00-16:00'), holidays: [] }

const definition = (key: string): WorkflowDefinition => ({
  key,
  name: key === 'office-work' ? 'Office work' : 'HQ work',
  stages: [
    { key: 'open', name: 'Open', type: 'start' },
    { key: 'review', name: 'Review', type: 'task' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'check', from: 'open', to: 'review' },
    { key: 'finish', from: 'review', to: 'done' },
  ],
})

async function fixture() {
  const manager = await UserFactory.apply('manager').create()
  await Calendar.create({ ...HQ, isDefault: true })
  const office = await Calendar.create({ ...OFFICE, isDefault: false })
  const own = await publishWorkflow(definition('office-work'), manager)
  own.workflow.calendarKey = 'office'
  await own.workflow.save()
  const plain = await publishWorkflow(definition('hq-work'), manager)
  return { manager, office, ownId: own.workflow.id, plainId: plain.workflow.id }
}

/**
 * Friday 27 Nov 19:00 UTC (16:00 in São Paulo) → check Tuesday 1 Dec 13:30 UTC (10:30) →
 * finish Tuesday 23:00 UTC (20:00, after hours).
 */
async function run(workflowKey: string, actor: User, finish = true) {
  const { process } = await new StartProcess().handle({
    workflowKey,
    title: 'Over the weekend',
    actor,
    at: utc('2026-11-27T19:00:00'),
  })
  const checked = await move(process, 'check', actor, { at: utc('2026-12-01T13:30:00') })
  return finish ? move(checked, 'finish', actor, { at: utc('2026-12-01T23:00:00') }) : checked
}

async function visits() {
  const rows = await db
    .from('stage_visits')
    .orderBy('process_id')
    .orderBy('entered_sequence')
    .select('process_id', 'workflow_id', 'stage_key', 'entered_at', 'left_at', 'working_seconds')
  return rows.map((r) => ({
    process: Number(r.process_id),
    workflow: Number(r.workflow_id),
    stage: r.stage_key as string,
    from: instantOfSql(r.entered_at),
    to: instantOfSql(r.left_at),
    working: r.working_seconds === null ? null : Number(r.working_seconds),
  }))
}

const engine = (c: typeof OFFICE | typeof HQ): BusinessCalendar => ({
  key: c.key,
  timeZone: c.timeZone,
  hours: c.hours,
  holidays: c.holidays,
})

const table = (result: ReportResult, key: string) => result.tables.find((t) => t.key === key)!

async function visitDifferences() {
  const result = await verifyStageVisits({})
  return result.differences
}

async function rollupDifferences() {
  const result = await verifyRollups()
  return result.differences
}

async function visit(stage: string, workflow?: number) {
  const rows = await visits()
  return rows.find((r) => r.stage === stage && (workflow === undefined || r.workflow === workflow))!
}

async function cycleTables(workflowId: number, source: 'log' | 'projection') {
  const result = await cycleTime(workflowId, source)
  return result.tables
}

async function cycleTime(workflowId: number, source: 'log' | 'projection') {
  return new ComputeReport().handle({
    kind: 'cycle_time',
    source,
    now: utc('2026-12-10T12:00:00'),
    params: {
      workflowId,
      versionId: null,
      from: '2026-11-27',
      to: '2026-12-02',
      timezone: 'UTC',
      assigneeId: null,
      role: null,
      granularity: 'day',
    },
  })
}

test.group('Projections / working time of stage visits', (group) => {
  freshDatabase(group)

  test('a visit over a weekend, a holiday and after hours holds workingTimeBetween in its workflow’s calendar, else the default', async ({
    assert,
  }) => {
    const { manager, ownId, plainId } = await fixture()
    await run('office-work', manager)
    await run('hq-work', manager)
    await new StageVisitsProjector().rebuild()

    const rows = await visits()
    const by = (workflow: number) =>
      rows.filter((r) => r.workflow === workflow).map((r) => [r.stage, r.working])
    // Office (São Paulo): Fri 16–18 + Tue 09–10:30 (weekend, holiday Monday) = 3.5 h; Tue 10:30–18:00.
    assert.deepEqual(by(ownId), [
      ['open', 12_600],
      ['review', 27_000],
      ['done', null],
    ])
    // HQ, the default (UTC 08–16): Mon 8 h + Tue 08–13:30; Tue 13:30–16:00.
    assert.deepEqual(by(plainId), [
      ['open', 48_600],
      ['review', 9000],
      ['done', null],
    ])
    for (const r of rows.filter((v) => v.to !== null)) {
      const calendar = engine(r.workflow === ownId ? OFFICE : HQ)
      const ms = workingTimeBetween(calendar, new Date(r.from!), new Date(r.to!))
      assert.equal(r.working, Math.round(ms / 1000), `${r.workflow} ${r.stage}`)
    }

    // The rollups sum it; the cycle-time report averages it beside the wall-clock average.
    const [sum] = await db.from('stage_rollups').where('workflow_id', ownId).sum('working_sum as s')
    assert.equal(Number(sum!.s), 39_600)
    const projected = await cycleTime(ownId, 'projection')
    const stages = table(projected, 'cycleStages')
    assert.deepEqual(
      stages.rows.map((r) => [r.stage, r.avg, r.avgWorking]),
      [
        ['Open', 325_800, 12_600],
        ['Review', 34_200, 27_000],
      ]
    )
    assert.deepEqual(stages.columns.map((c) => c.key).slice(3, 6), ['count', 'avg', 'avgWorking'])
    assert.deepEqual(await cycleTables(ownId, 'log'), projected.tables)
    const csv = new ExportReport().csv(projected)
    assert.include(csv, 'Average working time')
    assert.include(new ExportReport().csv(projected, 'pt-BR'), 'Média em tempo útil')
  })

  test('the live projector stores the same working seconds as a rebuild, and verify catches a corrupted one', async ({
    assert,
  }) => {
    const { manager, ownId } = await fixture()
    const office = await run('office-work', manager, false)
    const hq = await run('hq-work', manager, false)
    await new StageVisitsProjector().rebuild()
    await move(office, 'finish', manager, { at: utc('2026-12-01T23:00:00') })
    await move(hq, 'finish', manager, { at: utc('2026-12-01T23:00:00') })
    const projector = new StageVisitsProjector({ safetyMs: 0 })
    const caughtUp = await projector.run()
    assert.equal(caughtUp.processes, 2)
    const live = await visits()
    assert.lengthOf(
      live.filter((r) => r.stage === 'review' && r.working !== null),
      2
    )
    assert.deepEqual(await visitDifferences(), [])
    assert.deepEqual(await rollupDifferences(), [])
    await new StageVisitsProjector().rebuild()
    assert.deepEqual(await visits(), live)

    await db
      .from('stage_visits')
      .where('workflow_id', ownId)
      .where('stage_key', 'open')
      .update({ working_seconds: 1 })
    const found = await visitDifferences()
    assert.lengthOf(found, 1)
    assert.match(found[0]!.columns[0]!, /^working_seconds: stored 1 ≠ log 12600/)
    const command = await ace.create(ProjectionsVerify, [])
    await command.exec()
    assert.equal(command.exitCode, 1)

    // A rollup's working sum that no longer matches the visits fails verify too.
    await new StageVisitsProjector().rebuild()
    await db.from('stage_rollups').where('workflow_id', ownId).update({ working_sum: 5 })
    const rollups = await rollupDifferences()
    assert.isAbove(rollups.length, 0)
    assert.equal(rollups[0]!.table, 'stage_rollups')
  })

  test('an edited calendar is read again: new visits count in it, and verify names the visits a rebuild would change', async ({
    assert,
  }) => {
    const { manager, office, ownId } = await fixture()
    await run('office-work', manager)
    await new StageVisitsProjector().rebuild()
    const before = await visit('review')
    assert.equal(before.working, 27_000)

    // Working hours from 08:00: the review (Tue 10:30–20:00) now counts 10:30–18:00 still,
    // the open visit gains Tuesday 08–09.
    await new SaveCalendar().update(office, { ...OFFICE, hours: weekdays('08:00-18:00') })
    const stale = await visitDifferences()
    assert.deepEqual(
      stale.map((d) => d.columns),
      [['working_seconds: stored 12600 ≠ log 16200']]
    )
    await new StageVisitsProjector().rebuild()
    assert.deepEqual(await visitDifferences(), [])
    const open = await visit('open', ownId)
    assert.equal(open.working, 16_200)
  })
})
