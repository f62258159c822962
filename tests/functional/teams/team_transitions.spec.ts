import { test } from '@japa/runner'
import type { WorkflowDefinition } from '#engine/definition'
import StartProcess from '#actions/processes/start_process'
import { UserFactory } from '#database/factories/user_factory'
import { freshDatabase, publishWorkflow, truncateAll } from '#tests/helpers/common'
import { teamWith } from '#tests/helpers/access_fixtures'

/** The status check of an awaited request, as one statement. */
function assertStatus(response: { assertStatus(status: number): void }, status: number) {
  response.assertStatus(status)
}

/** A two-step workflow whose transitions are limited by team, and by a guard on user.teams. */
const definition: WorkflowDefinition = {
  key: 'expense',
  name: 'Expense',
  stages: [
    { key: 'submitted', name: 'Submitted', type: 'start' },
    { key: 'checked', name: 'Checked', type: 'task' },
    { key: 'paid', name: 'Paid', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'check', from: 'submitted', to: 'checked', roles: ['manager'], teams: ['finance'] },
    {
      key: 'pay',
      from: 'checked',
      to: 'paid',
      when: '"finance" in user.teams',
      whenMessage: 'Only Finance pays.',
    },
  ],
}

test.group('Teams / transitions and guards', (group) => {
  freshDatabase(group)
  group.teardown(() => truncateAll())

  test('"teams" beside "roles": a member of a listed team or a listed role may run it', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const financeMember = await UserFactory.create()
    const otherMember = await UserFactory.create()
    const manager = await UserFactory.apply('manager').create()
    await teamWith('finance', [financeMember])
    await publishWorkflow(definition, admin)

    const start = async () => {
      const started = await new StartProcess().handle({
        workflowKey: 'expense',
        title: 'Taxi',
        actor: admin,
      })
      return started.process.id
    }
    const check = (id: number, user: typeof admin) =>
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'check', expectedVersion: 1 })
        .withGuard('api')
        .loginAs(user)

    const refused = await check(await start(), otherMember)
    refused.assertStatus(422)
    refused.assertBodyContains({ errors: [{ code: 'role_not_allowed' }] })
    const byTeam = await check(await start(), financeMember)
    byTeam.assertStatus(200)
    const byRole = await check(await start(), manager)
    byRole.assertStatus(200)

    const detail = await client
      .get(`/api/v1/processes/${await start()}`)
      .withGuard('api')
      .loginAs(financeMember)
    const offered = detail
      .body()
      .data.availableTransitions.find((t: { key: string }) => t.key === 'check')
    assert.isTrue(offered.allowed, 'the process answer offers it to the team member')
  })

  test('a guard reads user.teams: "finance" in user.teams holds only for Finance', async ({
    client,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const finance = await UserFactory.apply('manager').create()
    const other = await UserFactory.apply('manager').create()
    await teamWith('finance', [finance])
    await publishWorkflow(definition, admin)

    const checked = async () => {
      const { process } = await new StartProcess().handle({
        workflowKey: 'expense',
        title: 'Hotel',
        actor: admin,
      })
      await client
        .post(`/api/v1/processes/${process.id}/transitions`)
        .json({ transition: 'check', expectedVersion: 1 })
        .withGuard('api')
        .loginAs(admin)
      return process.id
    }
    const pay = (id: number, user: typeof admin) =>
      client
        .post(`/api/v1/processes/${id}/transitions`)
        .json({ transition: 'pay', expectedVersion: 2 })
        .withGuard('api')
        .loginAs(user)

    const refused = await pay(await checked(), other)
    refused.assertStatus(422)
    refused.assertBodyContains({
      errors: [{ code: 'guard_failed', message: 'Only Finance pays.' }],
    })
    assertStatus(await pay(await checked(), finance), 200)
  })

  test('publishing type-checks user.teams and refuses a transition "teams" that is not a key list', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const draft = (transitions: object[]) =>
      client
        .post('/api/v1/workflows')
        .json({ ...definition, key: `expense-${transitions.length}`, transitions })
        .withGuard('api')
        .loginAs(admin)

    const fine = await draft(definition.transitions)
    fine.assertStatus(201)

    const typo = await draft([
      { key: 'check', from: 'submitted', to: 'checked', teams: ['Finance Team', 3] },
      { key: 'pay', from: 'checked', to: 'paid', when: 'user.teams > 1' },
      { key: 'x', from: 'submitted', to: 'paid', when: 'user.team == "x"' },
    ])
    typo.assertStatus(422)
    const fields = typo.body().errors.map((e: { field: string }) => e.field)
    assert.includeMembers(fields, [
      '$.transitions[0].teams[0]',
      '$.transitions[0].teams[1]',
      '$.transitions[1].when',
      '$.transitions[2].when',
    ])
  })
})
