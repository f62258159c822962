import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ace from '@adonisjs/core/services/ace'
import ComputeReport from '#actions/reports/compute_report'
import StageVisitsProjector from '#actions/projections/stage_visits_projector'
import { verifyStageVisits } from '#actions/projections/verify_stage_visits'
import { verifyRollups } from '#actions/projections/verify_rollups'
import { bucketFloor, bucketOf, bucketValue } from '#actions/projections/rollups'
import PurgeArchived from '#actions/archives/purge_archived'
import ExportReport from '#actions/reports/export_report'
import ProjectionsVerify from '#commands/projections_verify'
import { freshDatabase } from '#tests/helpers/common'
import { buildClaims, claimsParams, NOW } from '#tests/helpers/report_fixtures'
import type { ReportKind } from '#actions/reports/types'

/*
| The hourly rollups (issue 22): reports read them for the hours the
| projector has covered, `projections:verify` catches a wrong row, archived
| processes keep counting after purge, and percentiles over many values
| come from the histograms, marked approximate.
*/

async function report(
  kind: ReportKind,
  params: ReturnType<typeof claimsParams>,
  options: { source?: 'log' | 'projection'; exactPercentileLimit?: number } = {}
) {
  return new ComputeReport().handle({ kind, params, now: NOW, ...options })
}

const rollupDifferences = async () => {
  const { differences } = await verifyRollups()
  return differences
}

const table = (result: { tables: { key: string; rows: any[] }[] }, key: string) =>
  result.tables.find((t) => t.key === key)!.rows

test.group('Report rollups', (group) => {
  freshDatabase(group)

  test('reports read the rollups, and a corrupted rollup row fails projections:verify', async ({
    assert,
  }) => {
    const fixture = await buildClaims()
    const params = claimsParams(fixture, { from: '2026-03-01', to: '2026-03-05' })
    await new StageVisitsProjector().rebuild()
    assert.deepEqual(await rollupDifferences(), [])
    for (const kind of ['throughput', 'cycle_time', 'sla', 'wip', 'workload'] as const) {
      const fromLog = await report(kind, params, { source: 'log' })
      const fromRollups = await report(kind, params)
      assert.deepEqual(fromRollups.tables, fromLog.tables, kind)
    }

    // One process more started on 2 March in the rollups than in the log.
    await db
      .from('process_rollups')
      .where('part', 'started')
      .where('hour', Date.UTC(2026, 2, 2, 10) / 3_600_000)
      .increment('n', 1)
    const throughput = await report('throughput', params)
    assert.equal(table(throughput, 'throughput')[1].started, 3)
    const found = await verifyRollups()
    assert.lengthOf(found.differences, 1)
    assert.equal(found.differences[0]!.table, 'process_rollups')
    const verify = await ace.create(ProjectionsVerify, [])
    await verify.exec()
    assert.equal(verify.exitCode, 1)

    await new StageVisitsProjector().rebuild()
    const clean = await ace.create(ProjectionsVerify, [])
    await clean.exec()
    assert.notEqual(clean.exitCode, 1)
  })

  test('workload and the SLA breach list read the event rollups, which projections:verify checks', async ({
    assert,
  }) => {
    const fixture = await buildClaims()
    const params = claimsParams(fixture, { from: '2026-03-01', to: '2026-03-05' })
    await new StageVisitsProjector().rebuild()
    const [breached] = await db.from('event_rollups').where('kind', 'sla_breached').count('* as n')
    assert.isAbove(Number(breached!.n), 0)
    const completed = (result: Awaited<ReturnType<typeof report>>) =>
      table(result, 'workloadAssignees').reduce((sum, r) => sum + r.completed, 0)
    const breaches = (result: Awaited<ReturnType<typeof report>>) =>
      table(result, 'slaBreaches').reduce((sum, r) => sum + r.breaches, 0)
    const workloadFromLog = await report('workload', params, { source: 'log' })
    const slaFromLog = await report('sla', params, { source: 'log' })
    assert.isAbove(completed(workloadFromLog), 0)
    assert.isAbove(breaches(slaFromLog), 0)

    // One transition and one breach more in the rollups: the reports read them.
    for (const kind of ['transitioned', 'sla_breached']) {
      const row = await db.from('event_rollups').where('kind', kind).orderBy('hour').first()
      await db
        .from('event_rollups')
        .where({
          hour: row.hour,
          workflow_version_id: row.workflow_version_id,
          kind,
          stage_key: row.stage_key,
          person_id: row.person_id,
        })
        .increment('n', 1)
    }
    assert.equal(completed(await report('workload', params)), completed(workloadFromLog) + 1)
    assert.equal(breaches(await report('sla', params)), breaches(slaFromLog) + 1)
    const found = await rollupDifferences()
    assert.deepEqual(
      found.map((d) => d.table),
      ['event_rollups', 'event_rollups']
    )

    // A tally that disagrees with the log is caught too.
    await new StageVisitsProjector().rebuild()
    const tally = await db.from('event_tallies').where('kind', 'transitioned').first()
    await db
      .from('event_tallies')
      .where({ process_id: tally.process_id, hour: tally.hour, kind: 'transitioned' })
      .delete()
    const tallies = await rollupDifferences()
    assert.includeMembers(
      tallies.map((d) => d.table),
      ['event_tallies', 'event_rollups']
    )
    await new StageVisitsProjector().rebuild()
    assert.deepEqual(await rollupDifferences(), [])
  })

  test('an archived process still counts in throughput and cycle time after purge', async ({
    assert,
  }) => {
    const fixture = await buildClaims()
    const params = claimsParams(fixture, { from: '2026-03-01', to: '2026-03-05' })
    await new StageVisitsProjector().rebuild()
    const before = await report('throughput', params)
    const cycleBefore = await report('cycle_time', params)

    // P1 (closed 2 March) is archived, then purged from the live tables.
    const p1 = fixture.ids.P1!
    const [bundleId] = await db.table('archive_bundles').insert({
      name: 'claims-2026-03.jsonl.gz',
      workflow_id: fixture.workflowId,
      month: '2026-03',
      process_count: 1,
      event_count: 3,
      line_count: 5,
      first_hash: 'a'.repeat(64),
      last_hash: 'b'.repeat(64),
      sha256: 'c'.repeat(64),
      bytes: 100,
      created_at: '2026-04-01 00:00:00',
    })
    await db.table('archived_processes').insert({
      process_id: p1,
      workflow_id: fixture.workflowId,
      reference: 'CL-1',
      title: 'P1',
      status: 'completed',
      stage_key: 'DONE',
      event_count: 3,
      created_at: '2026-03-02 10:00:00',
      closed_at: '2026-03-02 13:30:00',
      bundle_id: bundleId,
      archived_at: '2026-04-01 00:00:00',
    })
    assert.equal(await new PurgeArchived().handle(), 1)
    assert.isNull(await db.from('processes').where('id', p1).first())
    await new StageVisitsProjector().run()

    const after = await report('throughput', params)
    assert.deepEqual(after.tables, before.tables)
    assert.equal(table(after, 'throughput')[1].started, 2)
    // The live tables alone no longer know it.
    const liveOnly = await report('throughput', params, { source: 'log' })
    assert.equal(table(liveOnly, 'throughput')[1].started, 1)
    const cycleAfter = await report('cycle_time', params)
    assert.deepEqual(
      table(cycleAfter, 'cycleTotal').map((r) => [r.count, r.avg]),
      table(cycleBefore, 'cycleTotal').map((r) => [r.count, r.avg])
    )

    // Verify leaves the archived process out of the visit check, and its visits still add up.
    const visits = await verifyStageVisits({})
    assert.deepEqual(visits.differences, [])
    assert.deepEqual(await rollupDifferences(), [])
    // A rebuild keeps them.
    await new StageVisitsProjector().rebuild()
    const rebuilt = await report('throughput', params)
    assert.deepEqual(rebuilt.tables, before.tables)
  })

  test('past the exact limit, percentiles come from the histograms and say so', async ({
    assert,
  }) => {
    const fixture = await buildClaims()
    await new StageVisitsProjector().rebuild()
    // UTC: whole days from the daily histograms; São Paulo: partial UTC days at both ends too.
    for (const timezone of ['UTC', 'America/Sao_Paulo']) {
      const params = claimsParams(fixture, { from: '2026-03-01', to: '2026-03-05', timezone })
      const exact = await report('cycle_time', params)
      assert.isUndefined(exact.notes)
      const approximate = await report('cycle_time', params, { exactPercentileLimit: 0 })
      assert.deepEqual(approximate.notes, ['approximatePercentiles'])
      // The exports say so too, in the reader's language.
      assert.include(new ExportReport().csv(approximate), 'Percentiles are approximate')
      assert.include(new ExportReport().csv(approximate, 'pt-BR'), 'Os percentis são aproximados')
      for (const key of ['cycleTotal', 'cycleStages']) {
        const want = table(exact, key)
        const got = table(approximate, key)
        assert.deepEqual(
          got.map((r) => [r.version, r.stage, r.count, r.avg]),
          want.map((r) => [r.version, r.stage, r.count, r.avg])
        )
        for (const [i, row] of got.entries()) {
          for (const p of ['p50', 'p90', 'p95']) {
            const value = want[i][p] as number
            assert.isAtMost(
              Math.abs((row[p] as number) - value),
              Math.max(1, value * 0.05),
              `${key} ${p}`
            )
          }
        }
      }
    }
  })

  test('histogram buckets grow by 10 % and a bucket reports within 5 % of its values', ({
    assert,
  }) => {
    for (const seconds of [0, 1, 2, 9, 10, 59, 60, 3599, 3600, 86_400, 31_536_000]) {
      const k = bucketOf(seconds)
      assert.isAtLeast(seconds, bucketFloor(k))
      assert.isBelow(seconds, Math.max(bucketFloor(k + 1), 1))
      assert.isAtMost(Math.abs(bucketValue(k) - seconds), Math.max(1, seconds * 0.05))
    }
  })
})
