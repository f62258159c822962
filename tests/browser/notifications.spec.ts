import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import transmit from '@adonisjs/transmit/services/main'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import StartProcess from '#actions/processes/start_process'
import { freshDatabase, publishWorkflow, PASSWORD } from '#tests/helpers/common'
import { drainOutbox, stopQueues } from '#tests/helpers/queue'

/** Waits until the server has an open stream subscribed to `channel`. */
async function subscribed(channel: string, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs
  while (transmit.getSubscribersFor(channel).length === 0) {
    if (Date.now() > deadline) throw new Error(`nobody subscribed to ${channel}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

test.group('Browser / notifications', (group) => {
  freshDatabase(group)
  group.teardown(() => stopQueues())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('a notification appears in the bell without reloading the page', async ({
    visit,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const member = await UserFactory.merge({ name: 'Nina Notified' }).create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)

    const page = await visit('/login')
    await page.getByLabel('E-mail').fill(member.email)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await page.assertVisible(page.getByRole('link', { name: 'Notifications', exact: true }))
    await page.evaluate(() => ((window as any).sameDocument = true))
    await subscribed(`users/${member.id}`)

    // Someone else assigns a process to her; the queue delivers the notification.
    await new StartProcess().handle({
      workflowKey: 'order-fulfilment',
      title: 'Urgent order',
      assigneeId: member.id,
      actor: manager,
    })
    await drainOutbox()

    const bell = page.getByRole('link', { name: 'Notifications, 1 unread' })
    await page.assertVisible(bell)
    await page.assertTextContains('.bell-count', '1')
    await page.assertTextContains('.bell-note', 'New: Assigned to you: OF-000001')
    assert.isTrue(await page.evaluate(() => (window as any).sameDocument === true))

    // The list has it; reading everything empties the bell.
    await bell.click()
    await page.waitForURL((url) => url.pathname === '/notifications')
    await page.assertTextContains('.notif-list', 'Assigned to you: OF-000001')
    await page.getByRole('button', { name: 'Mark all as read' }).click()
    await page.assertTextContains('.toasts', '1 notification marked as read.')
    await page.assertVisible(page.getByRole('link', { name: 'Notifications', exact: true }))
    await page.assertNotExists(page.locator('.bell-count'))
  })
})
