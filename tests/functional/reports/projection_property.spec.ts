import { test } from '@japa/runner'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import ComputeReport from '#actions/reports/compute_report'
import StageVisitsProjector, { readCheckpoint } from '#actions/projections/stage_visits_projector'
import { verifyStageVisits } from '#actions/projections/verify_stage_visits'
import { verifyRollups } from '#actions/projections/verify_rollups'
import { freshDatabase } from '#tests/helpers/common'
import Calendar from '#models/calendar'
import { buildClaims, claimsParams } from '#tests/helpers/report_fixtures'
import type { ReportKind } from '#actions/reports/types'

/*
| The `stage_visits` projection against today's event-log SQL on random
| histories (issue 22): every report that measures time in stages gives the
| same figures read from the projection and its hourly rollups — with
| processes projected, some of them changed since (their visits must come
| from the log, not the stale rows), and others never projected — as read
| from the log alone (throughput too: the rollups count processes). Cycle
| time's average working time per stage included: the default calendar
| (São Paulo, split hours, Saturday mornings, a holiday in the range) is
| walked in JavaScript for the log and stored by the projector.
*/

const RANGE = { from: '2026-03-02', to: '2026-03-06' }
const RANGE_START = DateTime.fromISO('2026-03-02T00:00:00Z', { zone: 'utc' })
const NOW = RANGE_START.plus({ days: 15 })
const KINDS: ReportKind[] = ['throughput', 'cycle_time', 'sla', 'wip', 'workload']

type Move = {
  after: number
  kind: 'advance' | 'cancel' | 'comment' | 'assign' | 'breach'
  reject: boolean
  /** The actor of a transition, the assignee a breach names (null or one of the fixture's people). */
  person: 0 | 1 | 2
}
type History = { startMinute: number; ms: number; moves: Move[]; projectedMoves: number }

const history = fc.record({
  startMinute: fc.integer({ min: -3 * 1440, max: 8 * 1440 }),
  ms: fc.integer({ min: 0, max: 999 }),
  moves: fc.array(
    fc.record({
      after: fc.integer({ min: 1, max: 3 * 1440 }),
      kind: fc.constantFrom(
        'advance',
        'advance',
        'cancel',
        'comment',
        'assign',
        'breach'
      ) as fc.Arbitrary<Move['kind']>,
      reject: fc.boolean(),
      person: fc.constantFrom(0, 1, 2) as fc.Arbitrary<Move['person']>,
    }),
    { maxLength: 5 }
  ),
  // How many of its moves exist when the projection is built (the rest come after).
  projectedMoves: fc.integer({ min: 0, max: 5 }),
})

type Event = {
  type: string
  actor?: 0 | 1 | 2
  at: DateTime
  from: string | null
  to: string | null
  payload: object
}

function eventsOf(h: History, upTo: number) {
  let at = RANGE_START.plus({ minutes: h.startMinute, milliseconds: h.ms })
  let stage = 'A'
  let status = 'active'
  const events: Event[] = [
    { type: 'started', at, from: null, to: 'A', payload: { assigneeId: null } },
  ]
  for (const [i, move] of h.moves.entries()) {
    if (status !== 'active' || i >= upTo) break
    at = at.plus({ minutes: move.after, milliseconds: 37 * i })
    if (move.kind === 'comment') {
      events.push({ type: 'commented', at, from: null, to: null, payload: {} })
    } else if (move.kind === 'assign') {
      events.push({
        type: 'assigned',
        at,
        from: null,
        to: null,
        payload: { assigneeId: move.reject ? null : 7 + i },
      })
    } else if (move.kind === 'breach') {
      events.push({
        type: 'sla_breached',
        at,
        from: null,
        to: null,
        payload: { stage, assigneeId: move.person, dueAt: at.toISO() },
      })
    } else if (move.kind === 'cancel') {
      events.push({ type: 'cancelled', at, from: stage, to: null, payload: {} })
      status = 'cancelled'
    } else {
      const to = stage === 'A' ? 'B' : move.reject ? 'REJ' : 'DONE'
      events.push({
        type: 'transitioned',
        at,
        from: stage,
        to,
        actor: move.person,
        payload: { transition: 'go' },
      })
      stage = to
      if (to === 'DONE') status = 'completed'
      if (to === 'REJ') status = 'rejected'
    }
  }
  return { events, stage, status }
}

const sql = (at: DateTime) => at.toUTC().toFormat('yyyy-MM-dd HH:mm:ss.SSS')

function processRow(events: Event[], stage: string, status: string) {
  const last = events.at(-1)!
  return {
    stage_key: stage,
    status,
    version: events.length,
    stage_entered_at: sql(events.filter((e) => e.to !== null).at(-1)!.at),
    updated_at: sql(last.at),
    closed_at: status === 'active' ? null : sql(last.at),
  }
}

/** The fixture's people a move names (0: none). */
let people: (number | null)[] = [null]

/** Inserts each process with its first `upTo(h)` moves; returns the ids. */
async function insertHistories(
  workflowId: number,
  versionId: number,
  histories: History[],
  upTo: (h: History) => number,
  prefix: string
) {
  const ids: number[] = []
  for (const [n, h] of histories.entries()) {
    const { events, stage, status } = eventsOf(h, upTo(h))
    const [id] = await db.table('processes').insert({
      workflow_id: workflowId,
      workflow_version_id: versionId,
      reference: `${prefix}${n}`,
      title: `Random ${n}`,
      data: '{}',
      priority: 'normal',
      creator_id: null,
      assignee_id: null,
      due_at: null,
      sla_breached: false,
      created_at: sql(events[0]!.at),
      ...processRow(events, stage, status),
    })
    await insertEvents(id!, events, 0)
    ids.push(id!)
  }
  return ids
}

async function insertEvents(processId: number, events: Event[], from: number) {
  if (events.length <= from) return
  await db.table('process_events').multiInsert(
    events.slice(from).map((e, i) => ({
      process_id: processId,
      sequence: from + i + 1,
      type: e.type,
      from_stage: e.from,
      to_stage: e.to,
      actor_id: people[e.actor ?? 0],
      payload: JSON.stringify(
        e.type === 'sla_breached'
          ? { ...e.payload, assigneeId: people[(e.payload as any).assigneeId] }
          : e.payload
      ),
      occurred_at: sql(e.at),
    }))
  )
}

/** The rest of each projected process's history, after the projection was built. */
async function appendRest(ids: number[], histories: History[]) {
  for (const [n, h] of histories.entries()) {
    const before = eventsOf(h, h.projectedMoves).events.length
    const { events, stage, status } = eventsOf(h, Infinity)
    if (events.length === before) continue
    await insertEvents(ids[n]!, events, before)
    await db
      .from('processes')
      .where('id', ids[n]!)
      .update(processRow(events, stage, status))
  }
}

async function rollupDifferences() {
  const { differences } = await verifyRollups()
  return differences
}

async function reports(params: ReturnType<typeof claimsParams>, source: 'log' | 'projection') {
  const out: Record<string, unknown> = {}
  // São Paulo too: its local days start at 03:00 UTC, so rollup hours map to other days.
  for (const timezone of ['UTC', 'America/Sao_Paulo']) {
    for (const kind of KINDS) {
      const result = await new ComputeReport().handle({
        kind,
        params: { ...params, timezone },
        now: NOW,
        source,
      })
      out[`${timezone} ${kind}`] = {
        tables: result.tables,
        charts: result.charts,
        notes: result.notes,
      }
    }
  }
  return out
}

test.group('Reports from the stage_visits projection on random histories', (group) => {
  freshDatabase(group)

  test('throughput, cycle time, SLA, WIP and workload from the projection and its rollups equal the event-log SQL', async ({
    assert,
  }) => {
    const fixture = await buildClaims()
    const hours = ['08:30-12:00', '13:00-18:00']
    await Calendar.create({
      key: 'sp',
      name: 'São Paulo',
      timeZone: 'America/Sao_Paulo',
      hours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: ['09:00-13:00'] },
      holidays: ['2026-03-04'],
      isDefault: true,
    })
    const params = claimsParams(fixture, RANGE)
    people = [null, fixture.alice.id, fixture.bob.id]
    let clock = 1_000_000
    const projector = new StageVisitsProjector({ safetyMs: 1000, now: () => clock })
    let runs = 0
    let compared = 0
    let withWorkingTime = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(history, { minLength: 1, maxLength: 8 }),
        fc.array(history, { maxLength: 4 }),
        async (projected, later) => {
          runs++
          await db.from('stage_visits').delete()
          for (const table of [
            'stage_rollups',
            'process_rollups',
            'rollup_histograms',
            'event_tallies',
            'event_rollups',
          ]) {
            await db.from(table).delete()
          }
          await db.from('projection_checkpoints').delete()
          await db
            .from('process_events')
            .whereIn(
              'process_id',
              db.from('processes').select('id').where('workflow_id', fixture.workflowId)
            )
            .delete()
          await db.from('processes').where('workflow_id', fixture.workflowId).delete()

          const ids = await insertHistories(
            fixture.workflowId,
            fixture.versionId,
            projected,
            (h) => h.projectedMoves,
            'P'
          )
          await projector.rebuild()
          const [rolled] = await db.from('stage_rollups').count('* as n')
          assert.isAbove(Number(rolled!.n), 0)
          const built = await verifyStageVisits({})
          assert.deepEqual(built.differences, [])
          assert.deepEqual(await rollupDifferences(), [])

          // Changed since the projection: projected processes move on, new ones start.
          await appendRest(ids, projected)
          await insertHistories(fixture.workflowId, fixture.versionId, later, () => Infinity, 'L')
          const fromLog = await reports(params, 'log')
          assert.deepEqual(await reports(params, 'projection'), fromLog)
          const stages = (fromLog['UTC cycle_time'] as any).tables[1].rows as any[]
          if (stages.some((r) => r.avgWorking > 0 && r.avgWorking < r.avg)) withWorkingTime++

          // The projector catches up: a run notes, a run a safety window later moves the checkpoint.
          clock += 10
          await projector.run()
          assert.deepEqual(await reports(params, 'projection'), fromLog)
          clock += 2000
          await projector.run()
          const checkpoint = await readCheckpoint(db.connection())
          const [max] = await db.from('process_events').max('id as id')
          assert.equal(checkpoint!.position, Number(max!.id))
          assert.deepEqual(await reports(params, 'projection'), fromLog)
          const after = await verifyStageVisits({})
          assert.deepEqual(after.differences, [])
          assert.deepEqual(await rollupDifferences(), [])
          compared++
        }
      ),
      { numRuns: 20, seed: 2026_12_06 }
    )
    assert.equal(runs, 20)
    assert.equal(compared, 20)
    // Working time was not trivially zero or the wall-clock time.
    assert.isAbove(withWorkingTime, 5)
  }).timeout(120_000)
})
