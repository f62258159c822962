import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/common'
import { ROLES, seedWorld } from '#tests/helpers/seed_world'
import { classify, fillParams, listRoutes, probe } from '#tests/helpers/route_probe'
import { MATRIX } from '#tests/functional/security/authorization_matrix'
import Attachment from '#models/attachment'

/**
 * Every route of the router, asked by every role (and by an admin for a
 * missing id), must answer as tests/functional/security/authorization_matrix.ts
 * says. The matrix is the threat model's source: docs/SECURITY.md.
 */
test.group('Security / authorization matrix', (group) => {
  freshDatabase(group)

  test('every route has a row in the matrix, and every row a route', ({ assert }) => {
    const routes = listRoutes().map((route) => route.key)
    assert.deepEqual(
      routes.filter((key) => !MATRIX[key]),
      [],
      'routes without a row: add them to authorization_matrix.ts'
    )
    assert.deepEqual(
      Object.keys(MATRIX).filter((key) => !routes.includes(key)),
      [],
      'rows without a route'
    )
  })

  test('every route answers each role as the matrix says, and never with a 5xx', async ({
    client,
    assert,
  }) => {
    const world = await seedWorld()
    const upload = await client
      .post(`/processes/${world.process.id}/attachments`)
      .loginAs(world.users.manager)
      .withCsrfToken()
      .file('file', Buffer.from('a,b\n1,2\n'), { filename: 'seeded.csv' })
      .redirects(0)
    upload.assertStatus(302)
    const attachment = await Attachment.firstOrFail()
    const seeded = { ...world, attachmentId: attachment.id }

    const wrong: string[] = []
    let checked = 0
    for (const route of listRoutes()) {
      const row = MATRIX[route.key]
      if (!row) continue // reported by the test above
      const url = fillParams(route.pattern, seeded)
      for (const [index, viewer] of ROLES.entries()) {
        const response = await probe(client, route, url, viewer, seeded)
        checked++
        if (classify(response) !== row[index])
          wrong.push(`${route.key} as ${viewer}: ${response.status()}, expected ${row[index]}`)
      }
      if (row[4] !== '-') {
        const response = await probe(
          client,
          route,
          fillParams(route.pattern, seeded, true),
          'admin',
          seeded
        )
        checked++
        if (classify(response) !== row[4])
          wrong.push(`${route.key} missing id: ${response.status()}, expected ${row[4]}`)
      }
    }
    assert.deepEqual(wrong, [])
    assert.isAbove(checked, 4 * Object.keys(MATRIX).length - 1)
  })

  test('the live-update routes answer 422 without a stream id, not 500', async ({ client }) => {
    const { users } = await seedWorld()
    const stream = await client.get('/__transmit/events').loginAs(users.member)
    stream.assertStatus(422)
    stream.assertBodyContains({ errors: [{ field: 'uid' }] })
    const subscribe = await client
      .post('/__transmit/subscribe')
      .json({ uid: 'abc' })
      .loginAs(users.member)
      .withCsrfToken()
    subscribe.assertStatus(422)
    subscribe.assertBodyContains({ errors: [{ field: 'channel' }] })
  })
})
