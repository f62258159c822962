import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import Calendar from '#models/calendar'
import Team from '#models/team'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'
import { restrictedWorkflow, teamWith } from '#tests/helpers/access_fixtures'
import { countQueries } from '#tests/helpers/query_counter'

const workingWeek = { mon: ['09:00-17:00'], tue: ['09:00-17:00'] }

test.group('Workflow pages / designer pickers', (group) => {
  freshDatabase(group)

  test('the designer offers the teams, calendars and the workflows its user may see', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await teamWith('support', [manager])
    await teamWith('finance', [])
    await Calendar.create({
      key: 'lisbon',
      name: 'Lisbon office',
      timeZone: 'Europe/Lisbon',
      hours: workingWeek,
      holidays: [],
      isDefault: false,
    })
    await publishWorkflow(reviewDefinition(), manager)
    await restrictedWorkflow('finance-only', manager, { see: [{ team: 'finance' }] })

    for (const url of ['/workflows/new', '/workflows/doc-review/edit']) {
      const response = await client.get(url).loginAs(manager).withInertia()
      response.assertStatus(200)
      const props = response.inertiaProps as Record<string, any>
      assert.deepEqual(props.teams, [
        { key: 'finance', name: 'FINANCE' },
        { key: 'support', name: 'SUPPORT' },
      ])
      assert.deepInclude(props.calendars, { key: 'lisbon', name: 'Lisbon office' })
      // A workflow outside the user's audience is not named (no existence leak).
      assert.deepEqual(
        props.childWorkflows.map((w: { key: string }) => w.key),
        ['doc-review']
      )
    }
  })

  test('the pickers cost the same queries for one team as for forty', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(reviewDefinition(), manager)
    await Team.create({ key: 'team-0', name: 'Team 0' })
    const visit = () => client.get('/workflows/doc-review/edit').loginAs(manager).withInertia()
    await visit()
    const one = await countQueries(visit)

    for (let i = 1; i < 40; i++) await Team.create({ key: `team-${i}`, name: `Team ${i}` })
    for (let i = 0; i < 10; i++) {
      await publishWorkflow(reviewDefinition({ key: `wf-${i}`, name: `Workflow ${i}` }), manager)
    }
    await visit() // warm, as the first count was (the changes above made the access epoch move)
    const forty = await countQueries(visit)

    assert.lengthOf((forty.result.inertiaProps as any).teams, 40)
    assert.lengthOf((forty.result.inertiaProps as any).childWorkflows, 11)
    assert.equal(forty.count, one.count, forty.queries.join('\n'))
  })
})
