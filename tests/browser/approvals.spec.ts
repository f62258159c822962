import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import Process from '#models/process'
import VoteOnProcess from '#actions/processes/vote_on_process'
import { freshDatabase, truncateAll } from '#tests/helpers/common'
import { move, signIn } from '#tests/helpers/process_fixtures'
import { seriousViolations } from '#tests/helpers/axe'
import { absent, processAt, teamWith } from '#tests/helpers/team_fixtures'

test.group('Browser / team queues and approvals', (group) => {
  freshDatabase(group)
  // SQLite rolls migrations back by rebuilding tables: leave no rows behind.
  group.teardown(() => truncateAll())

  test('a finance member claims from the team queue, a second approver approves, the process moves', async ({
    visit,
    assert,
  }) => {
    const creator = await UserFactory.apply('manager').merge({ name: 'Max Manager' }).create()
    const ana = await UserFactory.merge({ name: 'Ana Lima' }).create()
    const bruno = await UserFactory.merge({ name: 'Bruno Costa' }).create()
    const diego = await UserFactory.merge({ name: 'Diego Rocha' }).create()
    await teamWith('finance', [ana, bruno], 'Finance')
    await absent(bruno, diego)
    const queued = await processAt('review', creator)

    // My work → Team queues: Ana claims it.
    const page = await signIn(visit, ana)
    await page.getByRole('link', { name: 'Team queues' }).click()
    await page.waitForURL((url) => url.pathname === '/queues')
    await page.assertTextContains('h2', 'Finance')
    assert.deepEqual(await seriousViolations(page), [])
    await page.getByRole('button', { name: `Claim ${queued.reference}` }).click()
    await page.waitForURL((url) => url.pathname === `/processes/${queued.id}`)
    await page.assertTextContains('.process-facts', 'Ana Lima')
    const claimed = await Process.findOrFail(queued.id)
    assert.equal(claimed.assigneeId, ana.id)

    // She sends it for approval; Diego votes for Bruno, who is away.
    const asking = await move(await Process.findOrFail(queued.id), 'ask', ana)
    await new VoteOnProcess().handle({
      process: asking,
      actor: diego,
      decision: 'approve',
      comment: 'Fine for Bruno',
    })

    await page.reload()
    const panel = page.locator('.area-approval')
    await panel.getByText('Diego Rocha').waitFor()
    await page.assertTextContains('.area-approval', 'for Bruno Costa')
    await page.assertTextContains('.area-approval', 'Fine for Bruno')
    await page.assertTextContains('.waiting-on', 'the approval of Ana Lima')
    await page.assertTextContains('.timeline', 'Diego Rocha approved on behalf of Bruno Costa')
    assert.deepEqual(await seriousViolations(page), [])

    // Ana is the second approver: quorum 2 is met and the engine moves the process.
    await page.getByLabel('Comment on your vote').fill('Agreed')
    await page.getByRole('button', { name: 'Approve', exact: true }).click()
    await page.assertTextContains('.process-heading .badge-stage', 'Approved')
    await page.assertTextContains('.area-approval', 'Approved.')
    await page.assertTextContains('.timeline', 'Approved: moved to "Approved"')
    await page.assertTextContains('.timeline', 'Ana Lima approved')
    await page.screenshot({ path: 'tmp/screenshots/approval-tally.png', fullPage: true })
    const stored = await Process.findOrFail(queued.id)
    assert.equal(stored.stageKey, 'approved')
    assert.equal(stored.status, 'completed')
  })
})
