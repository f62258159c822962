import { test } from '@japa/runner'
import type { WorkflowDefinition } from '#engine/definition'
import { withDefaults } from '#engine/data'
import { fieldsBlockingExit, isFieldRequired, visibleFields } from '#engine/field_rules'
import { availableTransitions, checkTransition } from '#engine/state_machine'
import { assertValidDefinition } from '#engine/verifier'

/** Large purchases show (and then require) a risk review; a CFO note is wanted above 50,000. */
const PURCHASE = assertValidDefinition({
  key: 'purchase',
  name: 'Purchase',
  stages: [
    {
      key: 'request',
      name: 'Request',
      type: 'start',
      fields: [
        { key: 'price', label: 'Price', type: 'money', currency: 'EUR', required: true },
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
        {
          key: 'channels',
          label: 'Channels',
          type: 'multiselect',
          options: ['web', 'phone', 'mail'],
          default: ['web'],
        },
        {
          key: 'phone',
          label: 'Phone number',
          type: 'text',
          visibleWhen: '"phone" in data.channels',
          requiredWhen: 'true',
        },
      ],
    },
    {
      key: 'review',
      name: 'Review',
      type: 'task',
      fields: [{ key: 'site', label: 'Site', type: 'url', default: 'https://example.com' }],
    },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'submit', from: 'request', to: 'review' },
    { key: 'withdraw', from: 'request', to: 'done', roles: ['member'] },
    { key: 'approve', from: 'review', to: 'done' },
  ],
}) as WorkflowDefinition

const price = (amount: number) => ({ amount, currency: 'EUR' })
const blocking = (data: Record<string, unknown>) =>
  fieldsBlockingExit(PURCHASE, 'request', { data }).map((blocker) => blocker.field)

test.group('Field rules | visibility and exit', () => {
  test('a field shows only while its visibleWhen holds', ({ assert }) => {
    const shown = (data: Record<string, unknown>) =>
      visibleFields(PURCHASE, 'request', { data }).map((field) => field.key)
    assert.deepEqual(shown({ price: price(9000), channels: ['web'] }), [
      'price',
      'cfo_note',
      'channels',
    ])
    assert.deepEqual(shown({ price: price(12000), channels: ['web', 'phone'] }), [
      'price',
      'risk',
      'cfo_note',
      'channels',
      'phone',
    ])
    // A condition that cannot be evaluated (no price yet) does not hold.
    assert.notInclude(shown({}), 'risk')
    assert.deepEqual(visibleFields(PURCHASE, 'nowhere', { data: {} }), [])
  })

  test('required, visible, empty fields block leaving; hidden ones never do', ({ assert }) => {
    assert.deepEqual(blocking({}), ['price'])
    assert.deepEqual(blocking({ price: price(9000) }), [])
    assert.deepEqual(blocking({ price: price(12000) }), ['risk'])
    assert.deepEqual(blocking({ price: price(60000) }), ['risk', 'cfo_note'])
    assert.deepEqual(blocking({ price: price(60000), risk: 'fine', cfo_note: 'ok' }), [])
    // requiredWhen: 'true', but hidden until "phone" is chosen.
    assert.deepEqual(blocking({ price: price(1), channels: ['web'] }), [])
    assert.deepEqual(blocking({ price: price(1), channels: ['phone'] }), ['phone'])
    assert.deepEqual(blocking({ price: price(1), channels: ['phone'], phone: '' }), ['phone'])
  })

  test('the blocking message names the field and the stage', ({ assert }) => {
    assert.deepEqual(fieldsBlockingExit(PURCHASE, 'request', { data: { price: price(20000) } }), [
      {
        field: 'risk',
        message: '"Risk review" must be filled in before the process can leave "Request".',
      },
    ])
  })

  test('isFieldRequired follows requiredWhen live', ({ assert }) => {
    const cfo = PURCHASE.stages[0]!.fields![2]!
    assert.isFalse(isFieldRequired(PURCHASE, cfo, { price: price(50000) }))
    assert.isTrue(isFieldRequired(PURCHASE, cfo, { price: price(50000.01) }))
  })

  test('every transition leaving the stage is refused with missing_fields', ({ assert }) => {
    const query = {
      stage: 'request',
      status: 'active' as const,
      role: 'admin' as const,
      data: { price: price(12000) },
    }
    for (const transitionKey of ['submit', 'withdraw']) {
      const check = checkTransition(PURCHASE, { ...query, transitionKey })
      assert.deepInclude(check, { ok: false, code: 'missing_fields', missingFields: ['risk'] })
      if (!check.ok) {
        assert.include(check.message, 'Risk review')
        assert.deepEqual(check.missing, [
          {
            field: 'risk',
            message: '"Risk review" must be filled in before the process can leave "Request".',
          },
        ])
      }
    }
    const listed = availableTransitions(PURCHASE, query)
    assert.deepEqual(
      listed.map((t) => [t.transition.key, t.reasons, t.missingFields]),
      [
        ['submit', ['missing_fields'], ['risk']],
        ['withdraw', ['missing_fields'], ['risk']],
      ]
    )
    const filled = checkTransition(PURCHASE, {
      ...query,
      data: { ...query.data, risk: 'low' },
      transitionKey: 'submit',
    })
    assert.isTrue(filled.ok)
  })

  test('defaults fill only the keys not given', ({ assert }) => {
    assert.deepEqual(withDefaults(PURCHASE, { price: price(5) }), {
      price: price(5),
      channels: ['web'],
      site: 'https://example.com',
    })
    assert.deepEqual(withDefaults(PURCHASE, { channels: ['mail'], site: null }), {
      channels: ['mail'],
      site: null,
    })
    // Each process gets its own copy of a list default.
    const first = withDefaults(PURCHASE, {})
    ;(first.channels as string[]).push('mail')
    assert.deepEqual(withDefaults(PURCHASE, {}).channels, ['web'])
  })
})
