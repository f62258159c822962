import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase } from '#tests/helpers/common'

/*
 * A command answers with a redirect and a flash message for the page it
 * leads to. A request the page makes on its own (the unread-count poll,
 * the live-update stream) may land in between: it must pass the message
 * on, not take it.
 */
test.group('Session / background requests', (group) => {
  freshDatabase(group)

  const message = 'OF-000001 moved to "Reserving inventory".'

  test('the unread-count poll passes a pending flash message on to the next visit', async ({
    client,
    assert,
  }) => {
    const member = await UserFactory.create()
    const poll = await client
      .get('/notifications/unread')
      .accept('json')
      .loginAs(member)
      .withFlashMessages({ success: message })
    poll.assertStatus(200)
    assert.isNumber(poll.body().unread)
    poll.assertFlashMessage('success', message)
  })

  test('a page visit shows the message and does not pass it on', async ({ client, assert }) => {
    const member = await UserFactory.create()
    const visit = await client
      .get('/notifications')
      .withInertia()
      .loginAs(member)
      .withFlashMessages({ success: message })
    visit.assertStatus(200)
    assert.equal(visit.body().flash?.success, message)
    assert.notProperty(visit.flashMessages(), 'success')
  })
})
