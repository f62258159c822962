import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import User from '#models/user'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import { freshDatabase, PASSWORD, publishWorkflow } from '#tests/helpers/common'
import { FORMULA_PREFIXES, HOSTILE_STRINGS } from '#tests/helpers/hostile_inputs'

/**
 * The hostile-input corpus through the web forms (with CSRF, as the pages
 * send them): stored and read back as sent, or sent back to the form with
 * a message on the field. Never a 5xx. And the process list's CSV export
 * neutralises cells a spreadsheet would run as formulas.
 */

/** A form post either saved (redirect) or went back with an error on `field`. */
function savedOrRefused(assert: any, response: ApiResponse, field: string, label: string) {
  assert.isBelow(response.status(), 500, `${label}: ${response.status()}`)
  assert.oneOf(response.status(), [302, 303], `${label}: ${response.status()} ${response.text()}`)
  const errors = response.flashMessages()?.errors ?? response.flashMessages()?.inputErrorsBag
  if (errors && Object.keys(errors).length) {
    assert.include(Object.keys(errors), field, `${label}: refused, on ${field}`)
    return false
  }
  return true
}

const form = (response: Promise<ApiResponse> | ApiResponse) => response

test.group('Security / hostile input through the web forms', (group) => {
  freshDatabase(group)

  test('start-process and comment forms store the text as typed', async ({ client, assert }) => {
    const member = await UserFactory.create()
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)

    for (const { name, value } of HOSTILE_STRINGS) {
      const title = `t ${value}`
      const started = await form(
        client
          .post('/processes')
          .json({ workflow: 'order-fulfilment', title })
          .loginAs(member)
          .withCsrfToken()
          .withInertia()
          .redirects(0)
      )
      if (!savedOrRefused(assert, started, 'title', `start ${name}`)) continue
      const process = await Process.query().orderBy('id', 'desc').firstOrFail()
      assert.equal(process.title, title.trim(), `title ${name}`)

      const commented = await client
        .post(`/processes/${process.id}/comments`)
        .json({ body: `c ${value}` })
        .loginAs(member)
        .withCsrfToken()
        .withInertia()
        .redirects(0)
      if (!savedOrRefused(assert, commented, 'body', `comment ${name}`)) continue
      const event = await ProcessEvent.query()
        .where('process_id', process.id)
        .where('type', 'commented')
        .firstOrFail()
      assert.equal((event.payload as { body: string }).body, `c ${value}`.trim(), name)
    }
  })

  test('profile names, new users and designer saves store the text as typed', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, admin)

    for (const [index, { name, value }] of HOSTILE_STRINGS.entries()) {
      const profile = await client
        .put('/profile')
        .json({ name: `p ${value}` })
        .loginAs(admin)
        .withCsrfToken()
        .withInertia()
        .redirects(0)
      if (savedOrRefused(assert, profile, 'name', `profile ${name}`)) {
        await admin.refresh()
        assert.equal(admin.name, `p ${value}`.trim(), `profile ${name}`)
      }

      const created = await client
        .post('/admin/users')
        .json({
          name: `u ${value}`,
          email: `u${index}@example.com`,
          password: PASSWORD,
          role: 'member',
        })
        .loginAs(admin)
        .withCsrfToken()
        .withInertia()
        .redirects(0)
      if (savedOrRefused(assert, created, 'name', `user ${name}`)) {
        const user = await User.findByOrFail('email', `u${index}@example.com`)
        assert.equal(user.name, `u ${value}`.trim(), `user ${name}`)
      }

      const definition = structuredClone(DEMO_DEFINITIONS.orderFulfilment)
      definition.name = `w ${value}`
      definition.stages[1]!.name = `s ${value}`
      const saved = await client
        .put('/workflows/order-fulfilment/draft')
        .json({ definition })
        .loginAs(admin)
        .withCsrfToken()
        .withInertia()
        .redirects(0)
      if (savedOrRefused(assert, saved, 'definition.name', `designer ${name}`)) {
        const workflow = await Workflow.findByOrFail('key', 'order-fulfilment')
        const draft = await WorkflowVersion.query()
          .where('workflow_id', workflow.id)
          .where('status', 'draft')
          .firstOrFail()
        const stored = draft.definition as { name: string; stages: { name: string }[] }
        assert.equal(stored.name, `w ${value}`.trim(), `designer name ${name}`)
        assert.equal(stored.stages[1]!.name, `s ${value}`.trim(), `designer stage ${name}`)
      }
    }
  })

  test('the CSV export of the process list neutralises formula-leading cells', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const formulas = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1:A2)']
    for (const title of formulas) {
      const started = await client
        .post('/processes')
        .json({ workflow: 'order-fulfilment', title })
        .loginAs(manager)
        .withCsrfToken()
        .withInertia()
        .redirects(0)
      assert.equal(started.status(), 302)
    }
    const exported = await client.get('/processes/export').loginAs(manager)
    exported.assertStatus(200)
    const cells = exported
      .text()
      .split(/\r\n/)
      .flatMap((line) => line.split(','))
    for (const title of formulas) {
      assert.isTrue(
        cells.some((cell) => cell.replace(/^"|"$/g, '').replace(/""/g, '"') === `'${title}`),
        `${title} is exported as '${title}`
      )
    }
    const dangerous = cells.filter((cell) =>
      FORMULA_PREFIXES.some((p) => cell.replace(/^"/, '').startsWith(p))
    )
    assert.deepEqual(dangerous, [])
  })
})
