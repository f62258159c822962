import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import SaveWorkflowAccess from '#actions/workflows/save_workflow_access'
import UpdateUser from '#actions/users/update_user'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { startProcesses } from '#tests/helpers/process_fixtures'

/**
 * The list's filter options (workflows with their stages and searchable
 * fields, the people) are built once per access epoch and set of hidden
 * workflows (#actions/process_pages/list_options). A change to what they
 * show still holds from the very next request.
 */
test.group('Process pages / list filter options', (group) => {
  freshDatabase(group)

  test('a new, deactivated or renamed person, a new workflow and a new access rule show on the next request', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').merge({ name: 'Ada Admin' }).create()
    const member = await UserFactory.merge({ name: 'Mia Member' }).create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, admin)
    await startProcesses(1, admin)

    const options = async (viewer: typeof admin) => {
      const response = await client.get('/processes').loginAs(viewer).withInertia()
      response.assertStatus(200)
      const props = response.inertiaProps as any
      return {
        workflows: props.workflows.map((w: any) => w.key).sort(),
        people: props.people.map((p: any) => p.name).sort(),
        person: props.people.find((p: any) => p.name === 'Mia Member'),
      }
    }

    const peopleOf = async (viewer: typeof admin) => {
      const { people } = await options(viewer)
      return people
    }
    const workflowsOf = async (viewer: typeof admin) => {
      const { workflows } = await options(viewer)
      return workflows
    }

    const first = await options(member)
    assert.deepEqual(first.workflows, ['order-fulfilment'])
    assert.deepEqual(first.people, ['Ada Admin', 'Mia Member'])
    // The person transformer's shape.
    assert.deepEqual(first.person, {
      id: member.id,
      name: 'Mia Member',
      email: member.email,
      role: 'member',
      initials: member.initials,
      isActive: true,
    })
    assert.deepEqual(await options(member), first)

    const newcomer = await UserFactory.merge({ name: 'Nia New' }).create()
    assert.deepEqual(await peopleOf(member), ['Ada Admin', 'Mia Member', 'Nia New'])

    await new UpdateUser().handle(newcomer, { isActive: false })
    assert.deepEqual(await peopleOf(member), ['Ada Admin', 'Mia Member'])

    member.name = 'Mia Renamed'
    await member.save()
    assert.deepEqual(await peopleOf(member), ['Ada Admin', 'Mia Renamed'])

    const { workflow } = await publishWorkflow(DEMO_DEFINITIONS.supportTicket, admin)
    const withTicket = await options(member)
    assert.deepEqual(withTicket.workflows, ['order-fulfilment', 'support-ticket'])

    // A rule hiding the new workflow from members: the member's options lose it, the admin's keep it.
    await new SaveWorkflowAccess().handle(workflow, { see: [{ role: 'admin' }] })
    assert.deepEqual(await workflowsOf(member), ['order-fulfilment'])
    assert.deepEqual(await workflowsOf(admin), ['order-fulfilment', 'support-ticket'])
    assert.deepEqual(await workflowsOf(member), ['order-fulfilment'])
  })
})
