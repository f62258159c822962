import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import ace from '@adonisjs/core/services/ace'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import CancelProcess from '#actions/processes/cancel_process'
import CommentOnProcess from '#actions/processes/comment_on_process'
import RunRetention from '#actions/archives/run_retention'
import VerifyProcesses from '#actions/processes/verify_processes'
import SaveWorkflowAccess from '#actions/workflows/save_workflow_access'
import Process from '#models/process'
import Workflow from '#models/workflow'
import ProcessesVerify from '#commands/processes_verify'
import ArchiveVerify from '#commands/archive_verify'
import ArchiveRestore from '#commands/archive_restore'
import { packBundle, unpackBundle, verifyLines } from '#support/archives/bundle'
import { readBundle } from '#support/archives/storage'
import { executeJob } from '#queue/runner'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { move, startProcesses } from '#tests/helpers/process_fixtures'
import { countQueries } from '#tests/helpers/query_counter'

/** Two years on: processes closed today are past a 365-day policy. */
const LATER = DateTime.utc().plus({ years: 2 })

/**
 * A workflow with a 365-day policy, three closed processes (two with a
 * few comments) and one still open, which must stay live.
 */
async function world() {
  const manager = await UserFactory.apply('manager').create()
  const member = await UserFactory.create()
  const { workflow } = await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  const [a, b, c, open] = await startProcesses(4, manager)
  const closed: Process[] = []
  for (const [index, process] of [a!, b!, c!].entries()) {
    let current = await move(process, 'reserve_inventory', manager)
    for (let i = 0; i < index; i++) {
      ;({ process: current } = await new CommentOnProcess().handle({
        process: current,
        expectedVersion: current.version,
        actorId: manager.id,
        body: `note ${i}`,
      } as any))
    }
    const { process: done } = await new CancelProcess().handle({
      process: current,
      expectedVersion: current.version,
      actorId: manager.id,
      reason: 'archived in a test',
    })
    closed.push(done)
  }
  await new SaveWorkflowAccess().handle(await Workflow.findOrFail(workflow.id), {
    retention: { archiveClosedAfterDays: 365 },
  })
  return { manager, member, workflow, closed, open: open! }
}

async function archived() {
  return new RunRetention().handle({ now: LATER, batchSize: 2 })
}

/** A copy of a bundle with its lines changed, as a local file. */
function tampered(lines: string[], change: (lines: string[]) => string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'sf-archive-'))
  const file = join(dir, 'bundle.jsonl.gz')
  writeFileSync(file, packBundle(change([...lines])))
  return file
}

async function verifyFile(file: string) {
  ace.ui.logger.flushLogs()
  const command = await ace.create(ArchiveVerify, [file])
  await command.exec()
  return command
}

/** What a command printed (raw mode). */
function printed() {
  return ace.ui.logger
    .getLogs()
    .map((log) => log.message)
    .join('\n')
}

test.group('Archives / retention', (group) => {
  freshDatabase(group)
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    drive.fake('fs')
    return () => drive.restore('fs')
  })

  test('closed processes go to one bundle per month; twice archives nothing twice', async ({
    assert,
  }) => {
    const { closed, open, workflow } = await world()

    // Nothing is due today.
    const today = await new RunRetention().handle()
    assert.equal(today.archived, 0)

    const first = await archived()
    assert.equal(first.archived, 3)
    assert.equal(first.purged, 3)
    assert.lengthOf(first.bundles, 1)
    const month = closed[0]!.closedAt!.toUTC().toFormat('yyyy-MM')
    assert.equal(first.bundles[0]!.name, `archives/order-fulfilment/${month}.jsonl.gz`)
    // 3 + 4 + 5 events (start, reserve, comments, cancel).
    assert.equal(first.bundles[0]!.events, 3 + 4 + 5)

    // The live tables no longer hold them; the open process stays.
    const ids = closed.map((p) => p.id)
    assert.lengthOf(await db.from('processes').whereIn('id', ids), 0)
    assert.lengthOf(await db.from('process_events').whereIn('process_id', ids), 0)
    assert.lengthOf(await db.from('outbox_messages').whereIn('process_id', ids), 0)
    assert.isNotNull(await Process.find(open.id))
    const stubs = await db.from('archived_processes').orderBy('process_id')
    assert.deepEqual(
      stubs.map((s) => [s.reference, s.title, s.status, s.stage_key]),
      closed.map((p) => [p.reference, p.title, 'cancelled', p.stageKey])
    )
    assert.isTrue(stubs.every((s) => s.workflow_id === workflow.id))

    const lines = await readBundle(first.bundles[0]!.name)
    assert.deepEqual(verifyLines(lines).problems, [])
    assert.equal(JSON.parse(lines.at(-1)!).processCount, 3)

    const second = await archived()
    assert.deepEqual(second, { bundles: [], archived: 0, purged: 0 })
    assert.lengthOf(await db.from('archive_bundles'), 1)
    assert.lengthOf(await db.from('archived_processes'), 3)

    // The verify command agrees: exit code 0 on the bundle as written.
    const intact = await ace.create(ArchiveVerify, [first.bundles[0]!.name])
    await intact.exec()
    assert.notEqual(intact.exitCode, 1)
  })

  test('one bundle per workflow and month of closing; a month is archived only when all of it is past the policy', async ({
    assert,
  }) => {
    const { manager } = await world()
    // One more process, closed in an earlier month.
    const earlier = DateTime.utc().minus({ months: 3 }).startOf('month').plus({ hours: 12 })
    const [old] = await startProcesses(1, manager, { at: earlier })
    const { process: oldClosed } = await new CancelProcess().handle({
      process: old!,
      expectedVersion: old!.version,
      actorId: manager.id,
      at: earlier.plus({ minutes: 5 }),
    })

    // A year from now: this month is not over for the policy yet, the earlier one is.
    const partial = await new RunRetention().handle({ now: DateTime.utc().plus({ days: 365 }) })
    assert.deepEqual(
      partial.bundles.map((b) => [b.name, b.processes]),
      [[`archives/order-fulfilment/${earlier.toFormat('yyyy-MM')}.jsonl.gz`, 1]]
    )
    assert.isNull(await Process.find(oldClosed.id))
    assert.lengthOf(await db.from('processes'), 4)

    const rest = await archived()
    assert.deepEqual(
      rest.bundles.map((b) => [b.name, b.processes]),
      [[`archives/order-fulfilment/${DateTime.utc().toFormat('yyyy-MM')}.jsonl.gz`, 3]]
    )
    assert.lengthOf(await db.from('archive_bundles'), 2)
  })

  test('the hourly job archives what is due by the clock', async ({ assert }) => {
    const { manager } = await world()
    const longAgo = DateTime.utc().minus({ years: 2 })
    const [old] = await startProcesses(1, manager, { at: longAgo })
    await new CancelProcess().handle({
      process: old!,
      expectedVersion: old!.version,
      actorId: manager.id,
      at: longAgo.plus({ minutes: 1 }),
    })
    const job = {
      jobId: 'retention',
      name: 'run_retention',
      payload: {},
      attempt: 1,
      maxAttempts: 1,
      progress: async () => {},
    }
    await executeJob(job)
    assert.isNull(await Process.find(old!.id))
    // Today's closed processes are not due; a second run changes nothing.
    assert.lengthOf(await db.from('processes'), 4)
    await executeJob({ ...job, jobId: 'retention-2' })
    assert.lengthOf(await db.from('archived_processes'), 1)
    assert.lengthOf(await db.from('archive_bundles'), 1)
  })

  test('a workflow without a policy keeps everything live', async ({ assert }) => {
    const { workflow } = await world()
    await new SaveWorkflowAccess().handle(await Workflow.findOrFail(workflow.id), {
      retention: null,
    })
    const run = await archived()
    assert.equal(run.archived, 0)
    assert.lengthOf(await db.from('processes'), 4)
  })

  test('verify reports a changed, removed or reordered event and a manifest mismatch, with its position', async ({
    assert,
  }) => {
    await world()
    const run = await archived()
    const lines = await readBundle(run.bundles[0]!.name)
    // Line 1: process A; 2–4: its events; 5: process B; 6–9: its events; …
    assert.equal(JSON.parse(lines[5]!).kind, 'event')
    assert.equal(JSON.parse(lines[5]!).sequence, 1)

    const changed = tampered(lines, (all) => {
      const line = JSON.parse(all[6]!)
      line.event.to_stage = 'DELIVERED'
      all[6] = JSON.stringify(line)
      return all
    })
    let result = verifyLines(unpackBundle(readFileSync(changed)))
    assert.deepInclude(
      result.problems.map((p) => [p.kind, p.position]),
      ['changed', 7]
    )
    const changedCommand = await verifyFile(changed)
    assert.equal(changedCommand.exitCode, 1)

    const removed = tampered(lines, (all) => [...all.slice(0, 6), ...all.slice(7)])
    const removedCommand = await verifyFile(removed)
    assert.equal(removedCommand.exitCode, 1)
    assert.match(printed(), /line 7: removed: event .* #2 is missing before this line/)

    const reordered = tampered(lines, (all) => {
      ;[all[6], all[7]] = [all[7]!, all[6]!]
      return all
    })
    const reorderedCommand = await verifyFile(reordered)
    assert.equal(reorderedCommand.exitCode, 1)
    assert.match(printed(), /line 7: reordered: event .* #3 comes before #2/)

    const manifest = tampered(lines, (all) => {
      const line = JSON.parse(all.at(-1)!)
      line.eventCount -= 1
      all[all.length - 1] = JSON.stringify(line)
      return all
    })
    const manifestCommand = await verifyFile(manifest)
    assert.equal(manifestCommand.exitCode, 1)
    assert.match(printed(), new RegExp(`line ${lines.length}: manifest: manifest eventCount`))

    const cut = tampered(lines, (all) => all.slice(0, -1))
    const cutCommand = await verifyFile(cut)
    assert.equal(cutCommand.exitCode, 1)
    assert.match(printed(), /manifest: no manifest at the end/)

    result = verifyLines(lines)
    assert.deepEqual(result.problems, [])
  })

  test('restore brings a process back that processes:verify accepts; retention leaves it live', async ({
    assert,
  }) => {
    const { closed, member } = await world()
    const target = closed[2]!
    // Attachment metadata leaves with the process and comes back with it (the file stays on the disk).
    await db.table('attachments').insert({
      process_id: target.id,
      uploaded_by: member.id,
      key: 'attachments/archived-test.pdf',
      file_name: 'invoice.pdf',
      mime_type: 'application/pdf',
      size: 1234,
      created_at: '2026-01-02 03:04:05',
    })
    const postings = () =>
      db.from('process_words').where('process_id', target.id).orderBy('word').select('word')
    const before = await postings()
    const words = before.map((row) => row.word)
    assert.include(words, target.reference.toLowerCase().match(/[a-z]+/)![0])
    await archived()
    assert.lengthOf(await db.from('attachments'), 0)
    // The purge removed the free-text postings with the process.
    assert.lengthOf(await postings(), 0)
    // Someone deleted since: their id comes back as null, as ON DELETE SET NULL did.
    await db.from('users').where('id', member.id).delete()

    const restore = await ace.create(ArchiveRestore, [target.reference])
    await restore.exec()
    assert.notEqual(restore.exitCode, 1)

    const back = await Process.findOrFail(target.id)
    assert.equal(back.reference, target.reference)
    // Its postings are back, so free text finds it again.
    const restored = await postings()
    assert.deepEqual(
      restored.map((row) => row.word),
      words
    )
    assert.equal(back.status, 'cancelled')
    assert.equal(back.version, target.version)
    assert.lengthOf(await db.from('process_events').where('process_id', target.id), 5)
    const attachments = await db.from('attachments').where('process_id', target.id)
    assert.deepEqual(
      attachments.map((a) => [a.file_name, a.key, a.uploaded_by]),
      [['invoice.pdf', 'attachments/archived-test.pdf', null]]
    )
    const check = await new VerifyProcesses().handle({})
    assert.deepEqual(check.discrepancies, [])
    const verify = await ace.create(ProcessesVerify, [])
    await verify.exec()
    assert.notEqual(verify.exitCode, 1)

    const stub = await db.from('archived_processes').where('process_id', target.id).first()
    assert.isNotNull(stub.restored_at)
    const again = await archived()
    assert.equal(again.archived, 0)
    assert.isNotNull(await Process.find(target.id))

    // Restoring twice: nothing left to restore.
    const twice = await ace.create(ArchiveRestore, [target.reference])
    await twice.exec()
    assert.equal(twice.exitCode, 1)
  })

  test('restore refuses a bundle that fails verification', async ({ assert }) => {
    const { closed } = await world()
    const run = await archived()
    const name = run.bundles[0]!.name
    const lines = await readBundle(name)
    const line = JSON.parse(lines[1]!)
    line.event.payload = '{}'
    lines[1] = JSON.stringify(line)
    await drive.use().put(name, packBundle(lines))

    ace.ui.logger.flushLogs()
    const restore = await ace.create(ArchiveRestore, [closed[0]!.reference])
    await restore.exec()
    assert.equal(restore.exitCode, 1)
    assert.match(printed(), /fails verification/)
    assert.isNull(await Process.find(closed[0]!.id))
  })

  test('the page of an archived process says where it lives; search by reference finds it', async ({
    client,
    assert,
  }) => {
    const { manager, member, closed, workflow } = await world()
    const run = await archived()
    const target = closed[0]!

    const page = await client.get(`/processes/${target.id}`).loginAs(member).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('processes/archived')
    const props = page.inertiaProps as any
    assert.equal(props.archived.reference, target.reference)
    assert.equal(props.archived.bundle, run.bundles[0]!.name)
    assert.equal(props.archived.status, 'cancelled')

    const list = await client
      .get('/processes')
      .qs({ q: target.reference.toLowerCase() })
      .loginAs(member)
      .withInertia()
    list.assertStatus(200)
    assert.deepEqual(
      (list.inertiaProps as any).archived.map((a: any) => a.reference),
      [target.reference]
    )

    // A search for words (not "<prefix>-<number>") does not look in the archive.
    const words = await countQueries(() =>
      client.get('/processes').qs({ q: 'laptops' }).loginAs(member).withInertia()
    )
    assert.isFalse(
      words.queries.some((sql) => sql.includes('archived_processes')),
      words.queries.join('\n')
    )

    // Outside the workflow's `see` audience: the same 404 as a missing id, and no search hit.
    await new SaveWorkflowAccess().handle(await Workflow.findOrFail(workflow.id), {
      see: [{ role: 'manager' }],
    })
    const hidden = await client.get(`/processes/${target.id}`).loginAs(member).withInertia()
    hidden.assertStatus(404)
    const hiddenList = await client
      .get('/processes')
      .qs({ q: target.reference })
      .loginAs(member)
      .withInertia()
    assert.deepEqual((hiddenList.inertiaProps as any).archived, [])
    const asManager = await client.get(`/processes/${target.id}`).loginAs(manager).withInertia()
    asManager.assertStatus(200)

    const missing = await client.get('/processes/999999').loginAs(manager).withInertia()
    missing.assertStatus(404)
  })

  test('the retention policy is a workflow setting: API field, 422 on a bad value, owner or admin only', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await world()
    const shown = await client.get('/workflows/order-fulfilment/access').loginAs(manager)
    shown.assertStatus(200)
    assert.deepEqual(shown.body().data.retention, { archiveClosedAfterDays: 365 })

    const saved = await client
      .put('/workflows/order-fulfilment/access')
      .withCsrfToken()
      .json({ retention: { archiveClosedAfterDays: 30 } })
      .loginAs(manager)
    saved.assertStatus(200)
    assert.deepEqual(saved.body().data.retention, { archiveClosedAfterDays: 30 })
    const workflow = await Workflow.findByOrFail('key', 'order-fulfilment')
    assert.deepEqual(workflow.retention, { archiveClosedAfterDays: 30 })

    for (const bad of [0, -1, 1.5, 'soon', 40000]) {
      const refused = await client
        .put('/workflows/order-fulfilment/access')
        .withCsrfToken()
        .json({ retention: { archiveClosedAfterDays: bad } })
        .loginAs(manager)
      refused.assertStatus(422)
    }
    const forbidden = await client
      .put('/workflows/order-fulfilment/access')
      .withCsrfToken()
      .json({ retention: null })
      .loginAs(member)
    forbidden.assertStatus(403)

    const cleared = await client
      .put('/workflows/order-fulfilment/access')
      .withCsrfToken()
      .json({ retention: null })
      .loginAs(manager)
    assert.isNull(cleared.body().data.retention)
  })
})
