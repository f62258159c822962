import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import Calendar from '#models/calendar'
import { freshDatabase } from '#tests/helpers/common'

test.group('Business calendars / Admin → Calendars', (group) => {
  freshDatabase(group)

  test('admins see the (empty) list and create a calendar through the form; others are refused', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const empty = await client.get('/admin/calendars').loginAs(admin).withInertia()
    empty.assertStatus(200)
    empty.assertInertiaComponent('admin/calendars/index')
    assert.deepEqual((empty.inertiaProps as { calendars: unknown[] }).calendars, [])

    const created = await client
      .post('/admin/calendars')
      .json({
        key: 'adelaide',
        name: 'Adelaide',
        timeZone: 'Australia/Adelaide',
        hours: { mon: ['08:30-17:00'] },
        holidays: ['--01-26'],
        isDefault: true,
      })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    created.assertStatus(302)
    const calendar = await Calendar.findByOrFail('key', 'adelaide')
    assert.isTrue(calendar.isDefault)
    assert.deepEqual(calendar.holidays, ['--01-26'])

    const edit = await client.get('/admin/calendars/adelaide/edit').loginAs(admin).withInertia()
    edit.assertInertiaComponent('admin/calendars/form')

    const bad = await client
      .put('/admin/calendars/adelaide')
      .json({
        name: 'Adelaide',
        timeZone: 'Nowhere/Else',
        hours: { mon: ['08:30-17:00'] },
        holidays: [],
      })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    bad.assertStatus(302)
    const unchanged = await Calendar.findByOrFail('key', 'adelaide')
    assert.equal(unchanged.timeZone, 'Australia/Adelaide')

    const manager = await UserFactory.apply('manager').create()
    const refused = await client.get('/admin/calendars').loginAs(manager).withInertia()
    refused.assertStatus(403)
  })
})
