import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { move, startProcesses, toPreparingShipment } from '#tests/helpers/process_fixtures'

async function setup() {
  const manager = await UserFactory.apply('manager').merge({ name: 'Max Manager' }).create()
  const member = await UserFactory.merge({ name: 'Mia Member' }).create()
  const other = await UserFactory.merge({ name: 'Olga Other' }).create()
  await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
  await publishWorkflow(DEMO_DEFINITIONS.purchaseApproval, manager)
  return { manager, member, other }
}

const eventsOf = async (process: Process) => {
  const events = await ProcessEvent.query().where('process_id', process.id)
  return events.length
}
const reload = (process: Process) => Process.findOrFail(process.id)

test.group('Process pages / commands', (group) => {
  freshDatabase(group)

  test('a transition moves the process and goes back to the page with a message', async ({
    client,
    assert,
  }) => {
    const { member } = await setup()
    const [process] = await startProcesses(1, member)
    const page = `/processes/${process!.id}`

    const response = await client
      .post(`${page}/transitions`)
      .json({ transition: 'reserve_inventory', expectedVersion: 1, comment: 'on it' })
      .header('referer', page)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', page)
    response.assertFlashMessage('success', 'OF-000001 moved to "Reserving inventory".')

    const fresh = await Process.findOrFail(process!.id)
    assert.equal(fresh.stageKey, 'INVENTORY_RESERVING')
    assert.equal(fresh.version, 2)
  })

  test('a transition that needs fields is refused with a message per field, and runs once they come with it', async ({
    client,
    assert,
  }) => {
    const { manager } = await setup()
    const [started] = await startProcesses(1, manager)
    const process = await toPreparingShipment(started!, manager)
    const page = `/processes/${process.id}`
    const post = (body: Record<string, unknown>) =>
      client
        .post(`${page}/transitions`)
        .json(body)
        .header('referer', page)
        .loginAs(manager)
        .withCsrfToken()
        .redirects(0)

    const refused = await post({ transition: 'ship', expectedVersion: process.version })
    refused.assertStatus(302)
    assert.match(String(refused.flashMessage('error')), /needs these fields/)
    assert.deepEqual(refused.flashMessage('inputErrorsBag'), {
      'data.tracking_number': ['Tracking number is required for this transition'],
      'data.carrier': ['Carrier is required for this transition'],
    })
    const unchanged = await reload(process)
    assert.equal(unchanged.version, process.version)

    // The page shows those messages next to the fields (Inertia's errors).
    const shown = await client
      .get(page)
      .loginAs(manager)
      .withFlashMessages({ inputErrorsBag: refused.flashMessage('inputErrorsBag'), error: 'x' })
      .withInertia()
    assert.deepEqual((shown.inertiaProps as any).errors, {
      'data.tracking_number': 'Tracking number is required for this transition',
      'data.carrier': 'Carrier is required for this transition',
    })

    const invalid = await post({
      transition: 'ship',
      expectedVersion: process.version,
      data: { tracking_number: 'TR-1', carrier: 'pigeon' },
    })
    assert.deepEqual(Object.keys(invalid.flashMessage('inputErrorsBag')), ['data.carrier'])

    const shipped = await post({
      transition: 'ship',
      expectedVersion: process.version,
      data: { tracking_number: 'TR-1', carrier: 'dhl' },
    })
    shipped.assertFlashMessage('success', 'OF-000001 moved to "Shipped".')
    const fresh = await Process.findOrFail(process.id)
    assert.equal(fresh.stageKey, 'SHIPPED')
    assert.deepInclude(fresh.data, { tracking_number: 'TR-1', carrier: 'dhl' })
  })

  test('a stale version is a conflict: nothing is written and the page says so', async ({
    client,
    assert,
  }) => {
    const { member, other } = await setup()
    const [process] = await startProcesses(1, member)
    await move(process!, 'reserve_inventory', other) // someone else was faster
    const page = `/processes/${process!.id}`
    const before = await eventsOf(process!)

    const response = await client
      .post(`${page}/transitions`)
      .json({ transition: 'reserve_inventory', expectedVersion: 1 })
      .header('referer', page)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', page)
    assert.match(String(response.flashMessage('error')), /changed since you loaded it/)
    assert.equal(await eventsOf(process!), before)

    const data = await client
      .put(`${page}/data`)
      .json({ data: { payment_reference: 'X' }, expectedVersion: 1 })
      .header('referer', page)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    assert.match(String(data.flashMessage('error')), /changed since you loaded it/)
    const fresh = await Process.findOrFail(process!.id)
    assert.notProperty(fresh.data, 'payment_reference')
  })

  test('a transition the role may not run is refused (422) and writes nothing', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const [started] = await startProcesses(1, member)
    let process = await move(started!, 'reserve_inventory', manager)
    process = await move(process, 'inventory_reserved', manager)
    process = await move(process, 'process_payment', manager)

    const response = await client
      .post(`/processes/${process.id}/transitions`)
      .json({
        transition: 'approve_payment',
        expectedVersion: process.version,
        data: { payment_reference: 'P' },
      })
      .header('referer', `/processes/${process.id}`)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.match(String(response.flashMessage('error')), /may not run transition "approve_payment"/)
    const unmoved = await reload(process)
    assert.equal(unmoved.stageKey, 'PAYMENT_PROCESSING')
  })

  test('request validation errors come back as form errors', async ({ client }) => {
    const { member } = await setup()
    const [process] = await startProcesses(1, member)
    const response = await client
      .post(`/processes/${process!.id}/transitions`)
      .json({ transition: '' })
      .header('referer', `/processes/${process!.id}`)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      transition: ['Enter the transition'],
      expectedVersion: ['Enter the expected version'],
    })
  })

  test('details: a value the definition refuses is reported on its field; valid ones are saved as a patch', async ({
    client,
    assert,
  }) => {
    const { member } = await setup()
    const [process] = await startProcesses(1, member, { assigneeId: member.id })
    const page = `/processes/${process!.id}`
    const put = (data: Record<string, unknown>, expectedVersion: number) =>
      client
        .put(`${page}/data`)
        .json({ data, expectedVersion })
        .header('referer', page)
        .loginAs(member)
        .withCsrfToken()
        .redirects(0)

    const refused = await put({ carrier: 'pigeon' }, 1)
    assert.deepEqual(Object.keys(refused.flashMessage('inputErrorsBag')), ['data.carrier'])

    const saved = await put({ carrier: 'ups', payment_reference: 'P-9' }, 1)
    saved.assertFlashMessage('success', 'Details saved.')
    const fresh = await Process.findOrFail(process!.id)
    assert.deepEqual(fresh.data, { carrier: 'ups', payment_reference: 'P-9' })
    const event = await ProcessEvent.query()
      .where('process_id', process!.id)
      .where('type', 'data_updated')
      .firstOrFail()
    assert.deepEqual(event.payload.patch, { carrier: 'ups', payment_reference: 'P-9' })

    // A cleared field is sent empty and stored as null.
    const cleared = await put({ carrier: '' }, 2)
    cleared.assertFlashMessage('success', 'Details saved.')
    const after = await Process.findOrFail(process!.id)
    assert.deepEqual(after.data, { carrier: null, payment_reference: 'P-9' })
  })

  test('details of someone else’s process are not a member’s to edit (403)', async ({ client }) => {
    const { manager, other } = await setup()
    const [process] = await startProcesses(1, manager, { assigneeId: manager.id })
    const response = await client
      .put(`/processes/${process!.id}/data`)
      .json({ data: { carrier: 'ups' }, expectedVersion: 1 })
      .loginAs(other)
      .withCsrfToken()
      .withInertia()
    response.assertStatus(403)
  })

  test('assign: members claim and release, leads assign anyone, members cannot assign others', async ({
    client,
    assert,
  }) => {
    const { manager, member, other } = await setup()
    const [process] = await startProcesses(1, manager)
    const assign = (as: typeof member, assigneeId: number | null, expectedVersion: number) =>
      client
        .post(`/processes/${process!.id}/assign`)
        .json({ assigneeId, expectedVersion })
        .header('referer', `/processes/${process!.id}`)
        .loginAs(as)
        .withCsrfToken()
        .withInertia()
        .redirects(0)

    const claimed = await assign(member, member.id, 1)
    claimed.assertFlashMessage('success', 'It is yours now.')
    const claimedOne = await reload(process!)
    assert.equal(claimedOne.assigneeId, member.id)

    const stolen = await assign(other, other.id, 2)
    stolen.assertStatus(403)
    const pushed = await assign(member, other.id, 2)
    pushed.assertStatus(403)

    const released = await assign(member, null, 2)
    released.assertFlashMessage('success', 'Assignee removed.')

    const given = await assign(manager, other.id, 3)
    given.assertFlashMessage('success', 'Assigned to Olga Other.')
    const givenOne = await reload(process!)
    assert.equal(givenOne.assigneeId, other.id)
  })

  test('cancel: only leads and the creator; the reason is kept; a closed process refuses commands', async ({
    client,
    assert,
  }) => {
    const { member, other } = await setup()
    const [process] = await startProcesses(1, member)
    const cancel = (as: typeof member, expectedVersion: number) =>
      client
        .post(`/processes/${process!.id}/cancel`)
        .json({ reason: 'Customer withdrew', expectedVersion })
        .header('referer', `/processes/${process!.id}`)
        .loginAs(as)
        .withCsrfToken()
        .withInertia()
        .redirects(0)

    const denied = await cancel(other, 1)
    denied.assertStatus(403)

    const done = await cancel(member, 1)
    done.assertFlashMessage('success', 'OF-000001 was cancelled.')
    const fresh = await Process.findOrFail(process!.id)
    assert.equal(fresh.status, 'cancelled')
    const event = await ProcessEvent.query()
      .where('process_id', process!.id)
      .where('type', 'cancelled')
      .firstOrFail()
    assert.deepEqual(event.payload, { reason: 'Customer withdrew' })

    const again = await client
      .post(`/processes/${process!.id}/transitions`)
      .json({ transition: 'reserve_inventory', expectedVersion: 2 })
      .header('referer', `/processes/${process!.id}`)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    assert.match(
      String(again.flashMessage('error')),
      /cannot be changed any more|can no longer move/
    )
  })

  test('comments keep their Markdown source and mentions', async ({ client, assert }) => {
    const { member, other } = await setup()
    const [process] = await startProcesses(1, member)
    const response = await client
      .post(`/processes/${process!.id}/comments`)
      .json({
        body: `**Heads up** <script>alert(1)</script> @${other.email}`,
        expectedVersion: 1,
      })
      .header('referer', `/processes/${process!.id}`)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Comment added.')
    const event = await ProcessEvent.query()
      .where('process_id', process!.id)
      .where('type', 'commented')
      .firstOrFail()
    assert.equal(event.payload.body, `**Heads up** <script>alert(1)</script> @${other.email}`)
    assert.deepEqual(event.payload.mentions, [other.email])

    const empty = await client
      .post(`/processes/${process!.id}/comments`)
      .json({ body: '   ', expectedVersion: 2 })
      .header('referer', `/processes/${process!.id}`)
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    assert.property(empty.flashMessage('inputErrorsBag'), 'body')
  })

  test('the timeline exports as CSV and JSON with the session', async ({ client, assert }) => {
    const { member } = await setup()
    const [process] = await startProcesses(1, member)
    await move(process!, 'reserve_inventory', member)

    const csv = await client
      .get(`/processes/${process!.id}/timeline`)
      .qs({ format: 'csv' })
      .loginAs(member)
    csv.assertStatus(200)
    assert.match(String(csv.header('content-disposition')), /OF-000001-timeline\.csv/)
    const lines = csv.text().trim().split('\r\n')
    assert.lengthOf(lines, 3)
    assert.match(lines[2]!, /^2,.*,transitioned,INITIATED,INVENTORY_RESERVING,Mia/)

    const json = await client
      .get(`/processes/${process!.id}/timeline`)
      .qs({ format: 'json' })
      .loginAs(member)
    assert.match(String(json.header('content-disposition')), /OF-000001-timeline\.json/)
    assert.lengthOf(json.body().data, 2)

    const anonymous = await client
      .get(`/processes/${process!.id}/timeline`)
      .qs({ format: 'csv' })
      .redirects(0)
    anonymous.assertStatus(302)
  })

  test('start: the form lists published workflows with their start fields; starting opens the new process', async ({
    client,
    assert,
  }) => {
    const { manager, member } = await setup()
    const form = await client
      .get('/processes/create')
      .qs({ workflow: 'purchase-approval' })
      .loginAs(member)
      .withInertia()
    form.assertInertiaComponent('processes/create')
    const props = form.inertiaProps as any
    assert.equal(props.selected, 'purchase-approval')
    const purchase = props.workflows.find((w: any) => w.key === 'purchase-approval')
    assert.deepEqual(
      purchase.startFields.map((f: any) => f.key),
      ['amount', 'supplier', 'justification']
    )

    const started = await client
      .post('/processes')
      .json({
        workflow: 'purchase-approval',
        title: 'Laptops',
        priority: 'high',
        assignee: manager.id,
        data: { amount: '1200.50', supplier: 'ACME' },
      })
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    const process = await Process.findByOrFail('reference', 'PA-000001')
    started.assertHeader('location', `/processes/${process.id}`)
    started.assertFlashMessage('success', 'PA-000001 started.')
    assert.equal(process.assigneeId, manager.id)
    assert.equal(process.priority, 'high')
    assert.deepEqual(process.data, { amount: 1200.5, supplier: 'ACME' })
  })

  test('start: a missing title or an invalid field value keeps the form with messages', async ({
    client,
    assert,
  }) => {
    const { member } = await setup()
    const noTitle = await client
      .post('/processes')
      .json({ workflow: 'purchase-approval', title: '' })
      .header('referer', '/processes/create')
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    noTitle.assertHeader('location', '/processes/create')
    assert.property(noTitle.flashMessage('inputErrorsBag'), 'title')

    const badAmount = await client
      .post('/processes')
      .json({ workflow: 'purchase-approval', title: 'x', data: { amount: 'lots' } })
      .header('referer', '/processes/create')
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    badAmount.assertHeader('location', '/processes/create')
    assert.deepEqual(Object.keys(badAmount.flashMessage('inputErrorsBag')), ['data.amount'])
    assert.equal(
      await Process.query()
        .count('* as total')
        .first()
        .then((r) => r?.$extras.total),
      0
    )
  })
})

test.group('Process pages / commands are idempotent', (group) => {
  freshDatabase(group)

  test('a transition form submitted twice with its key applies once and answers both times', async ({
    client,
    assert,
  }) => {
    const { member } = await setup()
    const [process] = await startProcesses(1, member)
    const page = `/processes/${process!.id}`
    const body = {
      transition: 'reserve_inventory',
      expectedVersion: 1,
      idempotencyKey: `page-transition-reserve_inventory-${process!.id}-v1-abc`,
    }
    const post = () =>
      client
        .post(`${page}/transitions`)
        .json(body)
        .header('referer', page)
        .loginAs(member)
        .withCsrfToken()
        .redirects(0)

    const first = await post()
    first.assertFlashMessage('success', 'OF-000001 moved to "Reserving inventory".')
    // A second submit of the same form (double click, browser retry): no 409, nothing new.
    const second = await post()
    second.assertStatus(302)
    second.assertFlashMessage('success', 'OF-000001 moved to "Reserving inventory".')
    assert.isUndefined(second.flashMessage('error'))

    const fresh = await reload(process!)
    assert.equal(fresh.version, 2)
    assert.equal(await eventsOf(fresh), 2)
  })

  test('a data form submitted twice with its key applies once', async ({ client, assert }) => {
    const { manager } = await setup()
    const [started] = await startProcesses(1, manager)
    const process = await toPreparingShipment(started!, manager)
    const page = `/processes/${process.id}`
    const put = () =>
      client
        .put(`${page}/data`)
        .json({
          data: { carrier: 'ups' },
          expectedVersion: process.version,
          idempotencyKey: `page-data-${process.id}-v${process.version}-abc`,
        })
        .header('referer', page)
        .loginAs(manager)
        .withCsrfToken()
        .redirects(0)

    await put()
    const again = await put()
    assert.isUndefined(again.flashMessage('error'))
    const fresh = await reload(process)
    assert.equal(fresh.version, process.version + 1)
    assert.equal(fresh.data.carrier, 'ups')
  })
})
