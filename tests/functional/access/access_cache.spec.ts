import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { UserFactory } from '#database/factories/user_factory'
import SetTeamMembers from '#actions/teams/set_team_members'
import UpdateUser from '#actions/users/update_user'
import SaveWorkflowAccess from '#actions/workflows/save_workflow_access'
import { bumpEpoch, sharedEpochKey } from '#support/access/access_epoch'
import { freshDatabase } from '#tests/helpers/common'
import { countQueries } from '#tests/helpers/query_counter'
import { startProcesses } from '#tests/helpers/process_fixtures'
import { restrictedWorkflow, teamWith } from '#tests/helpers/access_fixtures'

/**
 * The signed-in user, the access rules and the viewer's teams are kept in
 * memory per access epoch (#support/access/access_epoch). These tests show
 * the cache is in use (a repeated page view does not read them again) and
 * that a change to a user, a membership or a rule still holds from the very
 * next request: deactivation, a role change, leaving a team, a new rule —
 * and a change made by another instance, which only bumps the shared epoch.
 */
const USER_LOOKUP = /from [`"]users[`"] where [`"]id[`"] = \? limit \?/
const RULES_LOOKUP = /[`"]access[`"] is not null/
const TEAMS_LOOKUP = /from [`"]team_members[`"]/

async function setUp() {
  const admin = await UserFactory.apply('admin').create()
  const member = await UserFactory.apply('manager').merge({ name: 'Fay Finance' }).create()
  const finance = await teamWith('finance', [member])
  const workflow = await restrictedWorkflow('fin', admin, {
    start: [{ team: 'finance' }],
    see: [{ team: 'finance' }],
    work: [{ team: 'finance' }],
  })
  const [process] = await startProcesses(1, admin, { workflow: 'fin' })
  return { admin, member, finance, workflow, process: process! }
}

/** Awaits a request and checks its status. */
async function expectStatus(request: PromiseLike<ApiResponse>, status: number) {
  const response = await request
  response.assertStatus(status)
  return response
}

/** What "another instance changed it" looks like here: the shared epoch moves, nothing else. */
async function anotherInstanceBumpsTheEpoch() {
  if (sharedEpochKey) await redis.connection('main').incr(sharedEpochKey)
  else await bumpEpoch() // one instance without Redis: the epoch is this process's
}

test.group('Access cache / changes hold from the next request', (group) => {
  freshDatabase(group)

  test('a repeated page view reads neither the user, the rules nor the teams again', async ({
    client,
    assert,
  }) => {
    const { member } = await setUp()
    const visit = () => client.get('/processes').loginAs(member).withInertia()

    const first = await countQueries(visit)
    first.result.assertStatus(200)
    const again = await countQueries(visit)
    again.result.assertStatus(200)

    assert.isTrue(
      first.queries.some((sql) => USER_LOOKUP.test(sql)),
      first.queries.join('\n')
    )
    for (const lookup of [USER_LOOKUP, RULES_LOOKUP, TEAMS_LOOKUP]) {
      assert.isFalse(
        again.queries.some((sql) => lookup.test(sql)),
        `${lookup}:\n${again.queries.join('\n')}`
      )
    }
    // Also from memory: the published workflows with their versions, the active people, the
    // rows' workflows and assignees, the saved views. Left: the page of rows (a first page
    // that is not full is its own count).
    assert.equal(first.count, 9, first.queries.join('\n'))
    assert.equal(again.count, 1, again.queries.join('\n'))
  })

  test('a deactivated user is signed out on their next request', async ({ client }) => {
    const { member, process } = await setUp()
    const open = () => client.get(`/processes/${process.id}`).loginAs(member).redirects(0)
    await expectStatus(open(), 200)
    await expectStatus(open(), 200)

    await new UpdateUser().handle(member, { isActive: false })

    const response = await open()
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('a role taken away holds on the next request', async ({ client }) => {
    const { admin } = await setUp()
    const other = await UserFactory.apply('admin').create()
    const users = () => client.get('/admin/users').loginAs(other).redirects(0)
    await expectStatus(users(), 200)
    await expectStatus(users(), 200)

    await new UpdateUser().handle(other, { role: 'member' })

    await expectStatus(users(), 403)
    // The admin who was not changed keeps access.
    await expectStatus(client.get('/admin/users').loginAs(admin).redirects(0), 200)
  })

  test('leaving the team that a workflow is open to hides its processes from the next request', async ({
    client,
    assert,
  }) => {
    const { member, finance, process } = await setUp()
    const open = () => client.get(`/processes/${process.id}`).loginAs(member).redirects(0)
    await expectStatus(open(), 200)
    await expectStatus(open(), 200)

    await new SetTeamMembers().handle(finance, [])

    const response = await open()
    assert.notEqual(response.status(), 200)
    response.assertStatus(404)
  })

  test('a new access rule holds on the next request', async ({ client }) => {
    const { admin, member, workflow, process } = await setUp()
    const open = () => client.get(`/processes/${process.id}`).loginAs(member).redirects(0)
    await expectStatus(open(), 200)

    await new SaveWorkflowAccess().handle(workflow, { see: [{ role: 'admin' }] })

    await expectStatus(open(), 404)
    await expectStatus(client.get(`/processes/${process.id}`).loginAs(admin).redirects(0), 200)
  })

  test("another instance's change holds here from the next request (shared epoch)", async ({
    client,
  }) => {
    const { member, finance, process } = await setUp()
    const open = () => client.get(`/processes/${process.id}`).loginAs(member).redirects(0)
    await expectStatus(open(), 200)
    await expectStatus(open(), 200)

    // Written as another instance would, without this process's hooks; then its epoch bump.
    await db.from('team_members').where('team_id', finance.id).delete()
    await db.from('users').where('id', member.id).update({ role: 'member' })
    await expectStatus(open(), 200) // this instance has not been told yet: served from memory

    await anotherInstanceBumpsTheEpoch()
    await expectStatus(open(), 404)

    await db.from('users').where('id', member.id).update({ is_active: false })
    await anotherInstanceBumpsTheEpoch()
    const response = await open()
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})
