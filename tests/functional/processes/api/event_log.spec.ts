import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ace from '@adonisjs/core/services/ace'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import ProcessEvent, { AppendOnlyViolation } from '#models/process_event'
import Process from '#models/process'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import VerifyProcesses from '#actions/processes/verify_processes'
import ProcessesVerify from '#commands/processes_verify'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'

async function processWithHistory() {
  const manager = await UserFactory.apply('manager').create()
  await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  let { process } = await new StartProcess().handle({
    workflowKey: 'order-fulfilment',
    title: 'log',
    actor: manager,
  })
  for (const transition of ['reserve_inventory', 'inventory_reserved']) {
    ;({ process } = await new TransitionProcess().handle({
      process,
      transition,
      expectedVersion: process.version,
      actor: manager,
    }))
  }
  return process
}

test.group('Engine / event log', (group) => {
  freshDatabase(group)

  test('events cannot be updated or deleted through the model', async ({ assert }) => {
    const process = await processWithHistory()
    const event = await ProcessEvent.query().where('process_id', process.id).firstOrFail()

    event.type = 'tampered'
    await assert.rejects(() => event.save(), AppendOnlyViolation)
    await assert.rejects(() => event.delete(), AppendOnlyViolation)
    assert.throws(
      () => ProcessEvent.query().where('id', event.id).update({ type: 'x' }),
      AppendOnlyViolation
    )
    assert.throws(() => ProcessEvent.query().where('id', event.id).delete(), AppendOnlyViolation)

    const stored = await ProcessEvent.findOrFail(event.id)
    assert.equal(stored.type, 'started')
  })

  test('the verifier finds a row that no longer matches its events, and --fix repairs it', async ({
    assert,
  }) => {
    const process = await processWithHistory()
    const clean = await new VerifyProcesses().handle({})
    assert.lengthOf(clean.discrepancies, 0)

    // Corrupt the stored state behind the engine's back.
    await db.from('processes').where('id', process.id).update({ stage_key: 'SHIPPED', version: 7 })
    const report = await new VerifyProcesses().handle({})
    assert.lengthOf(report.discrepancies, 1)
    assert.sameMembers(
      report.discrepancies[0]!.differences.map((d) => d.column),
      ['stage', 'version']
    )

    const command = await ace.create(ProcessesVerify, [])
    await command.exec()
    assert.equal(command.exitCode, 1)

    const fix = await ace.create(ProcessesVerify, ['--fix'])
    await fix.exec()
    assert.notEqual(fix.exitCode, 1)
    const repaired = await Process.findOrFail(process.id)
    assert.equal(repaired.stageKey, 'INVENTORY_RESERVED')
    assert.equal(repaired.version, 3)
    const after = await new VerifyProcesses().handle({})
    assert.lengthOf(after.discrepancies, 0)
  })

  test('a gap in the log is reported as unreplayable', async ({ assert }) => {
    const process = await processWithHistory()
    // Simulate a lost event: only possible below the model layer.
    await db.from('process_events').where('process_id', process.id).where('sequence', 2).delete()
    const report = await new VerifyProcesses().handle({})
    assert.match(report.discrepancies[0]!.error ?? '', /missing/)
  })
})
