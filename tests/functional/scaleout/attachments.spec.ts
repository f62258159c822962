import { test } from '@japa/runner'
import ProcessEvent from '#models/process_event'
import Attachment from '#models/attachment'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { startProcesses } from '#tests/helpers/process_fixtures'

async function setup() {
  const manager = await UserFactory.apply('manager').create()
  await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  const [process] = await startProcesses(1, manager)
  return { manager, process: process! }
}

test.group('Process attachments (drive)', (group) => {
  freshDatabase(group)

  test('an uploaded file is listed, downloads with the same bytes and shows in the timeline', async ({
    client,
    assert,
  }) => {
    const { manager, process } = await setup()
    const bytes = Buffer.from('id,amount\n1,42\n')
    const upload = await client
      .post(`/processes/${process.id}/attachments`)
      .loginAs(manager)
      .withCsrfToken()
      .header('referer', `/processes/${process.id}`)
      .file('file', bytes, { filename: 'totals.csv' })
      .redirects(0)
    upload.assertStatus(302)

    const list = await client.get(`/processes/${process.id}/attachments`).loginAs(manager)
    list.assertStatus(200)
    const [row] = list.body().data
    assert.equal(row.fileName, 'totals.csv')
    assert.equal(row.size, bytes.length)

    const download = await client
      .get(`/processes/${process.id}/attachments/${row.id}`)
      .loginAs(manager)
    download.assertStatus(200)
    assert.equal(download.text(), bytes.toString())
    assert.match(String(download.header('content-disposition')), /totals\.csv/)

    const event = await ProcessEvent.query()
      .where('process_id', process.id)
      .where('type', 'attachment_added')
      .firstOrFail()
    assert.equal(event.payload.attachmentId, row.id)
  })

  test('a file of a refused type is rejected with a field error and nothing is stored', async ({
    client,
    assert,
  }) => {
    const { manager, process } = await setup()
    const response = await client
      .post(`/processes/${process.id}/attachments`)
      .loginAs(manager)
      .withCsrfToken()
      .header('referer', `/processes/${process.id}`)
      .file('file', Buffer.from('MZ...'), { filename: 'setup.exe' })
      .redirects(0)
    response.assertStatus(302)
    // The field error comes back on the page (flashed for Inertia's errors prop).
    assert.match(JSON.stringify(response.flashMessages()), /"file"/)
    assert.lengthOf(await Attachment.query().where('process_id', process.id), 0)
  })
})
