import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import Calendar from '#models/calendar'
import { freshDatabase } from '#tests/helpers/common'
import { calendarExists } from '#actions/calendars/calendars_of'

const LISBON = {
  key: 'lisbon',
  name: 'Lisbon office',
  timeZone: 'Europe/Lisbon',
  hours: { mon: ['09:00-12:30', '13:30-18:00'], fri: ['09:00-13:00'] },
  holidays: ['2026-12-08', '--12-25'],
}

/** The errors naming a field (the first error of a 422 sums them up). */
const fieldErrors = (body: { errors: { field?: string; code: string }[] }) =>
  body.errors.filter((e) => e.field !== undefined) as { field: string; code: string }[]

test.group('API / calendars', (group) => {
  freshDatabase(group)

  test('an admin creates, lists and changes calendars; one is the default', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const created = await client
      .post('/api/v1/calendars')
      .json(LISBON)
      .withGuard('api')
      .loginAs(admin)
    created.assertStatus(201)
    created.assertBodyContains({
      data: { key: 'lisbon', timeZone: 'Europe/Lisbon', isDefault: true },
    })
    assert.isTrue(await calendarExists('lisbon'))
    assert.isFalse(await calendarExists('nowhere'))

    const second = await client
      .post('/api/v1/calendars')
      .json({
        ...LISBON,
        key: 'kolkata',
        name: 'Kolkata',
        timeZone: 'Asia/Kolkata',
        isDefault: true,
      })
      .withGuard('api')
      .loginAs(admin)
    second.assertStatus(201)
    // Making one the default unsets the other.
    const lisbon = await Calendar.findByOrFail('key', 'lisbon')
    assert.isFalse(lisbon.isDefault)

    const updated = await client
      .put('/api/v1/calendars/lisbon')
      .json({ timeZone: 'Europe/Lisbon', hours: { tue: ['08:00-16:00'] }, holidays: [] })
      .withGuard('api')
      .loginAs(admin)
    updated.assertStatus(200)
    updated.assertBodyContains({ data: { name: 'Lisbon office', hours: { tue: ['08:00-16:00'] } } })

    const member = await UserFactory.create()
    const list = await client.get('/api/v1/calendars').withGuard('api').loginAs(member)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((c: { key: string }) => c.key),
      ['kolkata', 'lisbon']
    )
  })

  test('bad settings get 422 naming each wrong entry', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const cases: [Record<string, unknown>, [string, string][]][] = [
      [{ timeZone: 'Mars/Olympus' }, [['timeZone', 'invalid_time_zone']]],
      [{ hours: { mon: ['9-17'] } }, [['hours.mon.0', 'invalid_range']]],
      [{ hours: { mon: ['17:00-09:00'] } }, [['hours.mon.0', 'invalid_range']]],
      [{ hours: { mon: ['09:00-13:00', '12:00-17:00'] } }, [['hours.mon.1', 'overlapping_ranges']]],
      [{ hours: { funday: ['09:00-17:00'] } }, [['hours.funday', 'invalid_weekday']]],
      [
        { holidays: ['2026-02-30', '--13-01', '25/12'] },
        [
          ['holidays.0', 'invalid_date'],
          ['holidays.1', 'invalid_date'],
          ['holidays.2', 'invalid_date'],
        ],
      ],
    ]
    for (const [change, expected] of cases) {
      const response = await client
        .post('/api/v1/calendars')
        .json({ ...LISBON, ...change })
        .withGuard('api')
        .loginAs(admin)
      response.assertStatus(422)
      assert.deepEqual(
        fieldErrors(response.body()).map((e) => [e.field, e.code]),
        expected,
        JSON.stringify(change)
      )
    }
    // The shape is VineJS's: a missing time zone, hours that are not lists.
    const shape = await client
      .post('/api/v1/calendars')
      .json({ key: 'x', name: 'X', hours: { mon: '09:00-17:00' }, holidays: [] })
      .withGuard('api')
      .loginAs(admin)
    shape.assertStatus(422)
    assert.includeMembers(
      shape.body().errors.map((e: { field: string }) => e.field),
      ['timeZone', 'hours.mon']
    )
    assert.equal(
      await Calendar.query()
        .count('* as n')
        .first()
        .then((r) => Number(r!.$extras.n)),
      0
    )

    await client.post('/api/v1/calendars').json(LISBON).withGuard('api').loginAs(admin)
    const taken = await client
      .post('/api/v1/calendars')
      .json(LISBON)
      .withGuard('api')
      .loginAs(admin)
    taken.assertStatus(422)
    assert.equal(fieldErrors(taken.body())[0].code, 'calendar_key_taken')
    const undefault = await client
      .put('/api/v1/calendars/lisbon')
      .json({ ...LISBON, isDefault: false })
      .withGuard('api')
      .loginAs(admin)
    undefault.assertStatus(422)
    assert.equal(fieldErrors(undefault.body())[0].field, 'isDefault')
    const overlap = await client
      .put('/api/v1/calendars/lisbon')
      .json({ ...LISBON, hours: { wed: ['08:00-12:00', '11:59-13:00'] } })
      .withGuard('api')
      .loginAs(admin)
    overlap.assertStatus(422)
    assert.equal(fieldErrors(overlap.body())[0].field, 'hours.wed.1')
  })

  test('only admins change calendars; an unknown key is 404', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const manager = await UserFactory.apply('manager').create()
    const refused = await client
      .post('/api/v1/calendars')
      .json(LISBON)
      .withGuard('api')
      .loginAs(manager)
    refused.assertStatus(403)
    const missing = await client
      .put('/api/v1/calendars/nowhere')
      .json(LISBON)
      .withGuard('api')
      .loginAs(admin)
    missing.assertStatus(404)
    const anonymous = await client.get('/api/v1/calendars')
    anonymous.assertStatus(401)
  })
})
