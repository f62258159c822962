import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase } from '#tests/helpers/common'

function assertPolicyHeaders(response: ApiResponse, assert: any) {
  assert.equal(response.header('referrer-policy'), 'strict-origin-when-cross-origin')
  const permissions = String(response.header('permissions-policy'))
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
    assert.include(permissions, `${feature}=()`)
  }
}

test.group('Referrer-Policy and Permissions-Policy on every response', (group) => {
  freshDatabase(group)

  test('a page', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client.get('/').loginAs(user)
    response.assertStatus(200)
    assertPolicyHeaders(response, assert)
  })

  test('the login page and a redirect', async ({ client, assert }) => {
    assertPolicyHeaders(await client.get('/login'), assert)
    const redirect = await client.get('/processes').redirects(0)
    redirect.assertStatus(302)
    assertPolicyHeaders(redirect, assert)
  })

  test('an API response, an API error and a health answer', async ({ client, assert }) => {
    const openapi = await client.get('/api/v1/openapi.json')
    openapi.assertStatus(200)
    assertPolicyHeaders(openapi, assert)
    const unauthorized = await client.get('/api/v1/me')
    unauthorized.assertStatus(401)
    assertPolicyHeaders(unauthorized, assert)
    assertPolicyHeaders(await client.get('/health/live'), assert)
  })

  test('a 404 for a path no route matches', async ({ client, assert }) => {
    const response = await client.get('/no/such/page')
    response.assertStatus(404)
    assertPolicyHeaders(response, assert)
  })
})
