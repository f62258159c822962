import { test } from '@japa/runner'
import ComputeReport from '#actions/reports/compute_report'
import type { ReportKind, ReportParams, ReportResult } from '#actions/reports/types'
import { freshDatabase } from '#tests/helpers/common'
import { NOW, buildClaims, claimsParams } from '#tests/helpers/report_fixtures'

async function compute(kind: ReportKind, params: ReportParams) {
  return new ComputeReport().handle({ kind, params, now: NOW })
}

const table = (result: ReportResult, key: string) => {
  const found = result.tables.find((t) => t.key === key)
  if (!found) throw new Error(`no table ${key}`)
  return found.rows
}

test.group('Report figures on a hand-built history', (group) => {
  freshDatabase(group)

  test('cycle time: start-to-close and per-stage average, median, p90, p95, bottleneck first', async ({
    assert,
  }) => {
    const fixture = await buildClaims()
    const result = await compute('cycle_time', claimsParams(fixture))

    // Closed, not cancelled: P1 12600 s, P2 10800 s, P3 4200 s.
    assert.deepEqual(table(result, 'cycleTotal'), [
      { version: 'Claims v1', count: 3, avg: 9200, p50: 10800, p90: 12600, p95: 12600 },
    ])
    // B: 10800, 3600, 3600 (avg 6000) is the bottleneck; A: 1800, 7200, 600, 14400, 3600
    // (avg 5520; nearest-rank median 3600). Comments and assignments do not end a visit.
    // Working time, in the built-in calendar (Mon–Fri 09–17 UTC): P3's visits (05:00–06:10)
    // and P5's (08:00–09:00) count 0 — B: 10800, 3600, 0; A: 1800, 7200, 0, 14400, 0.
    assert.deepEqual(table(result, 'cycleStages'), [
      {
        rank: 1,
        version: 'Claims v1',
        stage: 'Approve',
        count: 3,
        avg: 6000,
        avgWorking: 4800,
        p50: 3600,
        p90: 10800,
        p95: 10800,
      },
      {
        rank: 2,
        version: 'Claims v1',
        stage: 'Assess',
        count: 5,
        avg: 5520,
        avgWorking: 4680,
        p50: 3600,
        p90: 14400,
        p95: 14400,
      },
    ])
  })

  test('cycle time counts only visits that ended inside the range', async ({ assert }) => {
    const fixture = await buildClaims()
    const result = await compute(
      'cycle_time',
      claimsParams(fixture, { from: '2026-03-03', to: '2026-03-03' })
    )
    // 03-03: A of P3 (600) and P4 (14400); B of P3 (3600). P3 closed that day (4200).
    assert.deepEqual(
      table(result, 'cycleStages').map((r) => [r.stage, r.count, r.avg, r.p50, r.avgWorking]),
      [
        ['Assess', 2, 7500, 600, 7200],
        ['Approve', 1, 3600, 3600, 0],
      ]
    )
    assert.deepEqual(
      table(result, 'cycleTotal').map((r) => [r.count, r.avg]),
      [[1, 4200]]
    )
  })

  test('SLA: compliance of finished visits, breaches by stage and assignee, overdue now', async ({
    assert,
  }) => {
    const fixture = await buildClaims()
    const result = await compute('sla', claimsParams(fixture))
    assert.deepEqual(table(result, 'slaSummary'), [
      { visits: 8, within: 5, compliance: 62.5, breaches: 3, overdue: 2 },
    ])
    assert.deepEqual(table(result, 'slaStages'), [
      { stage: 'Assess', visits: 5, within: 3, breached: 2, compliance: 60 },
      { stage: 'Approve', visits: 3, within: 2, breached: 1, compliance: 66.7 },
    ])
    assert.deepEqual(table(result, 'slaBreaches'), [
      { stage: 'Assess', assignee: 'Alice', breaches: 2 },
      { stage: 'Approve', assignee: 'Bob', breaches: 1 },
    ])
    assert.sameDeepMembers(table(result, 'slaOverdue'), [
      { stage: 'Assess', assignee: 'Alice', overdue: 1 },
      { stage: 'Approve', assignee: 'Bob', overdue: 1 },
    ])
  })

  test('throughput per day in UTC, per week, and per day in Los Angeles', async ({ assert }) => {
    const fixture = await buildClaims()
    const utc = await compute('throughput', claimsParams(fixture))
    assert.deepEqual(table(utc, 'throughput'), [
      { period: '2026-03-02', started: 2, closed: 2, cancelled: 0, completed: 2, rejected: 0 },
      { period: '2026-03-03', started: 2, closed: 1, cancelled: 0, completed: 0, rejected: 1 },
      { period: '2026-03-04', started: 2, closed: 1, cancelled: 1, completed: 0, rejected: 0 },
    ])
    assert.deepEqual(table(utc, 'throughputByWorkflow'), [
      { workflow: 'Claims', started: 6, closed: 4 },
    ])

    const weekly = await compute('throughput', claimsParams(fixture, { granularity: 'week' }))
    assert.deepEqual(
      table(weekly, 'throughput').map((r) => [r.period, r.started, r.closed]),
      [['2026-03-02', 6, 4]]
    )

    // UTC-8 that week: P3 (started 05:00, closed 06:10 UTC on 03-03) belongs to 03-02.
    const la = await compute(
      'throughput',
      claimsParams(fixture, { timezone: 'America/Los_Angeles' })
    )
    assert.deepEqual(
      table(la, 'throughput').map((r) => [r.period, r.started, r.closed]),
      [
        ['2026-03-02', 3, 3],
        ['2026-03-03', 1, 0],
        ['2026-03-04', 2, 1],
      ]
    )
  })

  test('work in progress per stage at the end of each day, and aging of the open ones', async ({
    assert,
  }) => {
    const fixture = await buildClaims()
    const result = await compute('wip', claimsParams(fixture))
    assert.deepEqual(table(result, 'wipOverTime'), [
      { period: '2026-03-02', Assess: 0, Approve: 0 },
      { period: '2026-03-03', Assess: 0, Approve: 1 },
      { period: '2026-03-04', Assess: 1, Approve: 1 },
    ])
    // At 03-05 12:00: P4 in Approve for 44 h, P6 in Assess for 26 h.
    assert.deepEqual(table(result, 'wipAging'), [
      {
        stage: 'Approve',
        open: 1,
        lt1d: 0,
        d1to3: 1,
        d3to7: 0,
        d7to14: 0,
        gt14d: 0,
        oldest: 158400,
      },
      { stage: 'Assess', open: 1, lt1d: 0, d1to3: 1, d3to7: 0, d7to14: 0, gt14d: 0, oldest: 93600 },
    ])
  })

  test('workload per assignee and role: open, overdue, completed transitions', async ({
    assert,
  }) => {
    const fixture = await buildClaims()
    const result = await compute('workload', claimsParams(fixture))
    assert.sameDeepMembers(table(result, 'workloadAssignees'), [
      { assignee: 'Alice', role: 'member', open: 1, overdue: 1, completed: 4 },
      { assignee: 'Bob', role: 'manager', open: 1, overdue: 1, completed: 3 },
    ])
    assert.sameDeepMembers(table(result, 'workloadRoles'), [
      { role: 'member', open: 1, overdue: 1, completed: 4 },
      { role: 'manager', open: 1, overdue: 1, completed: 3 },
    ])
  })

  test('filters: assignee, role and version narrow every figure', async ({ assert }) => {
    const fixture = await buildClaims()
    // Processes assigned to Alice: P5 (cancelled) and P6 (open).
    const mine = await compute(
      'throughput',
      claimsParams(fixture, { assigneeId: fixture.alice.id })
    )
    assert.deepEqual(table(mine, 'throughputByWorkflow'), [
      { workflow: 'Claims', started: 2, closed: 1 },
    ])
    const managers = await compute('sla', claimsParams(fixture, { role: 'manager' }))
    assert.deepEqual(table(managers, 'slaSummary')[0]!.visits, 7)
    const none = await compute(
      'cycle_time',
      claimsParams(fixture, { versionId: fixture.versionId + 1 })
    )
    assert.deepEqual(table(none, 'cycleStages'), [])
  })
})
