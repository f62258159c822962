import { test } from '@japa/runner'
import { isLoopback, scrapeVerdict } from '#support/metrics/access'
import { CappedLabel } from '#support/metrics/registry'

test.group('Metrics / who may scrape', () => {
  test('loopback is 127.0.0.0/8, ::1 and IPv4 loopback mapped into IPv6; nothing else', ({
    assert,
  }) => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      assert.isTrue(isLoopback(address), address)
    }
    for (const address of [
      '10.0.0.1',
      '::ffff:10.0.0.1',
      '172.17.0.2',
      '128.0.0.1',
      '::',
      '0.0.0.0',
      'localhost',
      '127.0.0.1.example.com',
      '',
      undefined,
    ]) {
      assert.isFalse(isLoopback(address), String(address))
    }
  })

  test('without a token: loopback served, anyone else 403 naming METRICS_TOKEN', ({ assert }) => {
    assert.deepEqual(scrapeVerdict(undefined, '127.0.0.1', undefined), { allowed: true })
    const remote = scrapeVerdict('Bearer anything', '203.0.113.7', undefined)
    assert.isFalse(remote.allowed)
    assert.equal(!remote.allowed && remote.status, 403)
    assert.match(!remote.allowed ? remote.message : '', /METRICS_TOKEN/)
  })

  test('with a token: only "Bearer <token>" is served, loopback included', ({ assert }) => {
    const token = 'the-metrics-token'
    assert.deepEqual(scrapeVerdict(`Bearer ${token}`, '203.0.113.7', token), { allowed: true })
    assert.deepEqual(scrapeVerdict(`bearer   ${token}`, '10.0.0.1', token), { allowed: true })
    for (const header of [undefined, '', token, `Bearer ${token}x`, `Basic ${token}`, 'Bearer ']) {
      const verdict = scrapeVerdict(header, '127.0.0.1', token)
      assert.isFalse(verdict.allowed, String(header))
      assert.equal(!verdict.allowed && verdict.status, 401)
    }
  })
})

test.group('Metrics / capped labels', () => {
  test('the first values pass, later new ones read "other", known ones keep their name', ({
    assert,
  }) => {
    const label = new CappedLabel(2)
    assert.equal(label.value('a'), 'a')
    assert.equal(label.value('b'), 'b')
    assert.equal(label.value('c'), 'other')
    assert.equal(label.value('a'), 'a')
    assert.equal(label.value(''), 'other')
    assert.equal(new CappedLabel(1).value(null), 'unknown')
  })
})
