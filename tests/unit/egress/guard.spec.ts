import { test } from '@japa/runner'
import { createServer, type Server } from 'node:http'
import { AllowList, refusedRange } from '#support/egress/addresses'
import {
  EgressRefused,
  literalRefusal,
  pinnedLookup,
  resolveDestination,
  type Resolver,
} from '#support/egress/guard'
import { egressRequest } from '#support/egress/request'

const NONE = AllowList.parse('')
const refused = (url: string, allow = NONE) => literalRefusal(new URL(url), allow)

/** A server on one loopback address that counts what reaches it. */
async function listen(host: string, port = 0, answer?: (res: any) => void) {
  const hits: string[] = []
  const headers: Record<string, unknown>[] = []
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`)
    headers.push(req.headers)
    if (answer) return answer(res)
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ from: host }))
  })
  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  const bound = (server.address() as { port: number }).port
  return {
    hits,
    headers,
    port: bound,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const init = { method: 'GET', headers: {}, timeoutMs: 3000, maxBytes: 16_384 }

test.group('Egress guard | address classes', () => {
  test('{address} is refused as {kind}')
    .with(
      [
        ['127.0.0.1', 'loopback'],
        ['127.255.255.254', 'loopback'],
        ['0.0.0.0', 'unspecified'],
        ['10.1.2.3', 'private'],
        ['172.16.0.1', 'private'],
        ['172.31.255.255', 'private'],
        ['192.168.1.1', 'private'],
        ['100.64.0.1', 'CGNAT'],
        ['169.254.169.254', 'link-local'],
        ['224.0.0.1', 'multicast'],
        ['239.255.255.250', 'multicast'],
        ['255.255.255.255', 'broadcast'],
        ['240.0.0.1', 'reserved'],
        ['192.0.2.7', 'documentation'],
        ['198.18.0.1', 'benchmarking'],
        ['::', 'unspecified'],
        ['::1', 'loopback'],
        ['fe80::1', 'link-local'],
        ['fc00::1', 'unique-local'],
        ['fd12:3456::1', 'unique-local'],
        ['ff02::1', 'multicast'],
        ['::ffff:127.0.0.1', 'loopback, embedded'],
        ['::ffff:7f00:1', 'loopback, embedded'],
        ['::ffff:a9fe:a9fe', 'link-local, embedded'],
        ['::127.0.0.1', 'loopback, embedded'],
        ['64:ff9b::7f00:1', 'loopback, embedded'],
        ['64:ff9b::10.0.0.1', 'private, embedded'],
        ['2002:7f00:1::', 'loopback, embedded'],
        ['2001:db8::1', 'documentation'],
      ].map(([address, kind]) => ({ address, kind }))
    )
    .run(({ assert }, { address, kind }) => {
      const reason = refusedRange(address)
      assert.isNotNull(reason)
      assert.include(reason!, kind)
    })

  test('public addresses pass: {$self}')
    .with([
      '8.8.8.8',
      '1.1.1.1',
      '93.184.216.34',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
    ])
    .run(({ assert }, address) => {
      assert.isNull(refusedRange(address))
    })
})

test.group('Egress guard | URLs judged without DNS', () => {
  test('{$self} is refused')
    .with([
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1:6379/',
      'http://[::1]:6379/',
      'http://0x7f000001:6379/',
      'http://2130706433/',
      'http://0177.0.0.1/',
      'http://127.1/',
      'http://0x7f.1/',
      'http://0/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://[64:ff9b::127.0.0.1]/',
      'http://[fe80::1]/',
      'http://[fd00::1]/',
      'http://localhost:3333/api/v1/workflows',
      'http://LOCALHOST./',
      'http://app.localhost/',
      'https://10.0.0.8/',
      'http://100.100.100.200/',
      'http://user:pass@example.com/',
    ])
    .run(({ assert }, url) => {
      assert.isNotNull(refused(url))
    })

  test('non-http schemes are refused: {$self}')
    .with([
      'ftp://example.com/',
      'file:///etc/passwd',
      'gopher://example.com/',
      'data:text/plain,x',
    ])
    .run(({ assert }, url) => {
      assert.match(refused(url)!, /scheme/)
    })

  test('public literal addresses and names wait for DNS at run time', ({ assert }) => {
    assert.isNull(refused('https://93.184.216.34/x'))
    assert.isNull(refused('https://[2606:4700:4700::1111]/'))
    assert.isNull(refused('https://payments.example.com/charges'))
  })
})

test.group('Egress guard | allowlist', () => {
  const allow = AllowList.parse(
    '127.0.0.1, api.internal:8443, 10.0.0.0/8, fd00::/8, [::1]:9000, localhost:4010'
  )

  test('an IP entry allows that address on any port', ({ assert }) => {
    assert.isNull(refused('http://127.0.0.1:6379/', allow))
    assert.isNull(refused('http://2130706433/', allow))
    assert.isNotNull(refused('http://127.0.0.2/', allow))
  })

  test('a CIDR entry allows the range, also in its IPv4-mapped form', ({ assert }) => {
    assert.isNull(refused('http://10.20.30.40/', allow))
    assert.isNull(refused('http://[::ffff:10.0.0.1]/', allow))
    assert.isNull(refused('http://[fd00::5]/', allow))
    assert.isNotNull(refused('http://[fc00::5]/', allow))
    assert.isNotNull(refused('http://192.168.0.1/', allow))
  })

  test('an entry with a port allows only that port', ({ assert }) => {
    assert.isNull(refused('http://[::1]:9000/', allow))
    assert.isNotNull(refused('http://[::1]:9001/', allow))
    assert.isNull(refused('http://localhost:4010/', allow))
    assert.isNotNull(refused('http://localhost:4011/', allow))
    assert.isTrue(allow.allowsHost('API.internal.', 8443))
    assert.isFalse(allow.allowsHost('api.internal', 443))
  })

  test('a malformed entry is refused with its text: {$self}')
    .with(['http://example.com', '10.0.0.0/33', 'a b', 'host:port', 'example.com:70000'])
    .run(({ assert }, entry) => {
      assert.throws(() => AllowList.parse(`127.0.0.1,${entry}`), entry)
    })
})

test.group('Egress guard | DNS and the pinned connection', () => {
  /** Answers each name with the next address of its list (the last one repeats). */
  function rebinding(answers: string[][]) {
    const calls: string[] = []
    const resolver: Resolver = async (hostname) => {
      calls.push(hostname)
      const next = answers[Math.min(calls.length - 1, answers.length - 1)]!
      return next.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
    }
    return { resolver, calls }
  }

  test('a name that resolves to a refused address is refused; one refused answer is enough', async ({
    assert,
  }) => {
    for (const answers of [
      ['127.0.0.1'],
      ['93.184.216.34', '10.0.0.1'],
      ['::ffff:169.254.169.254'],
    ]) {
      const { resolver } = rebinding([answers])
      await assert.rejects(
        () =>
          resolveDestination(new URL('http://rebind.test/'), { allow: NONE, resolve: resolver }),
        /Refused to call http:\/\/rebind\.test/
      )
    }
  })

  test('the pinned lookup answers the checked address and never asks DNS again', async ({
    assert,
  }) => {
    const { resolver, calls } = rebinding([['93.184.216.34'], ['127.0.0.1']])
    const policy = { allow: NONE, resolve: resolver }
    const destination = await resolveDestination(new URL('http://rebind.test/'), policy)
    const lookup = pinnedLookup(destination, policy)
    for (const options of [{}, { all: true }]) {
      const answer = await new Promise<unknown>((resolve, reject) =>
        lookup('rebind.test', options, (error, address) =>
          error ? reject(error) : resolve(address)
        )
      )
      assert.deepEqual(
        answer,
        'all' in options ? [{ address: '93.184.216.34', family: 4 }] : '93.184.216.34'
      )
    }
    assert.deepEqual(calls, ['rebind.test'])
    await assert.rejects(
      () =>
        new Promise((resolve, reject) =>
          lookup('other.test', {}, (error, address) => (error ? reject(error) : resolve(address)))
        ),
      /not the checked rebind\.test/
    )
  })

  test('DNS rebinding: the connection goes to the checked address, not to the second answer', async ({
    assert,
  }) => {
    // Two servers on one port: 127.0.0.2 (allowed) and 127.0.0.1 (refused).
    const allowed = await listen('127.0.0.2')
    const victim = await listen('127.0.0.1', allowed.port)
    try {
      const { resolver, calls } = rebinding([['127.0.0.2'], ['127.0.0.1']])
      const policy = { allow: AllowList.parse('127.0.0.2/32'), resolve: resolver }
      const answer = await egressRequest(`http://rebind.test:${allowed.port}/x`, init, policy)
      assert.equal(answer.status, 200)
      assert.deepEqual(JSON.parse(answer.text), { from: '127.0.0.2' })
      assert.deepEqual(allowed.hits, ['GET /x'])
      assert.deepEqual(victim.hits, [])
      assert.lengthOf(calls, 1)

      // Asked again, DNS now says 127.0.0.1: refused before anything is sent.
      await assert.rejects(
        () => egressRequest(`http://rebind.test:${allowed.port}/x`, init, policy),
        /resolves to 127\.0\.0\.1, a loopback address/
      )
      assert.deepEqual(victim.hits, [])
    } finally {
      await allowed.close()
      await victim.close()
    }
  })

  test('a redirect to a refused address is not followed; an allowed one is', async ({ assert }) => {
    const victim = await listen('127.0.0.1')
    const target = await listen('127.0.0.3')
    const redirector = await listen('127.0.0.2', 0, (res) => {
      const to =
        res.req.url === '/ok'
          ? `http://127.0.0.3:${target.port}/landed`
          : `http://127.0.0.1:${victim.port}/admin`
      res.writeHead(307, { location: to })
      res.end()
    })
    try {
      const policy = { allow: AllowList.parse('127.0.0.2, 127.0.0.3') }
      const error = await egressRequest(
        `http://127.0.0.2:${redirector.port}/go`,
        init,
        policy
      ).catch((e) => e)
      assert.instanceOf(error, EgressRefused)
      assert.match(error.message, /127\.0\.0\.1 is a loopback address/)
      assert.deepEqual(victim.hits, [])

      const followed = await egressRequest(
        `http://127.0.0.2:${redirector.port}/ok`,
        {
          ...init,
          headers: { 'Authorization': 'Bearer s3cret', 'X-Key': 'k' },
          originBoundHeaders: ['X-Key'],
        },
        policy
      )
      assert.equal(followed.status, 200)
      assert.deepEqual(target.hits, ['GET /landed'])
      // Another origin: the credentials and the secret-bearing header stay behind.
      assert.notProperty(target.headers[0], 'authorization')
      assert.notProperty(target.headers[0], 'x-key')
    } finally {
      await Promise.all([victim.close(), target.close(), redirector.close()])
    }
  })

  test('the response body is cut at the byte limit', async ({ assert }) => {
    const big = await listen('127.0.0.2', 0, (res) => {
      res.writeHead(200)
      res.end('x'.repeat(100_000))
    })
    try {
      const answer = await egressRequest(
        `http://127.0.0.2:${big.port}/`,
        { ...init, maxBytes: 16_384 },
        { allow: AllowList.parse('127.0.0.2') }
      )
      assert.lengthOf(answer.text, 16_384)
    } finally {
      await big.close()
    }
  })
})
