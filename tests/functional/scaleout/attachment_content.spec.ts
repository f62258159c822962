import { test } from '@japa/runner'
import Attachment from '#models/attachment'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { startProcesses } from '#tests/helpers/process_fixtures'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import type Process from '#models/process'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')

async function setup() {
  const manager = await UserFactory.apply('manager').create()
  await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  const [process] = await startProcesses(1, manager)
  return { manager, process: process! }
}

/** Uploads one file as a JSON client would (validation errors come back as 422). */
function upload(
  client: ApiClient,
  who: User,
  process: Process,
  bytes: Buffer,
  filename: string,
  contentType: string
) {
  return client
    .post(`/processes/${process.id}/attachments`)
    .loginAs(who)
    .withCsrfToken()
    .header('accept', 'application/json')
    .header('referer', `/processes/${process.id}`)
    .file('file', bytes, { filename, contentType })
    .redirects(0)
}

test.group(
  'Attachment content types (from the extension and the bytes, not the client)',
  (group) => {
    freshDatabase(group)

    test('a .txt sent as text/html is stored and served as text/plain', async ({
      client,
      assert,
    }) => {
      const { manager, process } = await setup()
      const bytes = Buffer.from('<html><script>alert(1)</script></html>\n')
      const response = await upload(client, manager, process, bytes, 'notes.txt', 'text/html')
      response.assertStatus(302)

      const stored = await Attachment.findByOrFail('process_id', process.id)
      assert.equal(stored.mimeType, 'text/plain')

      const download = await client
        .get(`/processes/${process.id}/attachments/${stored.id}`)
        .loginAs(manager)
      download.assertStatus(200)
      assert.equal(download.header('content-type'), 'text/plain')
      assert.match(String(download.header('content-disposition')), /^attachment;/)
      assert.equal(download.header('x-content-type-options'), 'nosniff')
    })

    test('a real PNG is stored as image/png whatever type the client claims', async ({
      client,
      assert,
    }) => {
      const { manager, process } = await setup()
      const response = await upload(client, manager, process, PNG, 'dot.png', 'text/html')
      response.assertStatus(302)
      const stored = await Attachment.findByOrFail('process_id', process.id)
      assert.equal(stored.mimeType, 'image/png')
    })

    for (const [name, bytes, filename] of [
      ['a PNG named .pdf', PNG, 'invoice.pdf'],
      [
        'an HTML page named .png',
        Buffer.from('<!doctype html><script>alert(1)</script>'),
        'cat.png',
      ],
      ['a script named .jpg', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'photo.jpg'],
      ['a binary file named .txt', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), 'readme.txt'],
      ['a PDF named .csv', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), 'totals.csv'],
    ] as const) {
      test(`${name} is refused with 422 on the file field and nothing is stored`, async ({
        client,
        assert,
      }) => {
        const { manager, process } = await setup()
        const response = await upload(
          client,
          manager,
          process,
          bytes,
          filename,
          'application/octet-stream'
        )
        response.assertStatus(422)
        assert.deepInclude(
          (response.body().errors as { field: string }[]).map((e) => e.field),
          'file'
        )
        assert.lengthOf(await Attachment.query().where('process_id', process.id), 0)
      })
    }
  }
)
