import { test } from '@japa/runner'
import { spawnSync } from 'node:child_process'
import app from '@adonisjs/core/services/app'
import { checkEnvironment } from '#start/env'

const valid = {
  NODE_ENV: 'production',
  PORT: '3333',
  HOST: '0.0.0.0',
  APP_KEY: 'a-secret-key-of-enough-length-000000',
  APP_URL: 'https://stageflow.example.com',
  LOG_LEVEL: 'info',
  DB_CONNECTION: 'sqlite',
}

test.group('Environment validation', () => {
  test('a complete environment passes', ({ assert }) => {
    assert.deepEqual(checkEnvironment(valid), [])
  })

  test('each bad value is named in its own line', ({ assert }) => {
    const problems = checkEnvironment({
      ...valid,
      PORT: 'eighty',
      DB_CONNECTION: 'oracle',
      APP_KEY: undefined,
    })
    assert.lengthOf(problems, 3)
    assert.match(
      problems.find((p) => p.startsWith('PORT:'))!,
      /PORT/
    )
    assert.match(
      problems.find((p) => p.startsWith('DB_CONNECTION:'))!,
      /sqlite, mysql|sqlite,mysql/
    )
    assert.match(
      problems.find((p) => p.startsWith('APP_KEY:'))!,
      /Missing environment variable "APP_KEY"/
    )
  })

  test('booting with a malformed variable stops with one clear line', ({ assert }) => {
    const result = spawnSync(process.execPath, ['ace', 'list:routes'], {
      cwd: app.makePath(),
      env: { ...process.env, ...valid, NODE_ENV: 'development', DB_CONNECTION: 'oracle' },
      encoding: 'utf8',
    })
    assert.notEqual(result.status, 0)
    const lines = result.stderr.trim().split('\n')
    assert.lengthOf(lines, 1)
    assert.match(lines[0]!, /^Invalid environment.*DB_CONNECTION/)
  })
})

test.group('Environment validation | egress and secrets', () => {
  test('a malformed allowlist entry is named', ({ assert }) => {
    assert.deepEqual(
      checkEnvironment({ ...valid, AUTOMATION_ALLOWED_HOSTS: '10.0.0.0/8, [::1]:9000' }),
      []
    )
    const [problem] = checkEnvironment({
      ...valid,
      AUTOMATION_ALLOWED_HOSTS: '10.0.0.0/8, http://x',
    })
    assert.match(problem!, /^AUTOMATION_ALLOWED_HOSTS: .*"http:\/\/x"/)
  })

  test('secrets are declared by prefix: a bad name or a malformed host list is named', ({
    assert,
  }) => {
    const problems = checkEnvironment({
      ...valid,
      STAGEFLOW_SECRET_PAYMENT_API_KEY: 'k',
      STAGEFLOW_SECRET_PAYMENT_API_KEY_HOSTS: 'payments.example.com, pay.example.com:8443',
      STAGEFLOW_SECRET_lower: 'x',
      STAGEFLOW_SECRET_TOKEN_HOSTS: 'https://api.example.com/',
    })
    assert.lengthOf(problems, 2)
    assert.match(problems[0]!, /^STAGEFLOW_SECRET_lower: /)
    assert.match(problems[1]!, /^STAGEFLOW_SECRET_TOKEN_HOSTS: .*"https:\/\/api\.example\.com\/"/)
  })

  test('booting with a malformed secret binding stops with one clear line', ({ assert }) => {
    const result = spawnSync(process.execPath, ['ace', 'list:routes'], {
      cwd: app.makePath(),
      env: {
        ...process.env,
        ...valid,
        NODE_ENV: 'development',
        STAGEFLOW_SECRET_TOKEN_HOSTS: 'not a host',
      },
      encoding: 'utf8',
    })
    assert.notEqual(result.status, 0)
    const lines = result.stderr.trim().split('\n')
    assert.lengthOf(lines, 1)
    assert.match(lines[0]!, /^Invalid environment.*STAGEFLOW_SECRET_TOKEN_HOSTS/)
  })
})

test.group('Security configuration', () => {
  test('HSTS is at least a year and on in production', async ({ assert }) => {
    const { default: shield } = await import('#config/shield')
    const hsts = (shield as unknown as { hsts: { maxAge: string | number; enabled: boolean } }).hsts
    const seconds =
      typeof hsts.maxAge === 'number' ? hsts.maxAge : Number.parseInt(hsts.maxAge) * 86400
    assert.isAtLeast(seconds, 365 * 86400)
  })
})

test.group('Environment validation | automation settings', () => {
  test('every AUTOMATION_* variable the config reads is declared and checked', ({ assert }) => {
    assert.deepEqual(
      checkEnvironment({
        ...valid,
        AUTOMATION_SHARED_STATE: 'redis',
        AUTOMATION_BREAKER_FAILURES: '3',
        AUTOMATION_BREAKER_COOLDOWN_MS: '1000',
        AUTOMATION_RATE_LIMIT_PER_MINUTE: '60',
        AUTOMATION_RATE_LIMITS: 'api.example.com=120, 10.0.0.5:8080=30',
      }),
      []
    )
    const problems = checkEnvironment({
      ...valid,
      AUTOMATION_SHARED_STATE: 'memcached',
      AUTOMATION_BREAKER_FAILURES: 'many',
      AUTOMATION_RATE_LIMITS: 'api.example.com=lots',
    })
    assert.sameMembers(
      problems.map((p) => p.split(':')[0]),
      ['AUTOMATION_SHARED_STATE', 'AUTOMATION_BREAKER_FAILURES', 'AUTOMATION_RATE_LIMITS']
    )
    assert.match(
      problems.find((p) => p.startsWith('AUTOMATION_RATE_LIMITS'))!,
      /host=calls/
    )
  })

  test('config files read only declared variables (no "as any" escapes)', async ({ assert }) => {
    const { readdir, readFile } = await import('node:fs/promises')
    for (const file of await readdir(app.makePath('config'))) {
      const source = await readFile(app.makePath('config', file), 'utf8')
      assert.notMatch(
        source,
        /env\.get\([^)]*as any/,
        `config/${file} reads an undeclared variable`
      )
    }
  })
})
