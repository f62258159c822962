import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import ComputeReport from '#actions/reports/compute_report'
import type { ReportKind } from '#actions/reports/types'
import StartProcess from '#actions/processes/start_process'
import StageVisitsProjector, { readCheckpoint } from '#actions/projections/stage_visits_projector'
import { verifyStageVisits } from '#actions/projections/verify_stage_visits'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { move } from '#tests/helpers/process_fixtures'
import ace from '@adonisjs/core/services/ace'
import ProjectionsRebuild from '#commands/projections_rebuild'
import ProjectionsVerify from '#commands/projections_verify'

const at = (time: string) => DateTime.fromISO(`2026-03-02T${time}:00Z`, { zone: 'utc' })
const NOW = DateTime.fromISO('2026-03-05T12:00:00Z', { zone: 'utc' })
const KINDS: ReportKind[] = ['throughput', 'cycle_time', 'sla', 'wip', 'workload']

/** Purchase approvals (a decision stage routes them) written through the engine. */
async function history() {
  const manager = await UserFactory.apply('manager').create()
  const { workflow } = await publishWorkflow(DEMO_DEFINITIONS.purchaseApproval, manager)
  const start = async (amount: number) => {
    const { process } = await new StartProcess().handle({
      workflowKey: 'purchase-approval',
      title: `Buy ${amount}`,
      data: { amount, supplier: 'ACME', justification: 'For the new office' },
      actor: manager,
      at: at('10:00'),
    })
    return process
  }
  const small = await move(await start(500), 'submit', manager, { at: at('11:00') })
  await move(small, 'place_order', manager, { at: at('12:00'), data: { order_number: 'PO-1' } })
  const medium = await move(await start(5000), 'submit', manager, { at: at('11:00') })
  const large = await start(50000)
  return { manager, workflowId: workflow.id, small, medium, large }
}

async function reports(workflowId: number, source: 'log' | 'projection') {
  const out: Record<string, unknown> = {}
  for (const kind of KINDS) {
    const result = await new ComputeReport().handle({
      kind,
      now: NOW,
      source,
      params: {
        workflowId,
        versionId: null,
        from: '2026-03-02',
        to: '2026-03-03',
        timezone: 'UTC',
        assigneeId: null,
        role: null,
        granularity: 'day',
      },
    })
    out[kind] = { tables: result.tables, charts: result.charts }
  }
  return out
}

async function differences() {
  const result = await verifyStageVisits({})
  return result.differences
}

async function checkpointPosition() {
  const checkpoint = await readCheckpoint(db.connection())
  return checkpoint?.position
}

async function maxEventId() {
  const [row] = await db.from('process_events').max('id as id')
  return Number(row!.id)
}

async function nextSequence(processId: number) {
  const [row] = await db.from('process_events').where('process_id', processId).max('sequence as s')
  return Number(row!.s) + 1
}

async function visitCount(processId?: number) {
  const query = db.from('stage_visits')
  if (processId) query.where('process_id', processId)
  const [row] = await query.count('* as n')
  return Number(row!.n)
}

async function processesRun(projector: StageVisitsProjector) {
  const result = await projector.run()
  return result.processes
}

async function positionRun(projector: StageVisitsProjector) {
  const result = await projector.run()
  return result.position
}

test.group('Projections / stage_visits', (group) => {
  freshDatabase(group)

  test('rebuilt from engine-written events: the rows, verify, and the same reports', async ({
    assert,
  }) => {
    const { manager, workflowId, small, medium, large } = await history()
    const result = await new StageVisitsProjector().rebuild()
    assert.equal(result.processes, 3)
    const rows = await db
      .from('stage_visits')
      .where('process_id', small.id)
      .orderBy('entered_sequence')
      .select('stage_key', 'duration_seconds', 'outcome', 'workflow_id')
    // The decision stage the submission passed through is no visit.
    assert.deepEqual(
      rows.map((r) => [r.stage_key, r.duration_seconds, r.outcome, Number(r.workflow_id)]),
      [
        ['draft', 3600, 'transitioned', workflowId],
        ['approved', 3600, 'transitioned', workflowId],
        ['ordered', null, 'completed', workflowId],
      ]
    )
    assert.deepEqual(await differences(), [])
    assert.deepEqual(await reports(workflowId, 'projection'), await reports(workflowId, 'log'))

    // Moved on after the rebuild: read from the log until projected, then from the projection.
    await move(medium, 'reject', manager, { at: at('13:00') })
    await move(large, 'submit', manager, { at: at('12:00') })
    const fromLog = await reports(workflowId, 'log')
    assert.deepEqual(await reports(workflowId, 'projection'), fromLog)
    const projector = new StageVisitsProjector({ safetyMs: 0 })
    assert.equal(await processesRun(projector), 2)
    await projector.run()
    assert.equal(await checkpointPosition(), await maxEventId())
    assert.deepEqual(await differences(), [])
    assert.deepEqual(await reports(workflowId, 'projection'), fromLog)
  })

  test('a lower event id committed after a higher one is still projected', async ({ assert }) => {
    const { workflowId, small, medium } = await history()
    let clock = 5_000_000
    const projector = new StageVisitsProjector({ safetyMs: 60_000, now: () => clock })
    const { position } = await projector.rebuild()
    const comment = (id: number, processId: number, sequence: number, toStage: string) =>
      db.table('process_events').insert({
        id,
        process_id: processId,
        sequence,
        type: 'transitioned',
        from_stage: null,
        to_stage: toStage,
        actor_id: null,
        payload: JSON.stringify({ transition: 'x' }),
        occurred_at: '2026-03-02 15:00:00.000',
      })
    const smallNext = await nextSequence(small.id)
    const mediumNext = await nextSequence(medium.id)

    // Id position+10 commits first; the projector sees it and notes it.
    await comment(position + 10, small.id, smallNext, 'ordered')
    clock += 1000
    assert.equal(await processesRun(projector), 1)
    // Then id position+5, held by a slower transaction, commits below the max seen.
    await comment(position + 5, medium.id, mediumNext, 'manager')
    clock += 1000
    const late = await projector.run()
    assert.equal(late.processes, 2)
    assert.equal(late.position, position)
    // Nothing new: no work, no write.
    clock += 1000
    const before = await db.from('projection_checkpoints').first()
    assert.deepEqual(await projector.run(), { processes: 0, position })
    assert.deepEqual(await db.from('projection_checkpoints').first(), before)
    // A safety window after the note the checkpoint passes both.
    clock += 60_000
    assert.equal(await positionRun(projector), position + 10)
    assert.deepEqual(await differences(), [])
    assert.deepEqual(await reports(workflowId, 'projection'), await reports(workflowId, 'log'))
    assert.isAbove(await visitCount(medium.id), 0)
  })

  test('verify reports a tampered row and a missing one', async ({ assert }) => {
    const { small, medium } = await history()
    await new StageVisitsProjector().rebuild()
    await db
      .from('stage_visits')
      .where('process_id', small.id)
      .where('stage_key', 'draft')
      .update({ duration_seconds: 1 })
    await db
      .from('stage_visits')
      .where('process_id', medium.id)
      .where('stage_key', 'draft')
      .delete()
    const found = await differences()
    assert.deepEqual(
      found.map((d) => [d.processId, d.problem]),
      [
        [small.id, 'differs'],
        [medium.id, 'missing'],
      ]
    )
    assert.match(found[0]!.columns[0]!, /^duration_seconds: stored 1/)
  })

  test('the projector does nothing before the first rebuild', async ({ assert }) => {
    await history()
    assert.deepEqual(await new StageVisitsProjector().run(), { processes: 0, position: 0 })
    assert.equal(await visitCount(), 0)
  })

  test('ace projections:verify exits 1 without a checkpoint and on a difference, 0 after a rebuild', async ({
    assert,
  }) => {
    const { small } = await history()
    const before = await ace.create(ProjectionsVerify, [])
    await before.exec()
    assert.equal(before.exitCode, 1)

    const rebuild = await ace.create(ProjectionsRebuild, ['--batch-size=2'])
    await rebuild.exec()
    assert.notEqual(rebuild.exitCode, 1)
    assert.equal(await visitCount(), 6)
    const clean = await ace.create(ProjectionsVerify, [])
    await clean.exec()
    assert.notEqual(clean.exitCode, 1)

    await db.from('stage_visits').where('process_id', small.id).update({ outcome: 'cancelled' })
    const dirty = await ace.create(ProjectionsVerify, [])
    await dirty.exec()
    assert.equal(dirty.exitCode, 1)
  })
})
