import { test } from '@japa/runner'
import { proxyTrust } from '#support/proxy_trust'

test.group('Proxy trust (TRUSTED_PROXIES)', () => {
  test('unset or empty trusts nobody, loopback included', ({ assert }) => {
    for (const value of [undefined, '', ' , ']) {
      const trust = proxyTrust(value)
      assert.isFalse(trust('127.0.0.1', 0))
      assert.isFalse(trust('::1', 0))
    }
  })

  test('named ranges, addresses and CIDRs are trusted, nothing else', ({ assert }) => {
    const trust = proxyTrust('loopback, 10.1.0.0/16,192.0.2.7')
    assert.isTrue(trust('127.0.0.1', 0))
    assert.isTrue(trust('10.1.200.3', 0))
    assert.isTrue(trust('192.0.2.7', 0))
    assert.isFalse(trust('10.2.0.1', 0))
    assert.isFalse(trust('203.0.113.9', 0))
  })
})
