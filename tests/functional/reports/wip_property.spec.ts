import { test } from '@japa/runner'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import ComputeReport from '#actions/reports/compute_report'
import { freshDatabase } from '#tests/helpers/common'
import { buildClaims, claimsParams } from '#tests/helpers/report_fixtures'

/*
| The work-in-progress report against a brute-force count on random
| histories. The bench at 2,000,000 processes printed "DIFFERENT" for WIP
| (issue 22): its hand-written SQL counted moves after the end of the range
| and read its running sums in no particular order. Histories here start
| before, inside and after the range, so a report counting the wrong
| moves — or a reference doing so — disagrees.
*/

const RANGE = { from: '2026-03-02', to: '2026-03-06' }
const RANGE_START = DateTime.fromISO('2026-03-02T00:00:00Z', { zone: 'utc' })
const RANGE_END = RANGE_START.plus({ days: 5 })
const NOW = RANGE_END.plus({ days: 10 })
const NAMES: Record<string, string> = { A: 'Assess', B: 'Approve' }

type Move = { after: number; kind: 'advance' | 'cancel' | 'comment'; reject: boolean }
type History = { startMinute: number; moves: Move[] }

/** One process: starts in A, advances A → B → DONE|REJ, may be cancelled; times in minutes. */
const history = fc.record({
  // From three days before the range to three days after it.
  startMinute: fc.integer({ min: -3 * 1440, max: 8 * 1440 }),
  moves: fc.array(
    fc.record({
      after: fc.integer({ min: 1, max: 3 * 1440 }),
      kind: fc.constantFrom('advance', 'advance', 'cancel', 'comment') as fc.Arbitrary<
        Move['kind']
      >,
      reject: fc.boolean(),
    }),
    { maxLength: 5 }
  ),
})

type Event = { type: string; at: DateTime; from: string | null; to: string | null }

function eventsOf(h: History) {
  let at = RANGE_START.plus({ minutes: h.startMinute })
  let stage = 'A'
  let status = 'active'
  const events: Event[] = [{ type: 'started', at, from: null, to: 'A' }]
  for (const move of h.moves) {
    if (status !== 'active') break
    at = at.plus({ minutes: move.after })
    if (move.kind === 'comment') {
      events.push({ type: 'commented', at, from: null, to: null })
    } else if (move.kind === 'cancel') {
      events.push({ type: 'cancelled', at, from: stage, to: null })
      status = 'cancelled'
    } else {
      const to = stage === 'A' ? 'B' : move.reject ? 'REJ' : 'DONE'
      events.push({ type: 'transitioned', at, from: stage, to })
      stage = to
      if (to === 'DONE') status = 'completed'
      if (to === 'REJ') status = 'rejected'
    }
  }
  return { events, stage, status }
}

/** Open per stage at each day's end (or the range's end), counted visit by visit. */
function expectedWip(histories: History[]) {
  const visits: { stage: string; entered: DateTime; left: DateTime | null }[] = []
  for (const h of histories) {
    const { events, status } = eventsOf(h)
    const moves = events.filter((e) => e.type !== 'commented')
    moves.forEach((event, i) => {
      if (event.to === null) return
      const left = moves[i + 1]?.at ?? null
      // The last visit of a closed process is its end stage: not work in progress.
      if (left === null && status !== 'active') return
      visits.push({ stage: event.to, entered: event.at, left })
    })
  }
  const rows = []
  for (let day = RANGE_START; day < RANGE_END; day = day.plus({ days: 1 })) {
    const end = day.plus({ days: 1 })
    const row: Record<string, string | number> = { period: day.toISODate()! }
    for (const stage of ['A', 'B']) {
      row[NAMES[stage]!] = visits.filter(
        (v) => v.stage === stage && v.entered < end && (v.left === null || v.left >= end)
      ).length
    }
    rows.push(row)
  }
  return rows
}

function nonZero(row: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== 0))
}

async function insertHistories(workflowId: number, versionId: number, histories: History[]) {
  const sql = (at: DateTime) => at.toFormat('yyyy-MM-dd HH:mm:ss')
  for (const [n, h] of histories.entries()) {
    const { events, stage, status } = eventsOf(h)
    const last = events.at(-1)!
    const [id] = await db.table('processes').insert({
      workflow_id: workflowId,
      workflow_version_id: versionId,
      reference: `R${n}`,
      title: `Random ${n}`,
      data: '{}',
      stage_key: stage,
      status,
      priority: 'normal',
      creator_id: null,
      assignee_id: null,
      due_at: null,
      sla_breached: false,
      version: events.length,
      stage_entered_at: sql(events.filter((e) => e.to !== null).at(-1)!.at),
      created_at: sql(events[0]!.at),
      updated_at: sql(last.at),
      closed_at: status === 'active' ? null : sql(last.at),
    })
    await db.table('process_events').multiInsert(
      events.map((e, i) => ({
        process_id: id,
        sequence: i + 1,
        type: e.type,
        from_stage: e.from,
        to_stage: e.to,
        actor_id: null,
        payload: '{}',
        occurred_at: sql(e.at),
      }))
    )
  }
}

test.group('Work in progress on random histories', (group) => {
  freshDatabase(group)

  test('open per stage at the end of every day equals a visit-by-visit count', async ({
    assert,
  }) => {
    const fixture = await buildClaims()
    const params = claimsParams(fixture, RANGE)
    let runs = 0
    await fc.assert(
      fc.asyncProperty(fc.array(history, { minLength: 1, maxLength: 12 }), async (histories) => {
        runs++
        await db
          .from('process_events')
          .whereIn(
            'process_id',
            db.from('processes').select('id').where('workflow_id', fixture.workflowId)
          )
          .delete()
        await db.from('processes').where('workflow_id', fixture.workflowId).delete()
        await insertHistories(fixture.workflowId, fixture.versionId, histories)

        const result = await new ComputeReport().handle({ kind: 'wip', params, now: NOW })
        const rows = result.tables.find((t) => t.key === 'wipOverTime')!.rows
        // Every column the report drew (a stage nobody was in may be left out): zeros dropped on both sides.
        assert.deepEqual(rows.map(nonZero), expectedWip(histories).map(nonZero))
      }),
      { numRuns: 30, seed: 2026_12_06 }
    )
    assert.equal(runs, 30)
  })
})
