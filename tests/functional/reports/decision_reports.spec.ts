import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import ComputeReport from '#actions/reports/compute_report'
import type { ReportKind, ReportResult } from '#actions/reports/types'
import StartProcess from '#actions/processes/start_process'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { move } from '#tests/helpers/process_fixtures'

const at = (time: string) => DateTime.fromISO(`2026-03-02T${time}:00Z`, { zone: 'utc' })
const NOW = DateTime.fromISO('2026-03-05T12:00:00Z', { zone: 'utc' })

const rowsOf = (result: ReportResult, key: string) => result.tables.find((t) => t.key === key)!.rows

test.group('Reports / decision stages', (group) => {
  freshDatabase(group)

  /**
   * Purchase approval, 2 March (UTC): P1 (500) drafted 10:00, submitted 11:00 → routed to
   * Approved, ordered 12:00; P2 (5000) drafted 10:00, submitted 11:00 → routed to Manager
   * review, rejected 13:00; P3 (50000) drafted 10:00, submitted 12:00 → Director review, open.
   */
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
    await move(small, 'place_order', manager, {
      at: at('12:00'),
      data: { order_number: 'PO-1' },
    })
    const medium = await move(await start(5000), 'submit', manager, { at: at('11:00') })
    await move(medium, 'reject', manager, { at: at('13:00') })
    const large = await move(await start(50000), 'submit', manager, { at: at('12:00') })
    return { workflowId: workflow.id, stages: [small.stageKey, medium.stageKey, large.stageKey] }
  }

  const compute = (kind: ReportKind, workflowId: number) =>
    new ComputeReport().handle({
      kind,
      now: NOW,
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

  test('cycle time: no time in a decision stage; the stage before ends when the route is taken', async ({
    assert,
  }) => {
    const { workflowId, stages } = await history()
    assert.deepEqual(stages, ['approved', 'manager', 'director'])
    const result = await compute('cycle_time', workflowId)
    const byStage = Object.fromEntries(
      rowsOf(result, 'cycleStages').map((r) => [r.stage, [r.count, r.avg]])
    )
    assert.deepEqual(byStage, {
      'Draft': [3, 4800], // 3600, 3600, 7200
      'Manager review': [1, 7200],
      'Approved': [1, 3600],
    })
  })

  test('work in progress and SLA never list the decision stage', async ({ assert }) => {
    const { workflowId } = await history()
    const wip = await compute('wip', workflowId)
    const columns = wip.tables.find((t) => t.key === 'wipOverTime')!.columns.map((c) => c.key)
    assert.deepEqual(columns, ['period', 'Draft', 'Manager review', 'Director review', 'Approved'])
    // At the end of each day only P3 is open, in Director review.
    assert.deepEqual(rowsOf(wip, 'wipOverTime'), [
      {
        'period': '2026-03-02',
        'Draft': 0,
        'Manager review': 0,
        'Director review': 1,
        'Approved': 0,
      },
      {
        'period': '2026-03-03',
        'Draft': 0,
        'Manager review': 0,
        'Director review': 1,
        'Approved': 0,
      },
    ])
    assert.deepEqual(
      rowsOf(wip, 'wipAging').map((r) => r.stage),
      ['Director review']
    )
    const sla = await compute('sla', workflowId)
    for (const table of sla.tables) {
      assert.notInclude(
        table.rows.map((r) => r.stage),
        'Route by amount',
        table.key
      )
    }
  })
})
