import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import { openapiDocument } from '#support/openapi'
import { freshDatabase, PASSWORD, publishWorkflow } from '#tests/helpers/common'
import { renderClientTypes } from '../../../clients/typescript/generate.js'
import { ApiError, createClient } from '../../../clients/typescript/client.js'

/**
 * The TypeScript client generated from the OpenAPI document by
 * openapi-typescript (npm run api:client): the committed files are what
 * the document gives today, and the typed client works against the
 * running server — the document is usable by a real generator.
 */
const baseUrl = `http://${process.env.HOST}:${process.env.PORT}`

test.group('API / generated TypeScript client', (group) => {
  freshDatabase(group)

  test('the committed document and types are up to date (npm run api:client)', async ({
    assert,
  }) => {
    const document = openapiDocument()
    const committedDocument = await readFile(
      app.makePath('clients/typescript/openapi.json'),
      'utf8'
    )
    assert.equal(committedDocument, `${JSON.stringify(document, null, 2)}\n`, 'openapi.json')
    const committedTypes = await readFile(app.makePath('clients/typescript/stageflow.d.ts'), 'utf8')
    assert.isTrue(
      committedTypes === (await renderClientTypes(document)),
      'clients/typescript/stageflow.d.ts is stale: run npm run api:client'
    )
  })

  test('the typed client signs in, starts processes, lists them by cursor and previews a bulk action', async ({
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)

    const anonymous = createClient({ baseUrl })
    const signIn = await anonymous.request('post', '/api/v1/auth/tokens', {
      body: { email: manager.email, password: PASSWORD, name: 'typed client' },
    })
    assert.equal(signIn.status, 201)
    const api = createClient({ baseUrl, token: signIn.data.data.token })

    const started: number[] = []
    for (const title of ['First', 'Second', 'Third']) {
      const { status, data } = await api.request('post', '/api/v1/processes', {
        body: { workflow: 'order-fulfilment', title },
      })
      assert.equal(status, 201)
      assert.equal(data.data.version, 1)
      started.push(data.data.id)
    }

    const listed: number[] = []
    let cursor: string | undefined
    do {
      const { data } = await api.request('get', '/api/v1/processes', {
        query: { workflow: 'order-fulfilment', limit: 2, cursor },
      })
      listed.push(...data.data.map((p) => p.id))
      // Keyset pages answer CursorMetadata (the other member of the metadata union).
      cursor = (data.metadata as { nextCursor: string | null }).nextCursor ?? undefined
    } while (cursor)
    assert.deepEqual(listed, [...started].reverse())

    const preview = await api.request('post', '/api/v1/bulk-operations/preview', {
      body: { action: 'transition', transition: 'reserve_inventory', ids: started },
    })
    assert.include(preview.data.data, { total: 3, applicable: 3, refused: 0 })

    const one = await api.request('get', '/api/v1/processes/{id}', { path: { id: started[0]! } })
    assert.equal(one.data.data.title, 'First')

    try {
      await api.request('get', '/api/v1/users')
      assert.fail('a manager may not list users')
    } catch (error) {
      assert.instanceOf(error, ApiError)
      assert.equal((error as ApiError).status, 403)
      assert.equal((error as ApiError).body.errors[0]!.code, 'forbidden')
    }
  })
})
