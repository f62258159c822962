import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import ProcessEvent from '#models/process_event'
import WorkflowVersion from '#models/workflow_version'
import { freshDatabase } from '#tests/helpers/common'

/**
 * A purchase whose risk review shows (and is then required) above 10,000,
 * with a CFO note required above 50,000: field rules, the new field types
 * and defaults, through the API.
 */
const PURCHASE = {
  key: 'ruled-purchase',
  name: 'Ruled purchase',
  stages: [
    {
      key: 'request',
      name: 'Request',
      type: 'start',
      fields: [
        {
          key: 'price',
          label: 'Price',
          type: 'money',
          currency: 'EUR',
          required: true,
          rules: { min: 1, max: 1000000 },
        },
        {
          key: 'po',
          label: 'PO number',
          type: 'text',
          rules: { pattern: '^PO-\\d{4}$' },
        },
        { key: 'contact', label: 'Contact', type: 'email', rules: { maxLength: 40 } },
        { key: 'quote', label: 'Quote', type: 'url' },
        {
          key: 'channels',
          label: 'Channels',
          type: 'multiselect',
          options: ['web', 'phone', 'mail'],
          rules: { maxLength: 2 },
          default: ['web'],
        },
        { key: 'notes', label: 'Notes', type: 'long_text', rules: { minLength: 10 } },
        {
          key: 'risk',
          label: 'Risk review',
          type: 'long_text',
          required: true,
          visibleWhen: 'data.price.amount > 10000.0',
        },
        {
          key: 'cfo_note',
          label: 'CFO note',
          type: 'text',
          requiredWhen: 'data.price.amount > 50000.0',
        },
      ],
    },
    { key: 'review', name: 'Review', type: 'task' },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'submit', from: 'request', to: 'review' },
    { key: 'withdraw', from: 'request', to: 'done' },
    { key: 'approve', from: 'review', to: 'done' },
  ],
}

test.group('API / field rules and field types', (group) => {
  freshDatabase(group)

  async function publish(client: any) {
    const manager = await UserFactory.apply('manager').create()
    const api = (request: any) => request.withGuard('api').loginAs(manager)
    const created = await api(client.post('/api/v1/workflows').json(PURCHASE))
    created.assertStatus(201)
    const published = await api(client.post(`/api/v1/workflows/${PURCHASE.key}/publish`))
    published.assertStatus(200)
    const start = async (data: Record<string, unknown>) =>
      api(client.post('/api/v1/processes').json({ workflow: PURCHASE.key, title: 'Laptops', data }))
    /** Starts a process that must be accepted; its id. */
    const started = async (data: Record<string, unknown>): Promise<number> => {
      const response = await start(data)
      response.assertStatus(201)
      return response.body().data.id
    }
    return { api, start, started }
  }

  test('start: one 422 message per broken field, nothing written', async ({ client, assert }) => {
    const { start } = await publish(client)
    const refused = await start({
      price: { amount: 0, currency: 'EUR' },
      po: 'PO-12',
      contact: 'not-an-address',
      quote: 'javascript:alert(1)',
      channels: ['web', 'phone', 'mail'],
      notes: 'short',
    })
    refused.assertStatus(422)
    const errors = (
      refused.body().errors as { field?: string; code: string; message: string }[]
    ).filter((e) => e.field !== undefined)
    assert.equal(refused.body().errors[0].code, 'invalid_data')
    assert.deepEqual(
      errors.map((e) => [e.field, e.code]),
      [
        ['data.price', 'below_min'],
        ['data.po', 'pattern_mismatch'],
        ['data.contact', 'invalid_email'],
        ['data.quote', 'invalid_url'],
        ['data.channels', 'too_long'],
        ['data.notes', 'too_short'],
      ]
    )
    assert.equal(errors[0]!.message, '"Price" must be at least 1 EUR.')
    assert.equal(errors[4]!.message, 'Choose at most 2 options for "Channels".')
    assert.lengthOf(await Process.all(), 0)
  })

  test('start: values are coerced and defaults fill what is not given', async ({
    client,
    assert,
  }) => {
    const { start } = await publish(client)
    const started = await start({ price: '2500.50', po: 'PO-1234', quote: 'https://x.test/q' })
    started.assertStatus(201)
    const process = await Process.findOrFail(started.body().data.id)
    assert.deepEqual(process.data, {
      price: { amount: 2500.5, currency: 'EUR' },
      po: 'PO-1234',
      quote: 'https://x.test/q',
      channels: ['web'],
    })
    // A value given (even empty) is kept instead of the default.
    const emptied = await start({ price: 5, channels: [] })
    emptied.assertStatus(201)
    const emptiedProcess = await Process.findOrFail(emptied.body().data.id)
    assert.isNull(emptiedProcess.data.channels)
  })

  test('data update: a broken rule is a 422 per field and changes nothing', async ({
    client,
    assert,
  }) => {
    const { api, started } = await publish(client)
    const id = await started({ price: 100 })
    const refused = await api(
      client.patch(`/api/v1/processes/${id}`).json({
        expectedVersion: 1,
        data: { price: { amount: 2000000, currency: 'USD' }, channels: ['fax'] },
      })
    )
    refused.assertStatus(422)
    assert.deepEqual(
      refused
        .body()
        .errors.filter((e: any) => e.field)
        .map((e: any) => [e.field, e.code, e.message]),
      [
        ['data.price', 'above_max', '"Price" must be at most 1000000 USD.'],
        [
          'data.channels',
          'invalid_option',
          '"Channels" lists "fax" that is not one of "web", "phone", "mail".',
        ],
      ]
    )
    const process = await Process.findOrFail(id)
    assert.equal(process.version, 1)
    assert.deepEqual(process.data.price, { amount: 100, currency: 'EUR' })

    const updated = await api(
      client.patch(`/api/v1/processes/${id}`).json({
        expectedVersion: 1,
        data: { price: { amount: 99, currency: 'usd' }, channels: ['mail', 'phone'] },
      })
    )
    updated.assertStatus(200)
    assert.deepInclude(updated.body().data.data, {
      price: { amount: 99, currency: 'USD' },
      channels: ['mail', 'phone'],
    })
  })

  test('transition with data: broken rules are refused before the move', async ({
    client,
    assert,
  }) => {
    const { api, started } = await publish(client)
    const id = await started({ price: 100 })
    const refused = await api(
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'submit', expectedVersion: 1, data: { po: 'nope' } })
    )
    refused.assertStatus(422)
    refused.assertBodyContains({
      errors: [{ field: 'data.po', code: 'pattern_mismatch' }],
    })
    const after = await Process.findOrFail(id)
    assert.equal(after.stageKey, 'request')
    assert.lengthOf(await ProcessEvent.query().where('process_id', id), 1)
  })

  test('a required field shown by visibleWhen blocks every way out; hidden it does not', async ({
    client,
    assert,
  }) => {
    const { api, started } = await publish(client)
    const big = await started({ price: 20000 })

    const shown = await api(client.get(`/api/v1/processes/${big}`))
    shown.assertStatus(200)
    assert.deepEqual(
      shown.body().data.availableTransitions.map((t: any) => [t.key, t.reasons, t.missingFields]),
      [
        ['submit', ['missing_fields'], ['risk']],
        ['withdraw', ['missing_fields'], ['risk']],
      ]
    )

    for (const transition of ['submit', 'withdraw']) {
      const refused = await api(
        client.post(`/api/v1/processes/${big}/transitions`).json({ transition, expectedVersion: 1 })
      )
      refused.assertStatus(422)
      assert.deepEqual(refused.body().errors, [
        {
          code: 'missing_fields',
          message: `Transition "${transition}" needs these fields filled in first: Risk review. No transition is allowed now.`,
        },
        {
          field: 'data.risk',
          code: 'required',
          message: '"Risk review" must be filled in before the process can leave "Request".',
        },
      ])
    }
    const after = await Process.findOrFail(big)
    assert.equal(after.version, 1)

    // Filled with the transition itself: it moves.
    const moved = await api(
      client
        .post(`/api/v1/processes/${big}/transitions`)
        .json({ transition: 'submit', expectedVersion: 1, data: { risk: 'Checked the supplier.' } })
    )
    moved.assertStatus(200)
    moved.assertBodyContains({ data: { stage: { key: 'review' } } })

    // Below 10,000 the risk review is hidden, so not required.
    const small = await started({ price: 900 })
    const free = await api(
      client
        .post(`/api/v1/processes/${small}/transitions`)
        .json({ transition: 'submit', expectedVersion: 1 })
    )
    free.assertStatus(200)
  })

  test('requiredWhen blocks leaving only while it holds', async ({ client, assert }) => {
    const { api, started } = await publish(client)
    const id = await started({ price: 60000, risk: 'Reviewed.' })
    const refused = await api(
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'submit', expectedVersion: 1 })
    )
    refused.assertStatus(422)
    refused.assertBodyContains({ errors: [{ code: 'missing_fields' }, { field: 'data.cfo_note' }] })

    // Lower the amount: the CFO note is no longer required.
    const lowered = await api(
      client.patch(`/api/v1/processes/${id}`).json({ expectedVersion: 1, data: { price: 40000 } })
    )
    lowered.assertStatus(200)
    const moved = await api(
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'submit', expectedVersion: 2 })
    )
    moved.assertStatus(200)
    const after = await Process.findOrFail(id)
    assert.equal(after.stageKey, 'review')
  })

  test('a bulk preview names the field that blocks the stage', async ({ client, assert }) => {
    const { started } = await publish(client)
    const id = await started({ price: 20000 })
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .post('/processes/bulk/preview')
      .json({ action: 'transition', transition: 'submit', filter: {} })
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(200)
    const preview = (response.body() as { preview: Record<string, any> }).preview
    assert.deepEqual(
      preview.samples.map((s: any) => [s.processId, s.code, s.detail]),
      [[id, 'missing_fields', 'Risk review']]
    )
  })

  test('publish refuses bad rules, conditions and defaults with their paths', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const broken = structuredClone(PURCHASE) as any
    const fields = broken.stages[0].fields
    fields[0].rules = { min: 10, max: 1 }
    fields[1].rules = { pattern: '(a)\\1' }
    fields[2].currency = 'EUR'
    fields[4].default = ['fax']
    fields[6].visibleWhen = 'data.price > 10000'
    fields[7].requiredWhen = 'data.total > 1'
    const response = await client
      .post('/api/v1/workflows')
      .json(broken)
      .withGuard('api')
      .loginAs(manager)
    response.assertStatus(422)
    const problems = (response.body().errors as { code: string; field?: string }[])
      .filter((e) => e.field !== undefined)
      .map((e) => [e.field, e.code])
    assert.sameDeepMembers(problems, [
      ['$.stages[0].fields[0].rules.min', 'conflicting_rules'],
      ['$.stages[0].fields[1].rules.pattern', 'invalid_pattern'],
      ['$.stages[0].fields[2].currency', 'currency_not_allowed'],
      ['$.stages[0].fields[4].default', 'invalid_default'],
      ['$.stages[0].fields[6].visibleWhen', 'invalid_expression'],
      ['$.stages[0].fields[7].requiredWhen', 'invalid_expression'],
    ])
    assert.lengthOf(await WorkflowVersion.all(), 0)
  })
})
