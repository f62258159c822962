import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import Process from '#models/process'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import ComputeReport from '#actions/reports/compute_report'
import type { ReportResult } from '#actions/reports/types'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { childrenOf } from '#tests/helpers/children_fixtures'

const table = (result: ReportResult, key: string) => {
  const found = result.tables.find((t) => t.key === key)
  if (!found) throw new Error(`no table ${key}`)
  return found.rows
}

async function take(processId: number, transition: string, actor: { id: number }) {
  const fresh = await Process.findOrFail(processId)
  const { process } = await new TransitionProcess().handle({
    process: fresh,
    transition,
    expectedVersion: fresh.version,
    actor: { id: actor.id, role: 'admin' },
  })
  return process
}

test.group('Demo: onboarding fans out to IT, facilities and payroll', (group) => {
  freshDatabase(group)
  group.teardown(async () => {
    await stopQueues()
    await truncateAll()
  })

  test('the preparation stage starts three onboarding tasks in parallel and waits for all; reports count them under their own workflow', async ({
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { workflow: taskWorkflow } = await publishWorkflow(DEMO_DEFINITIONS.onboardingTask, admin)
    const { workflow: onboarding } = await publishWorkflow(
      DEMO_DEFINITIONS.employeeOnboarding,
      admin
    )

    const { process: started } = await new StartProcess().handle({
      workflowKey: 'employee-onboarding',
      title: 'Onboard Ana',
      data: { start_date: '2027-01-04', department: 'engineering' },
      actor: admin,
    })
    const parent = await take(started.id, 'prepare', admin)
    assert.equal(parent.stageKey, 'preparation')
    await drainOutbox()

    const children = await childrenOf(parent.id)
    assert.deepEqual(
      children.map((c) => [c.title, c.data.department, c.data.start_date, c.status]),
      [
        ['IT onboarding', 'IT', '2027-01-04', 'active'],
        ['Facilities onboarding', 'Facilities', '2027-01-04', 'active'],
        ['Payroll onboarding', 'Payroll', '2027-01-04', 'active'],
      ]
    )
    assert.isTrue(children.every((c) => c.workflowId === taskWorkflow.id))

    // Two of three finished: the parent still waits.
    await take(children[2]!.id, 'finish', admin)
    await take(children[0]!.id, 'finish', admin)
    await drainOutbox()
    const waiting = await Process.findOrFail(parent.id)
    assert.equal(waiting.stageKey, 'preparation')

    await take(children[1]!.id, 'finish', admin)
    await drainOutbox()
    const moved = await Process.findOrFail(parent.id)
    assert.equal(moved.stageKey, 'accounts')
    assert.equal(moved.status, 'active')

    // Reports: the children count under "Onboarding task", the parent under onboarding.
    const today = DateTime.utc().toISODate()!
    const params = {
      workflowId: null,
      versionId: null,
      from: today,
      to: today,
      timezone: 'UTC',
      assigneeId: null,
      role: null,
      granularity: 'day' as const,
    }
    const all = await new ComputeReport().handle({ kind: 'throughput', params })
    assert.sameDeepMembers(table(all, 'throughputByWorkflow'), [
      { workflow: 'Employee onboarding', started: 1, closed: 0 },
      { workflow: 'Onboarding task', started: 3, closed: 3 },
    ])
    const tasks = await new ComputeReport().handle({
      kind: 'throughput',
      params: { ...params, workflowId: taskWorkflow.id },
    })
    assert.deepInclude(table(tasks, 'throughput')[0], { started: 3, closed: 3, completed: 3 })
    const parents = await new ComputeReport().handle({
      kind: 'throughput',
      params: { ...params, workflowId: onboarding.id },
    })
    assert.deepInclude(table(parents, 'throughput')[0], { started: 1, closed: 0 })
  })
})
