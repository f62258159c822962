import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import StartProcess from '#actions/processes/start_process'
import Attachment from '#models/attachment'
import type User from '#models/user'
import { freshDatabase, truncateAll } from '#tests/helpers/common'
import { classify, listRoutes, type Outcome, type Route } from '#tests/helpers/route_probe'
import { accessCast, restrictedWorkflow, teamWith } from '#tests/helpers/access_fixtures'

/** The status check of an awaited request, as one statement. */
function assertStatus(response: { assertStatus(status: number): void }, status: number) {
  response.assertStatus(status)
}

/**
 * Every route of the router that shows or changes one process (a `:id`
 * under /processes or /api/v1/processes, and the workflow's board), asked
 * by people outside the workflow's `see` audience, inside `see` only, and
 * inside `work`. Generated from the router: a process route added without
 * access enforcement fails here.
 */
const PROCESS_ROUTE = /^(\/api\/v1)?\/processes\/:id(\/|$)/

function processRoutes(): Route[] {
  return listRoutes().filter(
    (route) => PROCESS_ROUTE.test(route.pattern) || route.pattern === '/workflows/:key/board'
  )
}

const reads = (route: Route) => route.method === 'GET'

async function send(
  client: ApiClient,
  route: Route,
  user: User,
  values: Record<string, string | number>
) {
  const url = route.pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (values[name] === undefined) throw new Error(`No value for :${name} in ${route.pattern}`)
    return String(values[name])
  })
  const isApi = route.pattern.startsWith('/api/v1')
  let request = (client as any).request(url, route.method).redirects(0)
  if (!reads(route) && route.method !== 'DELETE') request = request.json({})
  if (!isApi) request = request.withCsrfToken()
  request = isApi ? request.withGuard('api').loginAs(user) : request.loginAs(user)
  return (await request) as ApiResponse
}

test.group('Access / every process route, by audience', (group) => {
  freshDatabase(group)
  group.teardown(() => truncateAll())

  test('the router has process routes to check (the filter still matches them)', ({ assert }) => {
    const keys = processRoutes().map((route) => route.key)
    assert.includeMembers(keys, [
      'GET /processes/:id',
      'POST /processes/:id/transitions',
      'GET /processes/:id/attachments/:attachmentId',
      'GET /api/v1/processes/:id',
      'POST /api/v1/processes/:id/transitions',
      'GET /workflows/:key/board',
    ])
    assert.isAtLeast(keys.length, 18)
  })

  test('outside `see` every process route is 404; `see` alone reads but may not change (403); `work` may', async ({
    client,
    assert,
  }) => {
    const cast = await accessCast()
    await teamWith('hr', [cast.inside])
    await teamWith('auditors', [cast.seer])
    const workflow = await restrictedWorkflow('hiring', cast.admin, {
      see: [{ team: 'hr' }, { team: 'auditors' }],
      work: [{ team: 'hr' }],
      start: [{ team: 'hr' }],
    })
    const { process } = await new StartProcess().handle({
      workflowKey: workflow.key,
      title: 'Hidden hire',
      actor: cast.inside,
    })
    const upload = await client
      .post(`/processes/${process.id}/attachments`)
      .loginAs(cast.inside)
      .withCsrfToken()
      .file('file', Buffer.from('a,b\n'), { filename: 'cv.csv' })
      .redirects(0)
    upload.assertStatus(302)
    const attachment = await Attachment.firstOrFail()
    const values = { id: process.id, key: workflow.key, attachmentId: attachment.id }

    const expected = (route: Route, who: 'outsider' | 'seer' | 'inside' | 'admin'): Outcome => {
      if (who === 'outsider') return 404
      if (who === 'seer' && !reads(route) && route.pattern !== '/workflows/:key/board') return 403
      return 'ok'
    }

    const wrong: string[] = []
    let checked = 0
    for (const route of processRoutes()) {
      for (const who of ['outsider', 'seer', 'inside', 'admin'] as const) {
        const response = await send(client, route, cast[who], values)
        checked++
        const outcome = classify(response)
        if (outcome !== expected(route, who))
          wrong.push(
            `${route.key} as ${who}: ${response.status()}, expected ${expected(route, who)}`
          )
      }
    }
    assert.deepEqual(wrong, [])
    assert.equal(checked, processRoutes().length * 4)
  })

  test('a 404 for a hidden process is the same answer as for a missing one', async ({
    client,
    assert,
  }) => {
    const cast = await accessCast()
    await teamWith('hr', [cast.inside])
    const workflow = await restrictedWorkflow('hiring', cast.admin, { see: [{ team: 'hr' }] })
    const { process } = await new StartProcess().handle({
      workflowKey: workflow.key,
      title: 'Hidden hire',
      actor: cast.inside,
    })
    const hidden = await client
      .get(`/api/v1/processes/${process.id}`)
      .withGuard('api')
      .loginAs(cast.outsider)
    const missing = await client
      .get('/api/v1/processes/999999')
      .withGuard('api')
      .loginAs(cast.outsider)
    hidden.assertStatus(404)
    missing.assertStatus(404)
    assert.deepEqual(hidden.body(), missing.body())
  })

  test('`start` restricts starting: outside it 403, outside `see` 404 as for an unknown workflow', async ({
    client,
  }) => {
    const cast = await accessCast()
    await teamWith('hr', [cast.inside])
    await teamWith('auditors', [cast.seer])
    await restrictedWorkflow('hiring', cast.admin, {
      see: [{ team: 'hr' }, { team: 'auditors' }],
      start: [{ team: 'hr' }],
    })
    const start = (user: User) =>
      client
        .post('/api/v1/processes')
        .json({ workflow: 'hiring', title: 'New hire' })
        .withGuard('api')
        .loginAs(user)
    assertStatus(await start(cast.inside), 201)
    assertStatus(await start(cast.seer), 403)
    assertStatus(await start(cast.outsider), 404)
    assertStatus(await start(cast.admin), 201)
  })

  test('the workflow pages and API hide a workflow outside `see`', async ({ client, assert }) => {
    const cast = await accessCast()
    await teamWith('hr', [cast.inside])
    await restrictedWorkflow('hiring', cast.admin, { see: [{ team: 'hr' }] })
    await restrictedWorkflow('open', cast.admin, {})

    const keys = async (user: User) => {
      const response = await client.get('/api/v1/workflows').withGuard('api').loginAs(user)
      return response.body().data.map((w: { key: string }) => w.key)
    }
    assert.sameMembers(await keys(cast.inside), ['hiring', 'open'])
    assert.sameMembers(await keys(cast.outsider), ['open'])
    assertStatus(
      await client.get('/api/v1/workflows/hiring').withGuard('api').loginAs(cast.outsider),
      404
    )
    assertStatus(await client.get('/workflows/hiring').loginAs(cast.outsider), 404)
    assertStatus(await client.get('/workflows/hiring').loginAs(cast.inside), 200)
  })
})
