import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { comment, startProcesses } from '#tests/helpers/process_fixtures'

const sequences = (response: any) =>
  (response.inertiaProps as any).timeline.map((e: { sequence: number }) => e.sequence)

test.group('Process page / timeline by cursor', (group) => {
  freshDatabase(group)

  test('older pages follow the sequence, stay the same while events arrive, and end at the start', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    await publishWorkflow(DEMO_DEFINITIONS.orderFulfilment, manager)
    const [started] = await startProcesses(1, manager)
    const process = await comment(started!, manager, 219) // 220 events
    const url = `/processes/${process.id}`

    const first = await client.get(url).loginAs(manager).withInertia()
    const props = first.inertiaProps as any
    assert.deepEqual(sequences(first), range(220, 121))
    assert.isNull(props.timelineLatestUrl)
    assert.include(props.timelineOlderUrl, 'before=121')

    // Ten more events arrive: the older page is still 120..21.
    await comment(process, manager, 10)
    const second = await client.get(props.timelineOlderUrl).loginAs(manager).withInertia()
    assert.deepEqual(sequences(second), range(120, 21))
    const secondProps = second.inertiaProps as any
    assert.equal(secondProps.timelineLatestUrl, url)
    // The page still describes the process as it is now.
    assert.equal(secondProps.timelineTotal, 230)

    const last = await client.get(secondProps.timelineOlderUrl).loginAs(manager).withInertia()
    assert.deepEqual(sequences(last), range(20, 1))
    assert.isNull((last.inertiaProps as any).timelineOlderUrl)

    const bad = await client.get(url).qs({ before: 'x' }).loginAs(manager).redirects(0)
    assert.notEqual(bad.status(), 500)
    assert.notEqual(bad.status(), 200)
  })
})

function range(from: number, to: number) {
  const out: number[] = []
  for (let n = from; n >= to; n--) out.push(n)
  return out
}
