import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, PASSWORD } from '#tests/helpers/common'

test.group('Browser / signing in', (group) => {
  freshDatabase(group)

  test('a person signs in through the login page and sees the dashboard shell', async ({
    visit,
  }) => {
    const user = await UserFactory.apply('manager').merge({ name: 'Mara Manager' }).create()

    const page = await visit('/login')
    await page.getByLabel('E-mail').fill(user.email)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()

    await page.waitForURL((url) => url.pathname === '/')
    await page.assertTextContains('h1', 'Hello, Mara Manager')
    // The manager sees Reports but not Admin in the navigation.
    await page.assertVisible(page.getByRole('link', { name: 'Reports' }))
    await page.assertNotExists(page.getByRole('link', { name: 'Admin' }))
  })

  test('wrong credentials show a message on the form', async ({ visit }) => {
    const user = await UserFactory.create()
    const page = await visit('/login')
    await page.getByLabel('E-mail').fill(user.email)
    await page.getByLabel('Password').fill('wrong-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.assertTextContains('[role=alert]', 'do not match an active account')
    await page.assertPath('/login')
  })
})
