import { test } from '@japa/runner'
import { Encryption } from '@adonisjs/core/encryption'
import { memoizeSignatures } from '#support/http/signature_memo'

/** A fresh verifier (signing needs only the keys; this test encrypts nothing). */
const verifierOf = (key: string) =>
  new Encryption({ keys: [key], driver: () => ({}) as never }).getMessageVerifier()

const KEY = 'a-test-key-of-at-least-32-characters!'

test.group('Remembered cookie signatures', () => {
  test('signs and verifies exactly as the plain verifier, and computes each HMAC once', ({
    assert,
  }) => {
    const plain = verifierOf(KEY)
    const memo = memoizeSignatures(verifierOf(KEY))
    const signed = memo.sign('session-id-1', undefined, 'adonis-session')
    assert.equal(signed, plain.sign('session-id-1', undefined, 'adonis-session'))
    assert.equal(memo.sign('session-id-1', undefined, 'adonis-session'), signed)
    assert.equal(memo.unsign(signed, 'adonis-session'), 'session-id-1')
    assert.equal(memo.unsign(signed, 'adonis-session'), 'session-id-1')

    // Remembered: the second sign and unsign do not reach the HMAC.
    let computed = 0
    const counting = verifierOf(KEY)
    const sign = counting.sign.bind(counting)
    const unsign = counting.unsign.bind(counting)
    counting.sign = (...args) => (computed++, sign(...args))
    counting.unsign = (...args) => (computed++, unsign(...args))
    memoizeSignatures(counting)
    const again = counting.sign('session-id-2', undefined, 'adonis-session')
    counting.sign('session-id-2', undefined, 'adonis-session')
    counting.unsign(again, 'adonis-session')
    counting.unsign(again, 'adonis-session')
    assert.equal(computed, 2)
  })

  test('a tampered signature, another purpose or another key is refused every time', ({
    assert,
  }) => {
    const memo = memoizeSignatures(verifierOf(KEY))
    const signed = memo.sign('session-id-1', undefined, 'adonis-session')
    assert.equal(memo.unsign(signed, 'adonis-session'), 'session-id-1')
    const tampered = `${signed.slice(0, -2)}${signed.endsWith('AA') ? 'BB' : 'AA'}`
    assert.isNull(memo.unsign(tampered, 'adonis-session'))
    assert.isNull(memo.unsign(tampered, 'adonis-session'))
    assert.isNull(memo.unsign(signed, 'other-purpose'))
    assert.isNull(memo.unsign(signed, undefined))
    const otherKey = memoizeSignatures(verifierOf('another-key-of-at-least-32-characters'))
    assert.isNull(otherKey.unsign(signed, 'adonis-session'))
  })

  test('values with an expiry are verified every time, and expire', async ({ assert }) => {
    const memo = memoizeSignatures(verifierOf(KEY))
    const signed = memo.sign('short-lived', '50ms', 'purpose')
    assert.equal(memo.unsign(signed, 'purpose'), 'short-lived')
    await new Promise((resolve) => setTimeout(resolve, 80))
    assert.isNull(memo.unsign(signed, 'purpose'))
  })

  test('non-string payloads take the plain path', ({ assert }) => {
    const memo = memoizeSignatures(verifierOf(KEY))
    const signed = memo.sign({ id: 1 }, undefined, 'purpose')
    assert.deepEqual(memo.unsign(signed, 'purpose'), { id: 1 })
  })
})
