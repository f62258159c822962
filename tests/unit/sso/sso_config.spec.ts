import { test } from '@japa/runner'
import { checkEnvironment } from '#start/env'
import ssoConfig, { parseRoleMap } from '#config/sso'
import { roleFromClaims } from '#actions/sso/sign_in_with_sso'

const valid = {
  NODE_ENV: 'production',
  PORT: '3333',
  HOST: '0.0.0.0',
  APP_KEY: 'a-secret-key-of-enough-length-000000',
  APP_URL: 'https://stageflow.example.com',
  LOG_LEVEL: 'info',
  DB_CONNECTION: 'sqlite',
}

test.group('Single sign-on / configuration', () => {
  test('a complete https configuration passes', ({ assert }) => {
    assert.deepEqual(
      checkEnvironment({
        ...valid,
        SSO_ISSUER: 'https://login.example.com/realms/main',
        SSO_CLIENT_ID: 'stageflow',
        SSO_CLIENT_SECRET: 's3cret',
        SSO_SCOPES: 'openid email profile groups',
        SSO_ROLE_MAP: 'stageflow-admins=admin, leads=manager',
        SSO_DEFAULT_ROLE: 'member',
      }),
      []
    )
  })

  test('each inconsistency is named: no client id, plain http, no openid scope, bad role map', ({
    assert,
  }) => {
    const problems = checkEnvironment({
      ...valid,
      SSO_ISSUER: 'http://login.example.com',
      SSO_SCOPES: 'email profile',
      SSO_ROLE_MAP: 'admins=root',
    })
    assert.deepEqual(problems.map((p) => p.split(':')[0]).sort(), [
      'SSO_CLIENT_ID',
      'SSO_ISSUER',
      'SSO_ROLE_MAP',
      'SSO_SCOPES',
    ])
  })

  test('plain-http issuers are refused in production even when allowed', ({ assert }) => {
    const production = checkEnvironment({
      ...valid,
      SSO_ISSUER: 'http://127.0.0.1:9000',
      SSO_CLIENT_ID: 'x',
      SSO_ALLOW_INSECURE_HTTP: 'true',
    })
    assert.deepEqual(production, [
      'SSO_ALLOW_INSECURE_HTTP: plain-http issuers are refused in production',
    ])
    const testing = checkEnvironment({
      ...valid,
      NODE_ENV: 'test',
      SSO_ISSUER: 'http://127.0.0.1:9000',
      SSO_CLIENT_ID: 'x',
      SSO_ALLOW_INSECURE_HTTP: 'true',
    })
    assert.deepEqual(testing, [])
  })

  test('role claims map to the highest mapped role, else the default role', ({ assert }) => {
    const saved = { ...ssoConfig }
    try {
      Object.assign(ssoConfig, {
        roleClaim: 'groups',
        roleMap: parseRoleMap('leads=manager,stageflow-admins=admin'),
        defaultRole: 'member',
      })
      assert.equal(roleFromClaims({ groups: ['leads', 'stageflow-admins'] }), 'admin')
      assert.equal(roleFromClaims({ groups: 'leads' }), 'manager')
      assert.equal(roleFromClaims({ groups: ['staff'] }), 'member')
      assert.equal(roleFromClaims({}), 'member')
      // Without a map, role names in the claim are taken as they are.
      Object.assign(ssoConfig, { roleMap: {} })
      assert.equal(roleFromClaims({ groups: ['manager', 'root'] }), 'manager')
    } finally {
      Object.assign(ssoConfig, saved)
    }
  })
})
