import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase } from '#tests/helpers/common'

test.group('Authorization by role', (group) => {
  freshDatabase(group)

  test('a member gets the 403 page for user management', async ({ client }) => {
    const member = await UserFactory.create()
    const response = await client.get('/admin/users').loginAs(member).withInertia()
    response.assertStatus(403)
    response.assertInertiaComponent('errors/forbidden')
  })

  test('a manager cannot manage users either', async ({ client }) => {
    const manager = await UserFactory.apply('manager').create()
    const response = await client.get('/admin/users/create').loginAs(manager).withInertia()
    response.assertStatus(403)
  })

  test('a member cannot open reports; a manager can', async ({ client }) => {
    const member = await UserFactory.create()
    const manager = await UserFactory.apply('manager').create()

    const denied = await client.get('/reports').loginAs(member).withInertia()
    denied.assertStatus(403)

    const allowed = await client.get('/reports').loginAs(manager).withInertia()
    allowed.assertStatus(200)
    allowed.assertInertiaComponent('reports/index')
  })

  test('the navigation abilities shared with pages follow the role', async ({ client }) => {
    const member = await UserFactory.create()
    const admin = await UserFactory.apply('admin').create()

    const asMember = await client.get('/').loginAs(member).withInertia()
    asMember.assertInertiaPropsContains({ can: { viewReports: false, viewAdmin: false } })

    const asAdmin = await client.get('/').loginAs(admin).withInertia()
    asAdmin.assertInertiaPropsContains({ can: { viewReports: true, viewAdmin: true } })
  })

  test('a member cannot change roles by calling the endpoint directly', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.create()
    const other = await UserFactory.create()
    const response = await client
      .patch(`/admin/users/${other.id}`)
      .json({ role: 'admin' })
      .loginAs(member)
      .withCsrfToken()
      .withInertia()
    response.assertStatus(403)
    await other.refresh()
    assert.equal(other.role, 'member')
  })

  test('unknown pages render the 404 page', async ({ client }) => {
    const member = await UserFactory.create()
    const response = await client.get('/no/such/page').loginAs(member).withInertia()
    response.assertStatus(404)
    response.assertInertiaComponent('errors/not_found')
  })
})
