import { test } from '@japa/runner'
import type { HttpContext } from '@adonisjs/core/http'
import type { SessionData, SessionStoreContract } from '@adonisjs/session/types'
import { RememberedCookieReads } from '#support/session/remembered_cookie_reads'

/** A cookie store stand-in: "decrypts" a cookie by looking it up, and counts the reads. */
class DecryptingStore implements SessionStoreContract {
  reads = 0
  constructor(
    protected cookies: Record<string, string>,
    protected plain: Record<string, SessionData>
  ) {}
  read(id: string) {
    this.reads++
    const value = this.plain[this.cookies[id]!]
    return value ? structuredClone(value) : null
  }
  write() {}
  destroy() {}
  touch() {}
}

const contextWith = (cookies: Record<string, string>) =>
  ({ request: { cookiesList: () => cookies } }) as unknown as HttpContext

test.group('Remembered session cookie reads', () => {
  test('the same cookie is decrypted once; each read gets its own copy', async ({ assert }) => {
    const cookies = { 'sid-a': 'e:cipher-a1' }
    const inner = new DecryptingStore(cookies, { 'e:cipher-a1': { auth: 7, flash: { n: 1 } } })

    const first = await new RememberedCookieReads(inner, contextWith(cookies)).read('sid-a')
    assert.deepEqual(first, { auth: 7, flash: { n: 1 } })
    // The request changes its values: the next request must not see that.
    ;(first!.flash as Record<string, number>).n = 99
    delete first!.auth

    const second = await new RememberedCookieReads(inner, contextWith(cookies)).read('sid-a')
    assert.deepEqual(second, { auth: 7, flash: { n: 1 } })
    assert.equal(inner.reads, 1)
  })

  test('a new cookie value, another session or a cookie that does not decrypt is read again', async ({
    assert,
  }) => {
    const cookies: Record<string, string> = { 'sid-b': 'e:cipher-b1', 'sid-c': 'e:forged' }
    const inner = new DecryptingStore(cookies, {
      'e:cipher-b1': { auth: 1 },
      'e:cipher-b2': { auth: 2 },
    })
    const read = (id: string) => new RememberedCookieReads(inner, contextWith(cookies)).read(id)

    assert.deepEqual(await read('sid-b'), { auth: 1 })
    cookies['sid-b'] = 'e:cipher-b2'
    assert.deepEqual(await read('sid-b'), { auth: 2 })
    assert.isNull(await read('sid-c'))
    assert.isNull(await read('sid-c'))
    assert.isNull(await read('sid-none'))
    assert.equal(inner.reads, 5)
  })
})
