import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import User from '#models/user'
import Attachment from '#models/attachment'
import type { WorkflowDefinition } from '#engine/definition'
import CommentOnProcess from '#actions/processes/comment_on_process'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { move, signIn, startProcesses } from '#tests/helpers/process_fixtures'

/**
 * Strings that break an HTML page when its page object is embedded
 * without escaping (a script element ended or swallowed early, a
 * comment opened, a line terminator JavaScript once refused, markup
 * that must stay text).
 */
const HOSTILE = [
  '<!--<script>',
  '</script><script>alert(1)</script>',
  '<!--',
  ']]>',
  '\u2028\u2029',
  '&lt;b&gt;',
  `"'><img src=x onerror=alert(1)>`,
]

/** `label h end`: text after the string, so trimming cannot drop it (U+2028 is white space to trim()). */
const mark = (label: string, h: string) => `${label} ${h} end`

/** The demo order workflow with `h` in its name, description, stage names and labels. */
function hostileDefinition(h: string): WorkflowDefinition {
  const definition = structuredClone(DEMO_DEFINITIONS.orderFulfilment) as WorkflowDefinition
  const document = definition as unknown as {
    name: string
    description?: string
    stages: { name: string; fields?: { label: string }[] }[]
    transitions: { label: string }[]
  }
  document.name = mark('Workflow', h)
  document.description = mark('About', h)
  for (const stage of document.stages) {
    stage.name = mark(stage.name, h)
    for (const field of stage.fields ?? []) field.label = mark(field.label, h)
  }
  for (const transition of document.transitions) transition.label = mark(transition.label, h)
  return definition
}

/**
 * What Vite's dev server causes in tests, not the page: its hot-reload
 * socket refused by the CSP, and a module request answered "504 Outdated
 * Optimize Dep" while it re-bundles dependencies (the page then reloads).
 */
const DEV_SERVER_NOISE =
  /^Connecting to 'ws:|Failed to load resource: the server responded with a status of 504|Failed to fetch dynamically imported module/

/**
 * Loads `url` with a full page load and checks that the app rendered
 * (the signed-in header is there), no script error happened, and each
 * expected text is on the page, character for character.
 */
async function loadsWithText(page: Page, url: string, texts: string[], assert: any) {
  const errors: string[] = []
  const onError = (error: Error) => {
    if (!DEV_SERVER_NOISE.test(error.message)) errors.push(error.message)
  }
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error' && !DEV_SERVER_NOISE.test(message.text())) {
      errors.push(message.text())
    }
  }
  page.on('pageerror', onError)
  page.on('console', onConsole)
  try {
    await page.goto(url)
    await page.locator('header.topbar .user-menu').waitFor({ timeout: 10_000 })
    await page.locator('main#main').waitFor()
    // The rendered app only: the embedded page object is not what a person reads.
    const body = (await page.evaluate(() => document.getElementById('app')?.textContent)) ?? ''
    for (const text of texts) {
      assert.include(body, text, `${url} shows ${JSON.stringify(text)}`)
    }
    // Nothing the strings carry ran or became markup.
    assert.equal(await page.locator('main img[src="x"]').count(), 0, `${url}: no injected img`)
    assert.deepEqual(errors, [], `${url}: script errors: ${errors.join(' | ')}`)
  } finally {
    page.off('pageerror', onError)
    page.off('console', onConsole)
  }
}

test.group('Browser / stored hostile text', (group) => {
  freshDatabase(group)

  for (const h of HOSTILE) {
    test(`every page renders with ${JSON.stringify(h)} stored in each text and shows it literally`, async ({
      visit,
      client,
      assert,
    }) => {
      const admin = await UserFactory.merge({ name: mark('Person', h) })
        .apply('admin')
        .create()
      const { workflow } = await publishWorkflow(hostileDefinition(h), admin)
      const [started] = await startProcesses(1, admin, {
        title: () => mark('Title', h),
        assigneeId: admin.id,
      })
      let process = await move(started!, 'reserve_inventory', admin)
      process = await move(process, 'inventory_reserved', admin)
      process = await move(process, 'process_payment', admin)
      process = await move(process, 'approve_payment', admin, {
        data: { payment_reference: mark('Ref', h) },
      })
      const { process: commented } = await new CommentOnProcess().handle({
        process,
        // Comments are Markdown (where "&lt;" is a character reference): a code span keeps them literal.
        body: `Note \`${h}\` end`,
        expectedVersion: process.version,
        actorId: admin.id,
      })
      process = commented

      // The multipart parser keeps a file name's base name (after "/") and drops a part whose
      // name holds a line terminator: the pages must show whatever was stored.
      const clientName = `${mark('File', h).replace(/[\u2028\u2029]/g, '')}.txt`
      const upload = await client
        .post(`/processes/${process.id}/attachments`)
        .loginAs(admin)
        .withCsrfToken()
        .header('referer', `/processes/${process.id}`)
        .file('file', Buffer.from('plain words\n'), { filename: clientName })
        .redirects(0)
      upload.assertStatus(302)
      const { fileName } = await Attachment.findByOrFail('process_id', process.id)
      assert.include(fileName, ' end.txt')

      await User.accessTokens.create(admin, ['*'], { name: mark('Token', h) })

      const page = await signIn(visit, admin)
      const person = mark('Person', h)
      const workflowName = mark('Workflow', h)
      const stage = mark('Payment approved', h)

      await loadsWithText(page, '/', [person], assert)
      await loadsWithText(page, '/processes', [person, mark('Title', h), stage], assert)
      await loadsWithText(
        page,
        `/processes/${process.id}`,
        [person, mark('Title', h), stage, mark('Note', h), mark('Ref', h), fileName],
        assert
      )
      await loadsWithText(page, '/processes/create', [workflowName], assert)
      await loadsWithText(page, '/workflows', [workflowName], assert)
      await loadsWithText(page, `/workflows/${workflow.key}`, [workflowName, stage], assert)
      await loadsWithText(
        page,
        `/workflows/${workflow.key}/board`,
        [stage, mark('Title', h)],
        assert
      )
      await loadsWithText(page, `/workflows/${workflow.key}/edit`, [person], assert)
      await loadsWithText(page, '/admin/users', [person], assert)
      await loadsWithText(page, '/profile', [person, mark('Token', h)], assert)
      await loadsWithText(page, '/reports', [workflowName], assert)
      await loadsWithText(page, '/notifications', [person], assert)
    })
  }
})
