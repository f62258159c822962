import { test } from '@japa/runner'
import { prepareCall, StepConfigurationError } from '#automation/http_call'
import type { HttpCall } from '#engine/definition'
import type { TemplateScope } from '#engine/actions/templates'

const scope = (data: Record<string, unknown>): TemplateScope => ({
  process: { id: 1, reference: 'P-1', title: 't' },
  data,
  steps: {},
  idempotencyKey: 'sf-1-1-x',
})

const call = (url: string, headers?: Record<string, string>) =>
  ({ method: 'POST', url, headers }) as HttpCall

/** The error prepareCall throws, or null when it prepares the call. */
function refusal(url: string, data: Record<string, unknown>, headers?: Record<string, string>) {
  try {
    prepareCall(call(url, headers), scope(data))
    return null
  } catch (error) {
    if (!(error instanceof StepConfigurationError)) throw error
    return error.message
  }
}

test.group('HTTP calls | checked again at run time', (group) => {
  group.each.setup(() => {
    process.env.STAGEFLOW_SECRET_RUNTIME_KEY = 'runtime-secret-value'
    process.env.STAGEFLOW_SECRET_RUNTIME_KEY_HOSTS = 'payments.example.com'
    return () => {
      delete process.env.STAGEFLOW_SECRET_RUNTIME_KEY
      delete process.env.STAGEFLOW_SECRET_RUNTIME_KEY_HOSTS
    }
  })

  test('a rendered URL must keep the definition literal origin (the issue bypasses, had they been stored)', ({
    assert,
  }) => {
    const supplier = ':80@127.0.0.1:3400'
    assert.match(
      refusal('http://a@{{data.supplier}}/x', { supplier })!,
      /Refused to call http:\/\/127\.0\.0\.1:3400: .*origin/
    )
    assert.match(refusal('http://x{{data.supplier}}/x', { supplier })!, /Refused to call/)
    assert.isNull(
      refusal('http://payments.example.com/x/{{data.supplier}}', { supplier: '@127.0.0.1' })
    )
  })

  test('a secret is refused at run time for a host it is not bound to, and never shown', ({
    assert,
  }) => {
    const headers = { Authorization: 'Bearer {{secret.RUNTIME_KEY}}' }
    const refused = refusal('https://collector.example.net/x', {}, headers)!
    assert.match(refused, /Refused to send the secret "RUNTIME_KEY" to collector\.example\.net/)
    assert.notInclude(refused, 'runtime-secret-value')

    const prepared = prepareCall(call('https://payments.example.com/x', headers), scope({}))
    assert.equal(prepared.headers.Authorization, 'Bearer runtime-secret-value')
    assert.deepEqual(prepared.secretHeaders, ['Authorization'])
    assert.notInclude(prepared.summary, 'runtime-secret-value')
  })

  test('a secret without a _HOSTS binding goes nowhere', ({ assert }) => {
    delete process.env.STAGEFLOW_SECRET_RUNTIME_KEY_HOSTS
    const refused = refusal(
      'https://payments.example.com/x',
      {},
      { 'X-Key': '{{secret.RUNTIME_KEY}}' }
    )!
    assert.match(refused, /not bound to any host.*STAGEFLOW_SECRET_RUNTIME_KEY_HOSTS/)
  })
})
