import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import ExcelJS from 'exceljs'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import ReportRun from '#models/report_run'
import ReportSchedule from '#models/report_schedule'
import { nextRunAfter } from '#actions/reports/schedule_report'
import { sqlTime } from '#support/sql_time'
import { freshDatabase } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'
import { buildClaims } from '#tests/helpers/report_fixtures'

const form = (workflowId: number, extra: Record<string, unknown> = {}) => ({
  kind: 'cycle_time',
  workflowId,
  from: '2026-03-02',
  to: '2026-03-04',
  timezone: 'UTC',
  ...extra,
})

test.group('Report runs: requested on the page, computed by a worker', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())

  test('requesting a report records a pending run and an outbox message; a worker completes it', async ({
    client,
    assert,
  }) => {
    const fixture = await buildClaims()
    const response = await client
      .post('/reports/runs')
      .json(form(fixture.workflowId))
      .loginAs(fixture.bob)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const run = await ReportRun.firstOrFail()
    assert.equal(response.header('location'), `/reports/runs/${run.id}`)
    assert.equal(run.status, 'pending')
    assert.equal(run.progress, 0)
    assert.equal(run.requestedBy, fixture.bob.id)
    assert.deepInclude(run.params, { workflowId: fixture.workflowId, from: '2026-03-02' })
    const outbox = await db.from('outbox_messages').where('topic', 'report.requested').first()
    assert.deepEqual(JSON.parse(outbox.payload), { runId: run.id })
    assert.equal(outbox.queue, 'reports')

    await drainOutbox()
    await run.refresh()
    assert.equal(run.status, 'completed')
    assert.equal(run.progress, 100)
    assert.isNotNull(run.finishedAt)
    const stages = run.result!.tables.find((t) => t.key === 'cycleStages')!
    assert.deepEqual(
      stages.rows.map((r) => [r.stage, r.avg]),
      [
        ['Approve', 6000],
        ['Assess', 5520],
      ]
    )

    const page = await client.get(`/reports/runs/${run.id}`).loginAs(fixture.bob).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('reports/show')
    assert.equal((page.inertiaProps as any).run.status, 'completed')
    assert.equal((page.inertiaProps as any).run.result.kind, 'cycle_time')

    const list = await client.get('/reports').loginAs(fixture.bob).withInertia()
    assert.deepEqual(
      (list.inertiaProps as any).runs.data.map((r: any) => [r.id, r.kind, r.status]),
      [[run.id, 'cycle_time', 'completed']]
    )
  })

  test('identical parameters reuse the recent run; different ones make a new run', async ({
    client,
    assert,
  }) => {
    const fixture = await buildClaims()
    const ask = (extra: Record<string, unknown> = {}) =>
      client
        .post('/reports/runs')
        .json(form(fixture.workflowId, extra))
        .loginAs(fixture.bob)
        .withCsrfToken()
        .redirects(0)
    await ask()
    await ask()
    assert.lengthOf(await ReportRun.all(), 1)
    await drainOutbox()
    // Completed moments ago: still reused.
    await ask()
    assert.lengthOf(await ReportRun.all(), 1)
    await ask({ timezone: 'America/Sao_Paulo' })
    assert.lengthOf(await ReportRun.all(), 2)
    // An old result is not reused.
    await ReportRun.query().update({ finishedAt: sqlTime(DateTime.now().minus({ hours: 1 })) })
    await drainOutbox()
    await ReportRun.query().update({ finishedAt: sqlTime(DateTime.now().minus({ hours: 1 })) })
    await ask()
    assert.lengthOf(await ReportRun.all(), 3)
  })

  test('bad filters are refused with field errors and nothing is queued', async ({
    client,
    assert,
  }) => {
    const fixture = await buildClaims()
    const cases: [Record<string, unknown>, string][] = [
      [{ to: '2026-03-01' }, 'to'],
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ version: 7 }, 'version'],
      [{ kind: 'revenue' }, 'kind'],
      [{ from: '2025-01-01', to: '2026-03-04' }, 'to'],
    ]
    for (const [extra, field] of cases) {
      const response = await client
        .post('/reports/runs')
        .json(form(fixture.workflowId, extra))
        .loginAs(fixture.bob)
        .withCsrfToken()
        .header('accept', 'application/json')
        .redirects(0)
      assert.oneOf(response.status(), [422, 302], JSON.stringify(extra))
      const session = response.status() === 302 ? response.flashMessages() : null
      const body =
        response.status() === 422 ? JSON.stringify(response.body()) : JSON.stringify(session)
      assert.include(body, field, JSON.stringify(extra))
    }
    assert.lengthOf(await ReportRun.all(), 0)
    assert.lengthOf(await db.from('outbox_messages').where('topic', 'report.requested'), 0)
  })

  test('members may not see or request reports', async ({ client }) => {
    const fixture = await buildClaims()
    const page = await client.get('/reports').loginAs(fixture.alice)
    page.assertStatus(403)
    const post = await client
      .post('/reports/runs')
      .json(form(fixture.workflowId))
      .loginAs(fixture.alice)
      .withCsrfToken()
      .redirects(0)
    post.assertStatus(403)
  })

  test('a completed run exports as CSV and XLSX with the same figures', async ({
    client,
    assert,
  }) => {
    const fixture = await buildClaims()
    await client
      .post('/reports/runs')
      .json(form(fixture.workflowId, { kind: 'sla' }))
      .loginAs(fixture.bob)
      .withCsrfToken()
      .redirects(0)
    await drainOutbox()
    const run = await ReportRun.firstOrFail()

    const csv = await client.get(`/reports/runs/${run.id}/export/csv`).loginAs(fixture.bob)
    csv.assertStatus(200)
    csv.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.include(
      csv.text(),
      'SLA compliance per stage\r\nStage,Finished visits,Within SLA,Over SLA,Compliance\r\nAssess,5,3,2,60\r\nApprove,3,2,1,66.7\r\n'
    )

    const xlsx = await client
      .get(`/reports/runs/${run.id}/export/xlsx`)
      .loginAs(fixture.bob)
      .setup((request) => {
        // Keep the body as bytes (superagent would otherwise try to read it as text).
        ;(request as any).request.parse((res: any, callback: any) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => callback(null, Buffer.concat(chunks)))
        })
      })
    xlsx.assertStatus(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.body())
    const sheet = book.getWorksheet('SLA summary')!
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [
      'Finished visits',
      'Within SLA',
      'Compliance',
      'Breaches',
      'Overdue',
    ])
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1, 3), [8, 5])

    const missing = await client.get(`/reports/runs/${run.id + 99}/export/csv`).loginAs(fixture.bob)
    missing.assertStatus(404)
  })

  test('a scheduled report is mailed as a link and an XLSX attachment, then queued again', async ({
    client,
    assert,
  }) => {
    const { messages } = mail.fake()
    try {
      const fixture = await buildClaims()
      const response = await client
        .post('/reports/schedules')
        .json({
          kind: 'throughput',
          workflowId: fixture.workflowId,
          frequency: 'daily',
          timezone: 'UTC',
          recipients: [fixture.alice.id, fixture.bob.id],
        })
        .loginAs(fixture.bob)
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
      const schedule = await ReportSchedule.firstOrFail()
      assert.deepEqual(schedule.recipients, [fixture.alice.id, fixture.bob.id])
      assert.equal(
        schedule.nextRunAt.toMillis(),
        nextRunAfter('daily', 'UTC', DateTime.utc()).toMillis()
      )
      assert.equal(schedule.nextRunAt.setZone('UTC').hour, 7)

      // Pretend 07:00 on 2026-03-03 has come: the report covers 03-02.
      const due = '2026-03-03T07:00:00.000Z'
      await db
        .from('outbox_messages')
        .where('topic', 'report.schedule_due')
        .update({
          payload: JSON.stringify({ scheduleId: schedule.id, dueAt: due }),
          available_at: sqlTime(DateTime.now().minus({ seconds: 1 })),
        })
      await drainOutbox()

      const run = await ReportRun.query().where('schedule_id', schedule.id).firstOrFail()
      assert.deepInclude(run.params, { from: '2026-03-02', to: '2026-03-02' })
      const row = run.result!.tables[0]!.rows[0]!
      assert.deepInclude(row, { period: '2026-03-02', started: 2, closed: 2 })
      messages.assertSentCount(2)
      const sent = messages.sent().map((m) => m.toJSON().message as any)
      assert.sameMembers(
        sent.map((m) => m.to[0].address),
        [fixture.alice.email, fixture.bob.email]
      )
      for (const m of sent) {
        assert.include(m.text, `/reports/runs/${run.id}`)
        assert.equal(m.attachments[0].filename, `report-${run.id}.xlsx`)
      }

      await schedule.refresh()
      assert.equal(schedule.lastRunAt!.toMillis(), DateTime.fromISO(due).toMillis())
      const next = await db
        .from('outbox_messages')
        .where('topic', 'report.schedule_due')
        .where('status', 'pending')
      // The next send is the next 07:00 from now (missed days are not sent in a burst).
      assert.lengthOf(next, 1)
      assert.equal(
        DateTime.fromISO(JSON.parse(next[0].payload).dueAt).toMillis(),
        nextRunAfter('daily', 'UTC', DateTime.utc()).toMillis()
      )

      // The same due time delivered again (a retried message) sends nothing more.
      const { default: SendScheduledReport } = await import('#jobs/send_scheduled_report')
      await new SendScheduledReport().handle({ scheduleId: schedule.id, dueAt: due }, {} as any)
      messages.assertSentCount(2)
    } finally {
      mail.restore()
    }
  })
})
